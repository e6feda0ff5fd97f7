import ChanceryDomain

/// Reads the period a figure covers, as `YYYY-MM` bounds.
///
/// - The first N months: `биылғы 10 айда`, `2025 жылдың 9 айында`, `өткен жылдың 11 айында`,
///   `за 10 месяцев текущего года`, `за девять месяцев 2025 года`,
///   `in the first ten months of this year` → January to month N.
/// - Since the start of the year: `с начала года`, `жыл басынан бері`,
///   `since the beginning of the year` → January to the publication month.
/// - Month ranges: `в январе-сентябре 2025 года`, `2025 жылдың қаңтар-қыркүйегінде`,
///   `January–September 2025`, `с января по сентябрь`; a month with a year: `в октябре
///   2025 года` → that month.
/// - Halves and quarters: `first half of 2023`, `в первом полугодии`, `бірінші жарты
///   жылдықта`, `жылдың бірінші жартысында`, `1-ші тоқсанда`, `first quarter`, `Q1 2025`,
///   `I квартал`.
/// - Whole years: `по итогам 2024 года`, `за 2024 год`, `в 2024 году`,
///   `2024 жылдың қорытындысы бойынша`, `2024 жылы`, `in 2022` → January to December.
/// - Relative years: `last year`, `былтыр`, `в прошлом году`, `өткен жылы` → the year before
///   the publication; `this year`, `биыл`, `в этом году` → January to the publication month.
///
/// A year that is not written takes the publication year; forms that need it return nil
/// without `published`. The first period in the text wins; the specific forms (months,
/// halves, quarters, ranges) take precedence over a bare year they contain.
public enum PeriodReader {
    /// The period the text states, or nil.
    public static func period(in text: String, language: Language, published: FuzzyDate?) -> Period? {
        period(tokens: RTokenizer.tokenize(text), language: language, published: published)
    }

    /// `period(in:language:published:)` for a text already tokenized.
    static func period(tokens t: [RToken], language: Language, published: FuzzyDate?) -> Period? {
        let r = PeriodGrammar(t: t, lang: language, pubYear: published?.year, pubMonth: published?.year != nil ? published?.rMonth : nil)
        return r.first()
    }
}

struct PeriodGrammar {
    let t: [RToken]
    let lang: Language
    let pubYear: Int?
    let pubMonth: Int?

    struct Hit { var from: (Int, Int); var to: (Int, Int); var start: Int; var end: Int }

    let g: RDateGrammar

    init(t: [RToken], lang: Language, pubYear: Int?, pubMonth: Int?) {
        self.t = t; self.lang = lang; self.pubYear = pubYear; self.pubMonth = pubMonth
        g = RDateGrammar(t, lang)
    }

    @inline(__always) func word(_ i: Int) -> RKey? { i >= 0 && i < t.count && t[i].kind == .word ? t[i].key : nil }
    @inline(__always) func near(_ i: Int) -> Bool { i < t.count && t[i].gap != .newline }

    static func ym(_ y: Int, _ m: Int) -> String {
        let ys = String(y), ms = m < 10 ? "0\(m)" : String(m)
        return (ys.count < 4 ? String(repeating: "0", count: 4 - ys.count) : "") + ys + "-" + ms
    }

    /// Word stems without which no period pattern can match.
    static let anchorStems: [String] = [
        "год", "жыл", "year", "биыл", "былтыр", "полугод", "квартал", "тоқсан", "жарты", "half", "quarter",
        "ytd", "месяц", "month", "ай",
    ]

    /// Whether the text holds anything a period could be built on (a number, a month, a
    /// year word...): most sentences do not, and are done with at once.
    static let anchorLeads: [UInt16] = anchorStems.map { RMonths.lead($0) }

    func hasAnchor() -> Bool {
        for (i, x) in t.enumerated() {
            if x.kind == .number || g.months[i] != 0 { return true }
            if x.kind == .word {
                let l = RMonths.lead(x.key.s)
                for (n, p) in PeriodGrammar.anchorStems.enumerated() where PeriodGrammar.anchorLeads[n] == l && x.key.rStarts(with: p) { return true }
            }
        }
        return false
    }

