import ChanceryDomain

/// An amount of money, a percentage or a tonnage found in a text.
public struct Amount: Sendable, Hashable {
    /// The value in base units: `17,8 млн` is 17 800 000, `40 %` is 40.
    public var value: Double
    /// An ISO 4217 code (USD, EUR, RUB, KZT, CNY...), `percent` or `tonnes`; empty when the
    /// text names a multiplied figure without a unit (`3 млрд.`).
    public var unit: String
    /// Where the amount is written (from a currency sign or the number to the unit word and
    /// any case suffix glued to it by a hyphen, `64%-ға`).
    public var range: Range<String.Index>
    /// Whether the text hedges it: about, over, almost, около, более, свыше, шамамен,
    /// астам, жуық...
    public var isApproximate: Bool

    /// An amount in base units with its unit and where it is written.
    public init(value: Double, unit: String, range: Range<String.Index>, isApproximate: Bool = false) {
        self.value = value; self.unit = unit; self.range = range; self.isApproximate = isApproximate
    }
}

/// Finds amounts in a text: `17,8 млн долларов`, `$22bn`, `US$ 31.2 billion`,
/// `USD 500 million`, `1,2 трлн теңге`, `100 млрд долларға`, `3 миллиард доллар`,
/// `40 пайызға`, `64%-ға`, `на 12,5%`, `1 млн тонна`, `2,5 million tonnes`, `€2 billion`,
/// `1 234,5 млн рублей`, `AED 5 billion`, `¥3 trillion`, `2-3 млрд долларов` (both ends).
///
/// Numbers: thousands separated by a space, no-break space or narrow no-break space (any
/// language) or by commas (English); a decimal comma in Kazakh and Russian, a decimal point
/// in English (a decimal point is also read in Kazakh and Russian). Multipliers: мың / тыс. /
/// тысяч / thousand / k = 10³; млн / миллион / million / mn / m = 10⁶; млрд / миллиард /
/// billion / bn / b = 10⁹; трлн / триллион / trillion / tn = 10¹². Unit words are matched by
/// their stem, so Kazakh and Russian case endings (долларға, доллардан, долларлық,
/// теңгеге, тоннаға, пайыздан, долларов, рублей) are read. Dates, times and numbers glued
/// to words (`Су-35`, `C5+1`) are not amounts; nor is a bare number without a unit or a
/// multiplier.
public enum AmountReader {
    /// The amounts in `text`, in order.
    public static func amounts(in text: String, language: Language) -> [Amount] {
        amounts(in: text, tokens: RTokenizer.tokenize(text), language: language)
    }

    /// `amounts(in:language:)` for a text already tokenized (`RTokenizer.tokenize(text)`).
    static func amounts(in text: String, tokens t: [RToken], language: Language) -> [Amount] {
        let found = AmountParser(t: t, lang: language).all()
        return found.map { a in
            Amount(value: a.value, unit: a.unit, range: text.rIndex(t[a.start].start)..<text.rIndex(t[a.end - 1].end), isApproximate: a.approx)
        }
    }
}

/// Amount grammar over tokens.
struct AmountParser {
    let t: [RToken]
    let lang: Language

    struct Found {
        var value: Double
        var unit: String
        var start: Int
        var end: Int
        var approx: Bool
        /// The multiplier applied (1 when none).
        var mult: Double
        var multiplied: Bool { mult != 1 }
    }

