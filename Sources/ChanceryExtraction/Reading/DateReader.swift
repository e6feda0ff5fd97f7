import ChanceryDomain

/// A date mentioned in a sentence.
public struct DateMention: Sendable, Hashable {
    /// The day (or month) mentioned; for a span, its first day.
    public var date: FuzzyDate
    /// The last day of a span (`10-11 желтоқсан`, `December 10-11`), else nil.
    public var until: FuzzyDate?
    /// Where the mention is in the text.
    public var range: Range<String.Index>
    /// Whether it is a word relative to the publication date (today, yesterday, tomorrow).
    public var isRelative: Bool
    /// For a weekday: the same weekday on or after the publication day, the date meant when
    /// the sentence speaks of what will happen ("will visit on Tuesday"); `date` is the one
    /// on or before it.
    public var ahead: FuzzyDate?

    /// A mention of `date` (to `until`) written at `range`.
    public init(date: FuzzyDate, until: FuzzyDate? = nil, range: Range<String.Index>, isRelative: Bool = false) {
        self.date = date; self.until = until; self.range = range; self.isRelative = isRelative
    }
}

/// Finds the dates mentioned in a text (usually one sentence).
///
/// Reads `11 декабря 2025 года`, `10-11 желтоқсан күндері` and `10–11 декабря` (spans),
/// `30 ноября – 2 декабря`, `December 10-11, 2025`, `on 3 November`, `3 қарашада`,
/// `2024 жылғы 22 тамызда`, `11-желтоқсан`, `22.08.2024`, `2024-08-22`, and a month with an
/// explicit year (`в октябре 2025 года`, `October 2025`, `2025 жылғы қазанда`, as a
/// `YYYY-MM` date). Relative words resolve against `published`: бүгін / сегодня / today
/// to it, кеше / вчера / накануне / yesterday to the day before, ертең / завтра / tomorrow to
/// the day after; they are skipped when `published` is not a day (or `--MM-DD`).
///
/// A day and month without a year take the publication year, moved to the year before
/// when the month is more than six months after the publication month (an article of
/// January speaking of 28 December) and to the year after when it is more than six months
/// before it; with no published year they stay `--MM-DD`. Never consults the clock.
public enum DateReader {
    /// Relative day words and their shift from the publication day.
    static let relativeDays: [RKey: Int] = {
        var d: [RKey: Int] = RKey.table([:])
        for w in ["бүгін", "бүгінгі", "сегодня", "сегодняшний", "сегодняшнего", "сегодняшнем", "сегодняшней", "сегодняшняя", "today"] { d[RKey(w)] = 0 }
        for w in ["кеше", "кешегі", "вчера", "вчерашний", "вчерашнего", "вчерашнем", "вчерашней", "вчерашняя", "yesterday"] { d[RKey(w)] = -1 }
        for w in ["ертең", "ертеңгі", "завтра", "завтрашний", "завтрашнего", "завтрашнем", "завтрашней", "завтрашняя", "tomorrow"] { d[RKey(w)] = 1 }
        d[RKey("накануне")] = -2 // marker: "the day before" only when used as an adverb
        return d
    }()
    /// Weekday names (ISO: Monday 1 … Sunday 7). A weekday resolves to the latest such day
    /// on or before the publication day: "on Tuesday" (English, after "on"), "во вторник"
    /// (Russian, after "в"/"во"), "сейсенбі күні" (Kazakh, before "күні").
    static let weekdays: [RKey: Int] = {
        var d: [RKey: Int] = RKey.table([:])
        for (i, w) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() { d[RKey(w)] = i + 1 }
        for (i, w) in ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"].enumerated() { d[RKey(w)] = i + 1 }
        for (i, w) in ["дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"].enumerated() { d[RKey(w)] = i + 1 }
        return d
    }()

    /// ISO weekday of a day (Monday 1 … Sunday 7).
    static func isoWeekday(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12, y = year - a, m = month + 12 * a - 2
        let w = (day + y + y / 4 - y / 100 + y / 400 + (31 * m) / 12) % 7  // 0 = Sunday
        return w == 0 ? 7 : w
    }

    /// After "накануне", these words keep it adverbial ("the day before"), not a preposition.
    static let eveFollowers: Set<RKey> = RKey.set(["вечером", "утром", "днем", "днём", "ночью", "прибыл", "прибыла", "прибыли", "состоялся", "состоялась", "состоялись"])

