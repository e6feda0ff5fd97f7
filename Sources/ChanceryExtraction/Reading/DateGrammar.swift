import ChanceryDomain

/// Month names of the three languages, and the date patterns shared by the publication
/// date reader, the date reader and the period reader. Works on `RToken`s.
enum RMonths {
    static let english: [RKey: Int] = RKey.table([
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ])
    /// Russian stems (every case: января, январе, январь...).
    static let russianStems: [(String, Int)] = [
        ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7),
        ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ]
    /// Russian forms that are not a stem plus ending, and abbreviations.
    static let russianExact: [RKey: Int] = RKey.table([
        "май": 5, "мая": 5, "мае": 5, "маем": 5, "маю": 5,
        "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9,
        "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
    ])
    /// Kazakh stems: any case or possessive suffix may follow (қыркүйек voices to қыркүйегі).
    static let kazakhStems: [(String, Int)] = [
        ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
        ("шілде", 7), ("тамыз", 8), ("қыркүйе", 9), ("қазан", 10), ("қараша", 11), ("желтоқсан", 12),
    ]
    /// The same stems written without Kazakh letters (accepted in Kazakh text only).
    static let kazakhPlainStems: [(String, Int)] = [
        ("кантар", 1), ("акпан", 2), ("сауир", 4), ("шилде", 7), ("кыркуйе", 9), ("казан", 10),
        ("караша", 11), ("желтоксан", 12),
    ]

    /// The first two bytes of a word (one Cyrillic letter), for a quick first test.
    @inline(__always)
    static func lead(_ s: String) -> UInt16 {
        var it = s.utf8.makeIterator()
        guard let a = it.next(), let b = it.next() else { return 0 }
        return UInt16(a) << 8 | UInt16(b)
    }

    /// The Cyrillic stems by their first letter.
    static let stemsByLead: [UInt16: [(String, Int, Bool)]] = {
        var d: [UInt16: [(String, Int, Bool)]] = [:]
        for (s, m) in russianStems { d[lead(s), default: []].append((s, m, false)) }
        for (s, m) in kazakhStems { d[lead(s), default: []].append((s, m, false)) }
        for (s, m) in kazakhPlainStems { d[lead(s), default: []].append((s, m, true)) }
        return d
    }()

    /// The month a lower-cased word names, if any.
    static func number(_ key: RKey, _ lang: Language?) -> Int? {
        guard let f = key.s.utf8.first else { return nil }
        if f < 0x80 {
            // j f m a s o n d, three to nine letters
            let n = key.s.utf8.count
            guard n >= 3, n <= 9, f == 0x6A || f == 0x66 || f == 0x6D || f == 0x61 || f == 0x73 || f == 0x6F || f == 0x6E || f == 0x64 else { return nil }
            return english[key]
        }
        guard let stems = stemsByLead[lead(key.s)] else { return nil }
        if let m = russianExact[key] { return m }
        for (s, m, plain) in stems where key.rStarts(with: s) {
            // Stems written without Kazakh letters count in Kazakh text only ("казан" would
            // otherwise read the Russian "Казань" as October).
            if plain && !(lang == .kk || lang == nil) { continue }
            return m
        }
        return nil
    }

    /// Whether the word is an English month abbreviation (which may take a dot).
    static func isAbbreviation(_ key: RKey) -> Bool {
        key.s.utf8.count <= 4 && (english[key] != nil || russianExact[key] != nil) && key != "may" && key != "май" && key != "мая"
    }
}

/// A date found in tokens: a day (or a span of days), or a month.
struct RDateMatch {
    var day: Int?
    var month: Int
    var year: Int?
    var untilDay: Int?
    var untilMonth: Int?
    /// RToken range `[start, end)`.
    var start: Int
    var end: Int

    /// Whether the day (or month) exists.
    var isValid: Bool {
        guard (1...12).contains(month) else { return false }
        if let d = day, !FuzzyDate.valid(year: year ?? 2000, month: month, day: d) { return false }
        if let u = untilDay, !FuzzyDate.valid(year: year ?? 2000, month: untilMonth ?? month, day: u) { return false }
        return true
    }
}