    static let codes: [RKey: String] = RKey.table([
        "usd": "USD", "eur": "EUR", "rub": "RUB", "kzt": "KZT", "cny": "CNY", "rmb": "CNY", "aed": "AED",
        "gbp": "GBP", "jpy": "JPY", "try": "TRY", "chf": "CHF", "sar": "SAR", "irr": "IRR", "inr": "INR",
        "krw": "KRW", "uzs": "UZS", "kgs": "KGS", "qar": "QAR", "kwd": "KWD", "azn": "AZN", "byn": "BYN",
        "tjs": "TJS", "tmt": "TMT", "mnt": "MNT", "pkr": "PKR", "myr": "MYR", "sgd": "SGD", "hkd": "HKD",
    ])
    static let signs: [Int: String] = [0x24: "USD", 0x20AC: "EUR", 0xA3: "GBP", 0xA5: "CNY", 0x20B8: "KZT", 0x20BD: "RUB", 0x20B9: "INR", 0x20A9: "KRW", 0x20BA: "TRY"]
    /// Unit stems (lower-case prefixes) and their units.
    static let unitStems: [(String, String)] = [
        ("доллар", "USD"), ("долл", "USD"), ("dollar", "USD"),
        ("евро", "EUR"), ("euro", "EUR"),
        ("рубл", "RUB"), ("руб", "RUB"), ("ruble", "RUB"), ("rouble", "RUB"),
        ("теңге", "KZT"), ("тенге", "KZT"), ("tenge", "KZT"),
        ("юан", "CNY"), ("юань", "CNY"), ("yuan", "CNY"), ("renminbi", "CNY"),
        ("фунт", "GBP"), ("pound", "GBP"), ("иен", "JPY"), ("йен", "JPY"), ("yen", "JPY"),
        ("дирхам", "AED"), ("dirham", "AED"), ("лир", "TRY"), ("lira", "TRY"), ("рупи", "INR"), ("rupee", "INR"),
        ("риял", "SAR"), ("riyal", "SAR"), ("риал", "IRR"), ("rial", "IRR"), ("франк", "CHF"), ("franc", "CHF"),
        ("тонн", "tonnes"), ("тонна", "tonnes"), ("tonne", "tonnes"), ("ton", "tonnes"),
        ("процент", "percent"), ("пайыз", "percent"), ("percent", "percent"), ("pct", "percent"),
    ]
    /// Exact unit words (short forms that would be too loose as stems).
    static let unitExact: [RKey: String] = RKey.table([
        "сом": "KGS", "сомов": "KGS", "сома": "KGS", "сомға": "KGS", "сомнан": "KGS", "сум": "UZS", "сўм": "UZS",
        "сумов": "UZS", "тг": "KZT", "won": "KRW", "вон": "KRW",
    ])
    /// Words between a number and its currency: долларов США, АҚШ доллары, US dollars.
    static let fillers: Set<RKey> = RKey.set(["американских", "американский", "ақш", "us", "american", "metric", "сша", "u", "s", "of"])
    static let approxBefore: Set<RKey> = RKey.set([
        "около", "порядка", "примерно", "приблизительно", "более", "свыше", "почти", "ориентировочно", "менее",
        "about", "around", "approximately", "nearly", "almost", "over", "some", "roughly", "than", "approx", "circa",
        "шамамен", "шамасы", "шамалы", "жуық", "кем", "чем",
    ])
    static let approxAfter: Set<RKey> = RKey.set(["астам", "жуық", "артық", "шамасында", "шамасы", "шақты", "асады", "асты", "асқан", "асатын", "plus"])
    static let connectors: Set<RKey> = RKey.set(["до", "to", "and", "и", "или", "or", "мен", "бен", "пен", "және"])

    init(t: [RToken], lang: Language) { self.t = t; self.lang = lang }

    @inline(__always) func word(_ i: Int) -> RKey? { i < t.count && t[i].kind == .word ? t[i].key : nil }
    @inline(__always) func glued(_ i: Int) -> Bool { i < t.count && t[i].gap == .none }
    @inline(__always) func near(_ i: Int) -> Bool { i < t.count && t[i].gap != .newline }

    /// A currency sign or code before a number: `$`, `US$`, `USD`, `€`, `AED`. Returns the
    /// unit and the index of the number.
    func prefix(_ i: Int) -> (String, Int)? {
        guard i < t.count else { return nil }
        let x = t[i]
        if x.kind == .mark, let u = AmountParser.signs[x.value] {
            if i > 0, glued(i), t[i - 1].kind == .number { return nil } // "5$" is a suffix
            if i + 1 < t.count, t[i + 1].kind == .number, near(i + 1) { return (u, i + 1) }
            return nil
        }
        if x.kind == .word, x.allCaps {
            // "US$", "US $"
            if x.key == "us", i + 2 < t.count, t[i + 1].isMark("$"), t[i + 2].kind == .number, near(i + 2) { return ("USD", i + 2) }
            if let u = AmountParser.codes[x.key], i + 1 < t.count, t[i + 1].kind == .number, near(i + 1) { return (u, i + 1) }
        }
        return nil
    }