    /// The dates mentioned in `text`, in order.
    public static func dates(in text: String, language: Language, published: FuzzyDate?) -> [DateMention] {
        dates(in: text, tokens: RTokenizer.tokenize(text), language: language, published: published)
    }

    /// `dates(in:language:published:)` for a text already tokenized (`RTokenizer.tokenize(text)`).
    static func dates(in text: String, tokens t: [RToken], language: Language, published: FuzzyDate?) -> [DateMention] {
        let g = RDateGrammar(t, language)
        var out: [DateMention] = []
        func range(_ a: Int, _ b: Int) -> Range<String.Index> { text.rIndex(t[a].start)..<text.rIndex(t[b - 1].end) }
        var i = 0
        while i < t.count {
            if t[i].kind == .mark { i += 1; continue }
            if let m = g.date(i), let d = m.day {
                if let date = FuzzyDate.rResolve(day: d, month: m.month, year: m.year, published: published) {
                    var until: FuzzyDate?
                    if let u = m.untilDay {
                        let um = m.untilMonth ?? m.month
                        if let y = date.year {
                            // A span over the new year: "30 декабря – 2 января".
                            let uy = um < m.month ? y + 1 : y
                            until = FuzzyDate.valid(year: uy, month: um, day: u) ? .day(year: uy, month: um, day: u) : nil
                        } else {
                            until = FuzzyDate.valid(year: 2000, month: um, day: u) ? .monthDay(month: um, day: u) : nil
                        }
                    }
                    out.append(DateMention(date: date, until: until, range: range(m.start, m.end), isRelative: false))
                }
                i = m.end
                continue
            }
            if let m = g.monthYear(i), let y = m.year {
                out.append(DateMention(date: .month(year: y, month: m.month), until: nil, range: range(m.start, m.end), isRelative: false))
                i = m.end
                continue
            }
            // A month alone ("in February", "в феврале", "ақпан айында"): the latest such month
            // up to the publication month; `ahead`, the next one from it.
            if let month = g.month(i), let p = published, let py = p.year, let pm = p.rMonth, !g.dash(i - 1), !g.dash(i + 1),
               g.year(i + 1) == nil, i == 0 || t[i - 1].kind != .number {
                let prev = i > 0 ? g.word(i - 1)?.s ?? "" : ""
                let next = g.word(i + 1)?.s ?? ""
                let alone: Bool
                switch language {
                case .en: alone = prev == "in"
                case .ru: alone = prev == "в" || prev == "во"
                case .kk: alone = next.hasPrefix("ай")
                }
                if alone {
                    var mention = DateMention(date: .month(year: month <= pm ? py : py - 1, month: month), until: nil,
                                              range: range(i, language == .kk ? i + 2 : i + 1), isRelative: true)
                    mention.ahead = .month(year: month >= pm ? py : py + 1, month: month)
                    out.append(mention)
                    i += 1
                    continue
                }
            }
            if t[i].kind == .word, let p = published, p.rIsDay {
                var shift = relativeDays[t[i].key]
                if shift == -2 {
                    shift = nil
                    let next = i + 1 < t.count ? t[i + 1] : nil
                    if next == nil || next!.kind != .word || eveFollowers.contains(next!.key) { shift = -1 }
                }
                if let s = shift, let d = p.rShifted(days: s) {
                    out.append(DateMention(date: d, until: nil, range: range(i, i + 1), isRelative: true))
                } else if let wd = weekdays[t[i].key], case .day(let y, let m, let dd) = p {
                    let prev = i > 0 && t[i - 1].kind == .word ? t[i - 1].key.s : ""
                    let next = i + 1 < t.count && t[i + 1].kind == .word ? t[i + 1].key.s : ""
                    let marked: Bool
                    switch language {
                    case .en: marked = prev == "on"
                    case .ru: marked = prev == "в" || prev == "во"
                    case .kk: marked = next == "күні"
                    }
                    let back = (isoWeekday(year: y, month: m, day: dd) - wd + 7) % 7
                    if marked, let d = p.rShifted(days: -back) {
                        var mention = DateMention(date: d, until: nil, range: range(i, i + 1), isRelative: true)
                        mention.ahead = p.rShifted(days: (7 - back) % 7)
                        out.append(mention)
                    }
                }
            }
            i += 1
        }
        return out
    }
}