/// Date patterns over tokens.
struct RDateGrammar {
    let t: [RToken]
    let lang: Language?
    /// The month each token names (0: none), computed once.
    let months: [Int8]

    init(_ tokens: [RToken], _ lang: Language?) {
        t = tokens; self.lang = lang
        months = tokens.map { $0.kind == .word ? Int8(RMonths.number($0.key, lang) ?? 0) : 0 }
    }

    @inline(__always) func word(_ i: Int) -> RKey? { i >= 0 && i < t.count && t[i].kind == .word ? t[i].key : nil }
    @inline(__always) func mark(_ i: Int, _ c: Unicode.Scalar) -> Bool { i >= 0 && i < t.count && t[i].isMark(c) }
    @inline(__always) func dash(_ i: Int) -> Bool { i >= 0 && i < t.count && t[i].isDash }

    /// A four-digit year between 1900 and 2100.
    func year(_ i: Int) -> Int? {
        guard i >= 0, i < t.count, t[i].kind == .number, t[i].digits == 4, (1900...2100).contains(t[i].value) else { return nil }
        if i + 1 < t.count, t[i + 1].gap == .none, t[i + 1].kind == .number || t[i + 1].kind == .word {
            // "2025-м" / "2025-ші" are fine (hyphen), "2025г" is fine; "20251" is not a year.
            if t[i + 1].kind == .number { return nil }
        }
        return t[i].value
    }

    /// A day number 1...31 written with one or two digits, not glued to a preceding
    /// number by `.`, `:` or `,` (a time, a decimal).
    func day(_ i: Int) -> Int? {
        guard i >= 0, i < t.count, t[i].kind == .number, t[i].digits <= 2, (1...31).contains(t[i].value) else { return nil }
        if i > 0, t[i].gap == .none {
            let p = t[i - 1]
            if p.kind == .number || p.kind == .word { return nil }
            if (p.isMark(".") || p.isMark(":") || p.isMark(",")) && i > 1 && t[i - 1].gap == .none && t[i - 2].kind == .number { return nil }
        }
        if i + 1 < t.count, t[i + 1].gap == .none, t[i + 1].isMark(":") || (t[i + 1].isMark(",") && i + 2 < t.count && t[i + 2].kind == .number && t[i + 2].gap == .none) {
            return nil
        }
        return t[i].value
    }

    @inline(__always)
    func month(_ i: Int) -> Int? {
        guard i >= 0, i < months.count, months[i] != 0 else { return nil }
        return Int(months[i])
    }

    /// Skips an English ordinal suffix (`3rd`, `21st`) glued to a number.
    func skipOrdinal(_ i: Int) -> Int {
        if let w = word(i), t[i].gap == .none, w.among("st", "nd", "rd", "th") { return i + 1 }
        return i
    }

    /// Skips a dot glued to an abbreviated month (`Dec.`, `дек.`).
    func skipAbbreviationDot(after i: Int, _ j: Int) -> Int {
        if mark(j, "."), t[j].gap == .none, let w = word(i), RMonths.isAbbreviation(w) { return j + 1 }
        return j
    }

    /// Whether the token is a year word: года, году, год, г., жылы, жылғы, жылдың, ж.
    /// Returns the index after it (and after a dot of an abbreviation).
    func yearWord(_ i: Int) -> Int? {
        // "2025-м году", "2025-ші жылы"
        var i = i
        if dash(i), t[i].gap == .none, let w = word(i + 1), t[i + 1].gap == .none, w.among("м", "го", "ші", "шы", "інші", "ыншы") {
            i += 2
        }
        guard let w = word(i) else { return nil }
        if w == "г" || w == "гг" || w == "ж" || w == "y" {
            return mark(i + 1, ".") && t[i + 1].gap == .none ? i + 2 : (w == "y" ? nil : i + 1)
        }
        if w.rStarts(with: "год") || w.rStarts(with: "жыл") || w == "year" { return i + 1 }
        return nil
    }