    /// Parses the number at `i`: returns its value and the index after it.
    func number(_ i: Int) -> (Double, Int)? {
        guard i < t.count, t[i].kind == .number else { return nil }
        // A date or a version: 11.12.2025, 1.2.3
        if i + 4 < t.count, glued(i + 1), glued(i + 2), glued(i + 3), glued(i + 4), t[i + 2].kind == .number, t[i + 4].kind == .number,
           t[i + 1].kind == .mark, t[i + 1].key == t[i + 3].key, t[i + 1].isMark(".") || t[i + 1].isMark("/") || t[i + 1].isMark("-"),
           !(t[i + 2].digits == 3 && t[i + 4].digits == 3) {
            return nil
        }
        // A time: 16:51
        if glued(i + 1), i + 2 < t.count, t[i + 1].isMark(":"), t[i + 2].kind == .number, glued(i + 2) { return nil }
        var intDigits = t[i].key.s
        var j = i + 1
        // Thousands separated by a (no-break, narrow) space: "1 234 567".
        if t[i].digits <= 3 {
            while j < t.count, t[j].kind == .number, t[j].digits == 3, t[j].gap == .space, t[j].start - t[j - 1].end <= 3 {
                // "в 2 000 тонн" yes; but not when the next group is followed by its own decimal
                // part and a unit that makes the earlier number a separate one? Keep it simple.
                intDigits += t[j].key.s; j += 1
            }
        }
        var frac = ""
        let sepComma = j + 1 < t.count && t[j].isMark(",") && glued(j) && t[j + 1].kind == .number && glued(j + 1)
        let sepDot = j + 1 < t.count && t[j].isMark(".") && glued(j) && t[j + 1].kind == .number && glued(j + 1)
        if sepComma || sepDot {
            // Count repeated groups of three: thousands separators ("1,234,567", "1.234.567").
            var k = j, groups = 0
            let sep = t[j].key
            while k + 1 < t.count, t[k].key == sep, glued(k), t[k + 1].kind == .number, glued(k + 1), t[k + 1].digits == 3 { groups += 1; k += 2 }
            let endsClean = !(k + 1 < t.count && (t[k].isMark(",") || t[k].isMark(".")) && glued(k) && t[k + 1].kind == .number && glued(k + 1))
            let thousands: Bool
            if sepComma && lang == .en {
                thousands = groups >= 1
            } else {
                thousands = groups >= 2 && endsClean
            }
            if thousands {
                var m = j
                while m < k { intDigits += t[m + 1].key.s; m += 2 }
                j = k
                // English "1,234.5"
                if lang == .en, j + 1 < t.count, t[j].isMark("."), glued(j), t[j + 1].kind == .number, glued(j + 1) { frac = t[j + 1].key.s; j += 2 }
            } else {
                frac = t[j + 1].key.s; j += 2
            }
        }
        guard let v = Double(frac.isEmpty ? intDigits : intDigits + "." + frac) else { return nil }
        return (v, j)
    }

    /// A multiplier word at `i`, glued to the number or after a space.
    func multiplier(_ i: Int, afterPrefix: Bool) -> (Double, Int)? {
        guard let w = word(i), near(i) else { return nil }
        var m: Double?
        switch w {
        case "тыс", "k": m = 1e3
        case "млн", "mn", "mln", "mio": m = 1e6
        case "млрд", "bn", "bln": m = 1e9
        case "трлн", "tn", "trn": m = 1e12
        case "m": m = afterPrefix && glued(i) ? 1e6 : nil
        case "b": m = afterPrefix && glued(i) ? 1e9 : nil
        default:
            if w.rStarts(with: "мың") { m = w.rStarts(with: "мыңда") ? nil : 1e3 }
            else if w.rStarts(with: "тысяч") || w.rStarts(with: "thousand") { m = 1e3 }
            else if w.rStarts(with: "миллион") || w.rStarts(with: "million") || w.rStarts(with: "млн") { m = 1e6 }
            else if w.rStarts(with: "миллиард") || w.rStarts(with: "billion") || w.rStarts(with: "млрд") { m = 1e9 }
            else if w.rStarts(with: "триллион") || w.rStarts(with: "trillion") || w.rStarts(with: "трлн") { m = 1e12 }
        }
        if w == "k" && !(afterPrefix && glued(i)) { m = nil }
        guard let mult = m else { return nil }
        return (mult, i + 1)
    }