    func first() -> Period? {
        guard hasAnchor() else { return nil }
        var specific: [Hit] = []
        for i in 0..<t.count where t[i].kind != .mark {
            if let h = monthsCount(i) ?? sinceStart(i) ?? monthRange(i) ?? halfOrQuarter(i) { specific.append(h) }
        }
        var general: [Hit] = []
        for i in 0..<t.count where t[i].kind != .mark {
            if let h = wholeYear(i) ?? relativeYear(i) {
                if !specific.contains(where: { $0.start < h.end && h.start < $0.end }) { general.append(h) }
            }
        }
        guard let h = (specific + general).min(by: { $0.start < $1.start }) else { return nil }
        return Period(from: PeriodGrammar.ym(h.from.0, h.from.1), to: PeriodGrammar.ym(h.to.0, h.to.1))
    }

    // MARK: - Years

    /// A relative year at `i` (`биылғы`, `осы жылдың`, `текущего года`, `прошлого года`,
    /// `this year`, `last year`): the offset from the publication year and the index after.
    func relative(_ i: Int) -> (Int, Int)? {
        guard let w = word(i) else { return nil }
        switch w {
        case "биыл", "биылғы", "биылда": return (0, i + 1)
        case "былтыр", "былтырғы", "былтырдың": return (-1, i + 1)
        default: break
        }
        let next = word(i + 1) ?? RKey("")
        let nextIsYear = next.rStarts(with: "жыл") || next.rStarts(with: "год") || next == "year"
        guard nextIsYear else { return nil }
        switch w {
        case "осы", "ағымдағы", "текущего", "текущем", "текущий", "этого", "этом", "этот", "нынешнего", "нынешнем", "сего", "this", "current":
            return (0, i + 2)
        case "өткен", "прошлого", "прошлом", "прошлый", "минувшего", "минувшем", "предыдущего", "last", "previous":
            return (-1, i + 2)
        default: return nil
        }
    }

    /// An explicit or relative year at `i` (with its year word): the year and the index after.
    func yearRef(_ i: Int) -> (Int, Int)? {
        if let y = g.year(i) { return (y, g.yearWord(i + 1) ?? i + 1) }
        if let (o, e) = relative(i), let p = pubYear { return (p + o, e) }
        return nil
    }

    /// A year reference that ends right before `i` (Kazakh order): the year and its start.
    func yearBefore(_ i: Int) -> (Int, Int)? {
        for s in stride(from: i - 1, through: max(0, i - 3), by: -1) {
            if let (y, e) = yearRef(s), e == i { return (y, s) }
        }
        return nil
    }

    /// A year reference at `i`, possibly after "of", "the", ",": the year and the index after.
    func yearAfter(_ i: Int) -> (Int, Int)? {
        var k = i
        while let w = word(k), w == "of" || w == "the" || w == "for" { k += 1 }
        if k < t.count, t[k].isMark(",") { k += 1 }
        guard near(k) else { return nil }
        return yearRef(k)
    }

    // MARK: - Patterns