    /// Day-month forms at `i`: `11 декабря [2025 [года]]`, `10-11 желтоқсан`, `3 қарашада`,
    /// `11-желтоқсан`, `30 ноября – 2 декабря 2025`, `11 December 2025`, `3rd of May`.
    func dayMonth(_ i: Int) -> RDateMatch? {
        guard let d = day(i) else { return nil }
        var j = skipOrdinal(i + 1)
        var until: Int?
        if dash(j), let d2 = day(j + 1), month(j + 2) != nil || (dash(j + 2) && t[j + 2].gap == .none && month(j + 3) != nil) {
            until = d2; j += 2
            j = skipOrdinal(j)
        }
        if dash(j), t[j].gap == .none, j + 1 < t.count, t[j + 1].gap == .none, month(j + 1) != nil { j += 1 }
        if word(j) == "of", month(j + 1) != nil { j += 1 }
        guard let m = month(j), t[j].gap != .newline else { return nil }
        var end = skipAbbreviationDot(after: j, j + 1)
        var r = RDateMatch(day: d, month: m, year: nil, untilDay: until, untilMonth: nil, start: i, end: end)
        // A span across months: "30 ноября – 2 декабря".
        if until == nil, dash(end), let d2 = day(end + 1), let m2 = month(end + 2) {
            r.untilDay = d2; r.untilMonth = m2
            end = skipAbbreviationDot(after: end + 2, end + 3)
        }
        // The year: "11 декабря 2025 года", "December 11, 2025", "11 Желтоқсан 2025".
        var k = end
        if mark(k, ","), year(k + 1) != nil { k += 1 }
        if let y = year(k), t[k].gap != .newline {
            r.year = y
            end = yearWord(k + 1) ?? k + 1
        }
        r.end = end
        return r.isValid ? r : nil
    }

    /// English month-first forms: `December 11, 2025`, `December 10-11, 2025`, `May 16`.
    func monthDay(_ i: Int) -> RDateMatch? {
        guard let m = month(i), let w = word(i), w.s.utf8.first ?? 0 < 0x80 else { return nil }
        var j = skipAbbreviationDot(after: i, i + 1)
        if word(j) == "the" { j += 1 }
        guard let d = day(j), t[j].gap != .none else { return nil }
        if let n = t.count > j + 1 ? t[j + 1] : nil, n.gap == .none, n.isMark(".") || n.isMark(":"), j + 2 < t.count, t[j + 2].kind == .number { return nil }
        j = skipOrdinal(j + 1)
        var r = RDateMatch(day: d, month: m, year: nil, untilDay: nil, untilMonth: nil, start: i, end: j)
        if dash(j), let d2 = day(j + 1) {
            r.untilDay = d2; j = skipOrdinal(j + 2)
        }
        r.end = j
        var k = j
        if mark(k, ",") { k += 1 }
        if let y = year(k) { r.year = y; r.end = k + 1 }
        return r.isValid ? r : nil
    }

    /// Kazakh year-first forms: `2024 жылғы 22 тамызда`, `2025 ж. 11 желтоқсан`.
    func yearFirst(_ i: Int) -> RDateMatch? {
        guard let y = year(i), let k = yearWord(i + 1), let w = word(k - 1) ?? word(k - 2),
              w.rStarts(with: "жыл") || w == "ж" else { return nil }
        guard var r = dayMonth(k), r.year == nil else { return nil }
        r.year = y; r.start = i
        return r.isValid ? r : nil
    }