    /// A unit word or sign at `i` (after fillers). Returns the unit and the index after it.
    func unit(_ i: Int, multiplied: Bool) -> (String, Int)? {
        var j = i
        var skipped = 0
        while let w = word(j), near(j), AmountParser.fillers.contains(w), skipped < 2 {
            // "U.S." spelled with dots
            j += 1; skipped += 1
            if j < t.count, t[j].isMark("."), glued(j) { j += 1 }
        }
        guard j < t.count, near(j) else { return nil }
        let x = t[j]
        if x.kind == .mark {
            if x.isMark("%") || x.value == 0x066A { return ("percent", j + 1) }
            if skipped == 0, let u = AmountParser.signs[x.value], x.value != 0x24 || glued(j) { return (u, j + 1) }
            return nil
        }
        guard x.kind == .word else { return nil }
        let w = x.key
        if x.allCaps, let u = AmountParser.codes[w] { return (u, j + 1) }
        if w == "per", word(j + 1) == "cent" { return ("percent", j + 2) }
        if let u = AmountParser.unitExact[w] {
            if u == "KRW" && !multiplied { return nil }
            return (u, j + 1)
        }
        if multiplied && (w == "т" || w == "mt" || w == "t") {
            return ("tonnes", t.count > j + 1 && t[j + 1].isMark(".") && glued(j + 1) ? j + 2 : j + 1)
        }
        for (s, u) in AmountParser.unitStems where w.rStarts(with: s) {
            if s == "ton" && !(w == "ton" || w == "tons" || w == "tonne" || w == "tonnes") { continue }
            if s == "лир" && !(w.rStarts(with: "лира") || w.rStarts(with: "лиры") || w.rStarts(with: "лир")) { continue }
            return (u, j + 1)
        }
        return nil
    }

    /// A case suffix glued by a hyphen: "-ға", "-тан", "-қа".
    func suffix(_ i: Int) -> Int {
        if i + 1 < t.count, t[i].isDash, glued(i), t[i + 1].kind == .word, glued(i + 1), t[i + 1].key.s.unicodeScalars.count <= 5 { return i + 2 }
        return i
    }

    /// Whether the number at `i` is glued to a word or number before it (Су-35, C5, A320).
    func gluedToWord(_ i: Int) -> Bool {
        guard i > 0, glued(i) else { return false }
        let p = t[i - 1]
        if p.kind == .word || p.kind == .number { return true }
        if (p.isDash || p.isMark("/") || p.isMark("+")) && i > 1 && glued(i - 1) && (t[i - 2].kind == .word || t[i - 2].kind == .number) {
            return t[i - 2].kind == .word
        }
        if p.isMark(".") || p.isMark(",") || p.isMark(":") { return i > 1 && glued(i - 1) && t[i - 2].kind == .number }
        return false
    }