    static let countWords: [RKey: Int] = RKey.table([
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12,
        "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
        "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9,
        "девяти": 9, "десять": 10, "десяти": 10, "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12,
        "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    ])
    static let roman: [RKey: Int] = RKey.table(["i": 1, "ii": 2, "iii": 3, "iv": 4])
    static let kkMonthUnit: Set<RKey> = RKey.set(["айда", "айында", "айдың", "айдағы", "айы", "айын", "айынан", "айлық", "айлығы", "ай", "айдa", "айларында", "айларындағы"])

    /// `биылғы 10 айда`, `за 10 месяцев текущего года`, `in the first ten months of 2025`.
    func monthsCount(_ i: Int) -> Hit? {
        var n: Int?
        var j = i + 1
        if t[i].kind == .number, t[i].digits <= 2, (1...12).contains(t[i].value) {
            n = t[i].value
        } else if let w = word(i), let c = PeriodGrammar.countWords[w] {
            n = c
            if w == "он", let w2 = word(i + 1), let c2 = PeriodGrammar.countWords[w2], c2 <= 2 { n = 10 + c2; j = i + 2 }
        }
        guard let count = n, count >= 1, let u = word(j), near(j) else { return nil }
        // The month word.
        let locative: Bool
        if PeriodGrammar.kkMonthUnit.contains(u) {
            locative = u != "ай" && u != "айы" && u != "айын" && u != "айлық" && u != "айлығы"
        } else if u.rStarts(with: "месяц") || u.rStarts(with: "month") {
            locative = false
        } else { return nil }
        var start = i
        let prev = word(i - 1)
        var cue = locative
        if let p = prev, p.among("first", "первые", "первых", "за", "алғашқы", "over") {
            cue = true; start = i - 1
            if p == "первые" || p == "первых", word(i - 2) == "за" { start = i - 2 }
            if p == "first", word(i - 2) == "the" { start = i - 2 }
        }
        var year: Int?
        var end = j + 1
        if let (y, s) = yearBefore(start) { year = y; start = s }
        else if let (y, e) = yearAfter(j + 1) { year = y; end = e }
        if year == nil {
            guard cue, let p = pubYear else { return nil }
            year = p
        }
        guard let y = year else { return nil }
        return Hit(from: (y, 1), to: (y, count), start: start, end: end)
    }

    /// `с начала года`, `с начала 2025 года`, `жыл басынан бері`, `since the beginning of the year`.
    func sinceStart(_ i: Int) -> Hit? {
        var year: Int?
        var end = i
        var explicitYear = false
        if word(i) == "с", word(i + 1) == "начала" {
            if let w = word(i + 2), w == "года" || w == "год" { year = pubYear; end = i + 3 }
            else if let (y, e) = yearRef(i + 2) { year = y; end = e; explicitYear = g.year(i + 2) != nil }
            else { return nil }
        } else if let w = word(i), w == "since" || w == "from", let b = word(i + 1 + (word(i + 1) == "the" ? 1 : 0)), b == "beginning" || b == "start" {
            let k = i + 2 + (word(i + 1) == "the" ? 1 : 0)
            guard word(k) == "of" else { return nil }
            if word(k + 1) == "the", word(k + 2) == "year" { year = pubYear; end = k + 3 }
            else if word(k + 1) == "year" { year = pubYear; end = k + 2 }
            else if let (y, e) = yearRef(k + 1) { year = y; end = e; explicitYear = g.year(k + 1) != nil }
            else { return nil }
        } else if let w = word(i), w == "year" || w == "ytd", word(i + 1) == nil || w == "ytd" || (t[i + 1].isDash && word(i + 2) == "to" && word(i + 4) == "date") {
            guard w == "ytd" || word(i + 2) == "to" else { return nil }
            year = pubYear; end = w == "ytd" ? i + 1 : i + 5
        } else if let w = word(i), w == "жыл" || w == "жылдың", word(i + 1) == "басынан" {
            year = pubYear; end = i + 2
            var s = i
            if let (y, st) = yearBefore(i) { year = y; s = st; explicitYear = g.year(st) != nil }
            if word(end) == "бері" { end += 1 }
            guard let y = year else { return nil }
            return hitSince(y, s, end, explicitYear)
        } else if let (y, e) = yearRef(i), word(e) == "басынан" {
            year = y; end = e + 1
            explicitYear = g.year(i) != nil
            if word(end) == "бері" { end += 1 }
        } else {
            return nil
        }
        guard let y = year else { return nil }
        return hitSince(y, i, end, explicitYear)
    }

    func hitSince(_ y: Int, _ s: Int, _ e: Int, _ explicit: Bool) -> Hit? {
        guard let py = pubYear else { return nil }
        if y < py { return Hit(from: (y, 1), to: (y, 12), start: s, end: e) }
        guard y == py, let pm = pubMonth else { return nil }
        return Hit(from: (y, 1), to: (y, pm), start: s, end: e)
    }

    /// `в январе-сентябре 2025 года`, `2025 жылдың қаңтар-қыркүйегінде`, `January–September 2025`,
    /// `с января по сентябрь`, `from January to September`; `в октябре 2025 года`.
    func monthRange(_ i: Int) -> Hit? {
        guard let m1 = g.month(i), !(i > 0 && t[i - 1].kind == .number && t[i].gap != .newline) else { return nil }
        var j = g.skipAbbreviationDot(after: i, i + 1)
        var m2: Int?
        if j < t.count, t[j].isDash, let m = g.month(j + 1) { m2 = m; j = g.skipAbbreviationDot(after: j + 1, j + 2) }
        else if let w = word(j), w.among("по", "to", "through", "till", "until"), let m = g.month(j + 1) { m2 = m; j = g.skipAbbreviationDot(after: j + 1, j + 2) }
        var start = i
        if let p = word(i - 1), p.among("с", "from", "в", "in", "за", "between") { start = i - 1 }
        // "айларында" / "месяцы" after the range
        var end = j
        if let w = word(end), w.rStarts(with: "ай") && PeriodGrammar.kkMonthUnit.contains(w) || w.rStarts(with: "айлар") || w.rStarts(with: "месяц") { end += 1 }
        var year: Int?
        if let (y, s) = yearBefore(start) { year = y; start = s }
        else if let (y, e) = yearAfter(end) { year = y; end = e }
        if let to = m2 {
            var y: Int
            if let yy = year { y = yy } else {
                guard let py = pubYear else { return nil }
                y = py
                if let pm = pubMonth, to > pm { y -= 1 }
            }
            let fromYear = to < m1 ? y - 1 : y
            return Hit(from: (fromYear, m1), to: (y, to), start: start, end: end)
        }
        // A single month needs an explicit year, and must not be a day's month.
        guard let y = year, g.day(i - 1) == nil else { return nil }
        return Hit(from: (y, m1), to: (y, m1), start: start, end: end)
    }

    /// The ordinal 1...4 at `i` and the index after it.
    func ordinal(_ i: Int) -> (Int, Int)? {
        guard i < t.count else { return nil }
        if t[i].kind == .number, t[i].digits == 1, (1...4).contains(t[i].value) {
            var j = i + 1
            if j < t.count, t[j].isDash, t[j].gap == .none, let w = word(j + 1), t[j + 1].gap == .none,
               w.among("ші", "шы", "інші", "ыншы", "й", "м", "го", "ом", "ый", "ой", "ий") { j += 2 }
            else if let w = word(j), t[j].gap == .none, w.among("st", "nd", "rd", "th", "ші", "шы") { j += 1 }
            else if j < t.count, t[j].isDash, t[j].gap == .none { j += 1 } // "1-тоқсан"
            return (t[i].value, j)
        }
        guard let w = word(i) else { return nil }
        if t[i].allCaps, let r = PeriodGrammar.roman[w] { return (r, i + 1) }
        switch w {
        case "first", "бірінші", "алғашқы": return (1, i + 1)
        case "second", "екінші": return (2, i + 1)
        case "third", "үшінші": return (3, i + 1)
        case "fourth", "төртінші": return (4, i + 1)
        default: break
        }
        if w.rStarts(with: "перв") { return (1, i + 1) }
        if w.rStarts(with: "втор") { return (2, i + 1) }
        if w.rStarts(with: "трет") { return (3, i + 1) }
        if w.rStarts(with: "четв") { return (4, i + 1) }
        // "Q1", "H1"
        if (w == "q" || w == "h"), i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].gap == .none, (1...4).contains(t[i + 1].value) {
            return (t[i + 1].value, i + 2)
        }
        return nil
    }

    /// `first half of 2023`, `в первом полугодии`, `бірінші жарты жылдықта`, `жылдың бірінші
    /// жартысында`, `1-ші тоқсанда`, `first quarter`, `Q1 2025`, `H1 2024`, `I квартал`.
    func halfOrQuarter(_ i: Int) -> Hit? {
        guard let (n, j) = ordinal(i) else { return nil }
        var half: Bool
        var end: Int
        if let w = word(i), w == "q" || w == "h" {
            half = w == "h"; end = j
        } else {
            guard let u = word(j), near(j) else { return nil }
            if u == "half" || u.rStarts(with: "полугод") || u.rStarts(with: "жартыс") || u.rStarts(with: "жартыжыл") { half = true; end = j + 1 }
            else if u == "жарты", let v = word(j + 1), v.rStarts(with: "жыл") { half = true; end = j + 2 }
            else if u == "quarter" || u.rStarts(with: "квартал") || u.rStarts(with: "тоқсан") { half = false; end = j + 1 }
            else { return nil }
        }
        if half && n > 2 { return nil }
        var start = i
        if let p = word(i - 1), p == "the" || p == "в" || p == "за" || p == "in" { start = i - 1 }
        var year: Int?
        // "жылдың бірінші жартысында": the year word before the ordinal.
        if let w = word(start - 1), w == "жылдың" || w == "года" {
            if let (y, s) = yearBefore(start) { year = y; start = s } else if let (y, s) = yearBefore(start - 1) { year = y; start = s }
            else { start -= 1 }
        } else if let (y, s) = yearBefore(start) { year = y; start = s }
        if year == nil, let (y, e) = yearAfter(end) { year = y; end = e }
        if year == nil { year = pubYear }
        guard let y = year else { return nil }
        let (a, b) = half ? (n == 1 ? (1, 6) : (7, 12)) : (3 * n - 2, 3 * n)
        return Hit(from: (y, a), to: (y, b), start: start, end: end)
    }

    /// `по итогам 2024 года`, `за 2024 год`, `в 2024 году`, `2024 жылы`, `2024 жылғы`,
    /// `2024 жылдың қорытындысы бойынша`, `in 2022`, `for 2022`.
    func wholeYear(_ i: Int) -> Hit? {
        guard let y = g.year(i) else { return nil }
        let prev = word(i - 1)
        let next = word(i + 1)
        var end = i + 1
        var ok = false
        if let e = g.yearWord(i + 1), let yw = word(e - 1) ?? word(e - 2) {
            end = e
            if yw.rStarts(with: "год") || yw == "г" {
                ok = (prev?.among("в", "во", "за", "итогам", "итоги", "течение") ?? false)
                    && !(yw == "года" && (prev == "в" || prev == "во"))
            } else if yw == "жылы" || yw == "жылғы" || yw == "жылда" {
                ok = true
            } else if yw == "жылдың" || yw == "жыл" {
                if let w = word(e), w.rStarts(with: "қорытынды") || w.rStarts(with: "нәтиже") || w == "ішінде" || w == "бойы" || w == "бойында" { ok = true; end = e + 1 }
            }
            // Not a date: "2024 жылғы 22 тамызда", "2024 жылы 5 маусымда".
            if ok, g.dayMonth(e) != nil || g.month(e) != nil { ok = false }
        } else if let p = prev, p.among("in", "for", "during", "throughout", "over") {
            ok = next == nil || g.month(i + 1) == nil
        } else if let p = prev, p == "fiscal", let p2 = word(i - 2), p2.among("in", "for") {
            ok = true
        }
        guard ok else { return nil }
        // "from 2022 to 2024" and "since 2022" are not the year 2022.
        if let p = prev, p.among("since", "from", "until", "by", "to", "с", "со", "до", "к", "после", "till") { return nil }
        let start = (prev?.among("в", "во", "за", "итогам", "in", "for", "during", "throughout", "over") ?? false) ? i - 1 : i
        return Hit(from: (y, 1), to: (y, 12), start: start, end: end)
    }

    /// `last year`, `былтыр`, `в прошлом году`, `өткен жылы`, `this year`, `биыл`, `в этом году`.
    func relativeYear(_ i: Int) -> Hit? {
        guard let (o, e) = relative(i), let py = pubYear else { return nil }
        // "за 10 месяцев прошлого года" is taken by the months pattern; what remains here is
        // the year itself.
        let y = py + o
        var start = i
        if let p = word(i - 1), p.among("в", "во", "за", "in", "for", "итогам") { start = i - 1 }
        if o < 0 { return Hit(from: (y, 1), to: (y, 12), start: start, end: e) }
        if let pm = pubMonth { return Hit(from: (y, 1), to: (y, pm), start: start, end: e) }
        return Hit(from: (y, 1), to: (y, 12), start: start, end: e)
    }
}