    /// Numeric forms: `11.12.2025`, `11/12/2025`, `2025-12-11`, `2025.12.11`.
    func numeric(_ i: Int) -> RDateMatch? {
        guard i + 4 < t.count, t[i].kind == .number, t[i + 2].kind == .number, t[i + 4].kind == .number,
              t[i + 1].gap == .none, t[i + 2].gap == .none, t[i + 3].gap == .none, t[i + 4].gap == .none else { return nil }
        if i > 0, t[i].gap == .none, t[i - 1].kind != .mark || t[i - 1].isMark(".") || t[i - 1].isMark(",") { return nil }
        let s1 = t[i + 1], s2 = t[i + 3]
        guard s1.key == s2.key else { return nil }
        if i + 5 < t.count, t[i + 5].gap == .none, t[i + 5].kind == .number || (t[i + 5].key == s1.key && i + 6 < t.count && t[i + 6].kind == .number) { return nil }
        let a = t[i], b = t[i + 2], c = t[i + 4]
        var r: RDateMatch?
        if a.digits == 4, b.digits <= 2, c.digits <= 2, s1.isMark("-") || s1.isMark(".") || s1.isMark("/") {
            r = RDateMatch(day: c.value, month: b.value, year: a.value, start: i, end: i + 5)
        } else if a.digits <= 2, b.digits <= 2, c.digits == 4, s1.isMark(".") || s1.isMark("/") {
            if s1.isMark("/"), lang == .en, b.value > 12 || a.value <= 12 {
                // US order in English when the first number can be a month.
                r = RDateMatch(day: b.value, month: a.value, year: c.value, start: i, end: i + 5)
            } else {
                r = RDateMatch(day: a.value, month: b.value, year: c.value, start: i, end: i + 5)
            }
        }
        guard var m = r, let y = m.year, (1900...2100).contains(y), m.isValid else { return nil }
        if let e = yearWord(m.end), lang != .en { m.end = e }
        return m
    }

    /// Any full or day-month date at `i`.
    func date(_ i: Int) -> RDateMatch? {
        numeric(i) ?? yearFirst(i) ?? dayMonth(i) ?? monthDay(i)
    }

    /// A month with an explicit year and no day: `в октябре 2025 года`, `October 2025`,
    /// `2025 жылғы қазанда`, `2025 жылдың қазан айында`.
    func monthYear(_ i: Int) -> RDateMatch? {
        if let m = month(i), let y = year(i + (mark(i + 1, ",") ? 2 : 1)), !dash(i + 1) {
            if i > 0, t[i - 1].kind == .number || t[i - 1].isDash { return nil }
            let k = i + (mark(i + 1, ",") ? 3 : 2)
            return RDateMatch(day: nil, month: m, year: y, start: i, end: yearWord(k) ?? k)
        }
        if let y = year(i), let k = yearWord(i + 1), let m = month(k), !dash(k + 1), day(k + 1) == nil {
            if let w = word(k - 1), !(w.rStarts(with: "жыл") || w == "ж") { return nil }
            return RDateMatch(day: nil, month: m, year: y, start: i, end: k + 1)
        }
        return nil
    }
}

extension FuzzyDate {
    /// The date of a match; a day and month without a year take the year of `published`
    /// nearest to it (a date more than six months after the publication month belongs to
    /// the year before, more than six months before it to the year after), else `--MM-DD`.
    static func rResolve(day: Int, month: Int, year: Int?, published: FuzzyDate?) -> FuzzyDate? {
        if let y = year {
            return FuzzyDate.valid(year: y, month: month, day: day) ? .day(year: y, month: month, day: day) : nil
        }
        if let p = published, let py = p.year {
            var y = py
            if let pm = p.rMonth {
                if month - pm > 6 { y -= 1 } else if pm - month > 6 { y += 1 }
            }
            if FuzzyDate.valid(year: y, month: month, day: day) { return .day(year: y, month: month, day: day) }
            return nil
        }
        return FuzzyDate.valid(year: 2000, month: month, day: day) ? .monthDay(month: month, day: day) : nil
    }

    /// Whether the date is a single day (with or without its year).
    var rIsDay: Bool {
        switch self {
        case .day, .monthDay: return true
        default: return false
        }
    }

    /// The month, when known.
    var rMonth: Int? {
        switch self {
        case .day(_, let m, _), .month(_, let m), .monthDay(let m, _): return m
        default: return nil
        }
    }

    /// One day moved by `days`, also for a `--MM-DD` date (counted in a common year).
    func rShifted(days: Int) -> FuzzyDate? {
        switch self {
        case .day: return adding(days: days)
        case .monthDay(let m, let d):
            guard case .day(_, let m2, let d2) = FuzzyDate.day(year: 2001, month: m, day: min(d, FuzzyDate.daysIn(year: 2001, month: m))).adding(days: days) else { return nil }
            return .monthDay(month: m2, day: d2)
        default: return nil
        }
    }
}