    /// The amount starting at `i`, if any.
    func amount(at i: Int) -> Found? {
        let start = i
        var unitName: String?
        var j = i
        var hadPrefix = false
        if let (u, k) = prefix(i) {
            unitName = u; j = k; hadPrefix = true
        } else {
            guard t[i].kind == .number, !gluedToWord(i) else { return nil }
        }
        guard let (v, afterNum) = number(j) else { return nil }
        var end = afterNum
        var value = v
        var multiplied = false
        var mult = 1.0
        if let (m, k) = multiplier(end, afterPrefix: hadPrefix) {
            value *= m; end = k; multiplied = true; mult = m
        }
        // "млн." / "bn." before the unit word
        var probe = end
        if multiplied, probe < t.count, t[probe].isMark("."), glued(probe) { probe += 1 }
        if unitName == nil, let (u, k) = unit(probe, multiplied: multiplied) {
            unitName = u; end = k
        } else if unitName == nil, multiplied, suffix(end) != end {
            // "3 млрд-қа"
            end = suffix(end)
        } else if unitName != nil, let (u, k) = unit(probe, multiplied: multiplied), u == unitName {
            // "$5 млрд долларов": both
            end = k
        }
        end = suffix(end)
        if unitName == nil && !multiplied { return nil }
        if unitName == nil {
            // A multiplied figure without a unit: only before punctuation, the end, or a
            // function word, not before a noun ("3 млн человек").
            if !isSuffixToken(end - 1), end < t.count, t[end].kind == .word, near(end), !AmountParser.openWords.contains(t[end].key) {
                return nil
            }
        }
        var approx = false
        var b = start - 1
        var looked = 0
        while b >= 0, looked < 2 {
            if t[b].kind == .word {
                if AmountParser.approxBefore.contains(t[b].key) { approx = true; break }
                looked += 1
            } else if t[b].isMark("~") || t[b].isMark("≈") {
                approx = true; break
            } else if !(t[b].isMark(",")) {
                break
            }
            b -= 1
        }
        if !approx, let w = word(end), near(end), AmountParser.approxAfter.contains(w) { approx = true }
        return Found(value: value, unit: unitName ?? "", start: start, end: end, approx: approx, mult: mult)
    }

    /// Words after which a unit-less multiplied figure still counts.
    static let openWords: Set<RKey> = RKey.set([
        "в", "во", "к", "до", "и", "а", "за", "на", "по", "с", "от", "при", "или", "но", "что",
        "in", "by", "to", "and", "for", "from", "on", "at", "with", "this", "or", "but", "last", "next", "a", "the",
        "дейін", "және", "жетті", "құрады", "болды", "жеткізу", "жеткізуге", "асты", "бойынша", "ал",
    ])

    func isSuffixToken(_ k: Int) -> Bool { k > 0 && t[k].kind == .word && glued(k) && t[k - 1].isDash }

    /// All amounts, with bare numbers before a range connector taking the multiplier and
    /// unit of the amount after it ("2-3 млрд долларов", "от 2 до 3 млрд долларов").
    func all() -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < t.count {
            if let a = amount(at: i) {
                out.append(a)
                i = a.end
                continue
            }
            if t[i].kind == .number, !gluedToWord(i), let (v, after) = number(i), after < t.count {
                // A bare number before a connector and an amount.
                var c = after
                if t[c].isDash || (t[c].kind == .word && AmountParser.connectors.contains(t[c].key)) {
                    c += 1
                    if c < t.count, let next = amount(at: c) {
                        out.append(Found(value: v * next.mult, unit: next.unit, start: i, end: after, approx: next.approx, mult: next.mult))
                        out.append(next)
                        i = next.end
                        continue
                    }
                }
                i = max(after, i + 1)
                continue
            }
            i += 1
        }
        // Compound figures: "2 миллиард 300 миллион доллар", "1 млрд 200 млн долларов".
        var k = 0
        while k + 1 < out.count {
            let a = out[k], b = out[k + 1]
            if a.unit.isEmpty, a.multiplied, b.multiplied, b.mult < a.mult, a.end == b.start {
                out[k] = Found(value: a.value + b.value, unit: b.unit, start: a.start, end: b.end, approx: a.approx || b.approx, mult: b.mult)
                out.remove(at: k + 1)
                continue
            }
            k += 1
        }
        // A multiplied figure without a unit followed by a connector and an amount with one
        // takes that unit ("200 млн – 1 млрд долларов").
        if out.count >= 2 {
            for k in 0..<(out.count - 1) where out[k].unit.isEmpty && !out[k + 1].unit.isEmpty {
                let gapStart = out[k].end, gapEnd = out[k + 1].start
                if gapEnd - gapStart == 1, t[gapStart].isDash || (t[gapStart].kind == .word && AmountParser.connectors.contains(t[gapStart].key)) {
                    out[k].unit = out[k + 1].unit
                }
            }
        }
        return out
    }
}

/// Reads whether a percentage is an increase or a decrease from the words around it.
public enum ChangeReader {
    static let increaseStems: [String] = [
        "артты", "артқан", "артып", "арту", "артуы", "артады", "артатын", "арттыр", "өсті", "өскен", "өсіп", "өсу", "өсім",
        "өседі", "өсетін", "ұлғай", "көбей", "жоғарыла",
        "вырос", "выросл", "увелич", "рост", "прирост", "повыс", "повышен", "возрос", "подскоч", "прибав", "нарастил",
        "нараст", "выше", "increas", "grew", "grow", "rose", "rise", "rising", "risen", "jump", "surg", "climb",
        "gain", "higher", "soar", "boost",
    ]
    static let decreaseStems: [String] = [
        "төменде", "азай", "қысқар", "кеміп", "кеміді", "кемуі", "кему", "құлдыра", "төмен",
        "снизи", "сниж", "сократ", "сокращ", "упал", "упад", "паден", "уменьш", "спад", "ниже", "опусти", "просел",
        "fell", "fall", "declin", "drop", "decreas", "shrank", "shrink", "lower", "slump", "contract", "reduc",
        "plung", "dipped", "slid", "sank",
    ]
    static let excluded: Set<RKey> = RKey.set(["ростов", "ростове", "ростова", "артық", "артықшылық"])

    /// The direction of change the words next to `range` state (up to eight words on either
    /// side, within the sentence), the nearest one winning: артты, өсті, ұлғайды, төмендеді,
    /// азайды, қысқарды; вырос, увеличился, рост, снизился, сократился, упал; increased,
    /// grew, rose, up, jumped, fell, declined, dropped, down. Nil when none is there.
    public static func change(near range: Range<String.Index>, in text: String, language: Language) -> Change? {
        var s = text
        s.makeContiguousUTF8()
        let lo = s.rOffset(range.lowerBound), hi = s.rOffset(range.upperBound)
        return s.utf8.withContiguousStorageIfAvailable { b -> Change? in
            let n = b.count
            // The window: back and forth to a sentence end, at most 240 bytes.
            var ws = lo
            while ws > 0 && lo - ws < 240 {
                let c = b[ws - 1]
                if c == 0x0A { break }
                if (c == 0x2E || c == 0x21 || c == 0x3F) && ws < n && (b[ws] == 0x20 || b[ws] == 0x0A) { break }
                ws -= 1
            }
            while ws < lo && b[ws] & 0xC0 == 0x80 { ws += 1 }
            var we = hi
            while we < n && we - hi < 240 {
                let c = b[we]
                if c == 0x0A { break }
                if (c == 0x2E || c == 0x21 || c == 0x3F) && (we + 1 >= n || b[we + 1] == 0x20 || b[we + 1] == 0x0A) { break }
                we += 1
            }
            while we > hi && we < n && b[we] & 0xC0 == 0x80 { we -= 1 }
            let toks = RTokenizer.tokenize(b, from: ws, to: we)
            let before = toks.filter { $0.end <= lo && $0.kind == .word }
            let after = toks.filter { $0.start >= hi && $0.kind == .word }
            func classify(_ k: Int, _ list: [RToken]) -> Change? {
                let w = list[k].key
                if excluded.contains(w) { return nil }
                if w == "up" {
                    if k + 1 < list.count, list[k + 1].key == "to" { return nil }
                    return .increase
                }
                if w == "down" { return .decrease }
                for p in increaseStems where w.rStarts(with: p) { return .increase }
                for p in decreaseStems where w.rStarts(with: p) { return .decrease }
                return nil
            }
            let preferAfter = language == .kk
            for d in 1...8 {
                let a: Change? = d <= after.count ? classify(d - 1, after) : nil
                let bb: Change? = d <= before.count ? classify(before.count - d, before) : nil
                if preferAfter { if let x = a ?? bb { return x } } else { if let x = bb ?? a { return x } }
            }
            return nil
        } ?? nil
    }
}
