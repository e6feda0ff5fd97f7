/// A date as precise as the text allows: a day, a month, a year, or a day and month whose
/// year cannot be known (`--MM-DD`).
public enum FuzzyDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    case day(year: Int, month: Int, day: Int)
    case month(year: Int, month: Int)
    case year(Int)
    case monthDay(month: Int, day: Int)
    /// The article gives no date at all and none was supplied: written `unknown`.
    /// (An extension of EVENTS.md's forms; such facts are kept apart from dated ones.)
    case unknown

    /// Reads `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`; `nil` for anything else or an
    /// impossible date.
    public init?(_ text: String) {
        if text == "unknown" { self = .unknown; return }
        let u = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                guard k < u.count, u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                v = v * 10 + Int(u[k] - 0x30)
            }
            return v
        }
        func dash(_ k: Int) -> Bool { k < u.count && u[k] == 0x2D }
        switch u.count {
        case 10:
            guard let y = num(0..<4), dash(4), let m = num(5..<7), dash(7), let d = num(8..<10) else { return nil }
            guard FuzzyDate.valid(year: y, month: m, day: d) else { return nil }
            self = .day(year: y, month: m, day: d)
        case 7:
            if dash(0), dash(1), let m = num(2..<4), dash(4), let d = num(5..<7) {
                guard FuzzyDate.valid(year: 2000, month: m, day: d) else { return nil }
                self = .monthDay(month: m, day: d)
            } else {
                guard let y = num(0..<4), dash(4), let m = num(5..<7), (1...12).contains(m) else { return nil }
                self = .month(year: y, month: m)
            }
        case 4:
            guard let y = num(0..<4) else { return nil }
            self = .year(y)
        default:
            return nil
        }
    }

    /// Whether the day exists in the (Gregorian) calendar.
    public static func valid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= daysIn(year: year, month: month)
    }

    /// The number of days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The year, when known.
    public var year: Int? {
        switch self {
        case .day(let y, _, _), .month(let y, _), .year(let y): return y
        case .monthDay, .unknown: return nil
        }
    }

    /// Whether the year is known.
    public var hasYear: Bool { year != nil }

    /// The first day the date may denote (`nil` when the year is unknown).
    public var earliestDay: FuzzyDate? {
        switch self {
        case .day: return self
        case .month(let y, let m): return .day(year: y, month: m, day: 1)
        case .year(let y): return .day(year: y, month: 1, day: 1)
        case .monthDay, .unknown: return nil
        }
    }

    /// The last day the date may denote (`nil` when the year is unknown).
    public var latestDay: FuzzyDate? {
        switch self {
        case .day: return self
        case .month(let y, let m): return .day(year: y, month: m, day: FuzzyDate.daysIn(year: y, month: m))
        case .year(let y): return .day(year: y, month: 12, day: 31)
        case .monthDay, .unknown: return nil
        }
    }

    /// The same day one day later or earlier (only for full days).
    public func adding(days: Int) -> FuzzyDate {
        if case .monthDay(let mm, let dd) = self {
            guard case .day(_, let m2, let d2) = FuzzyDate.day(year: 2001, month: mm, day: dd).adding(days: days) else { return self }
            return .monthDay(month: m2, day: d2)
        }
        guard case .day(var y, var m, var d) = self else { return self }
        var n = days
        while n > 0 {
            d += 1
            if d > FuzzyDate.daysIn(year: y, month: m) { d = 1; m += 1; if m > 12 { m = 1; y += 1 } }
            n -= 1
        }
        while n < 0 {
            d -= 1
            if d < 1 { m -= 1; if m < 1 { m = 12; y -= 1 }; d = FuzzyDate.daysIn(year: y, month: m) }
            n += 1
        }
        return .day(year: y, month: m, day: d)
    }

    /// A sort key: year-unknown dates first, then by year, month, day, coarser first.
    public var sortKey: (Int, Int, Int) {
        switch self {
        case .day(let y, let m, let d): return (y, m, d)
        case .month(let y, let m): return (y, m, 0)
        case .year(let y): return (y, 0, 0)
        case .monthDay(let m, let d): return (Int.min, m, d)
        case .unknown: return (Int.min, 0, 0)
        }
    }

    public static func < (a: FuzzyDate, b: FuzzyDate) -> Bool { a.sortKey < b.sortKey }

    private static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`.
    public var description: String {
        switch self {
        case .day(let y, let m, let d): return "\(FuzzyDate.pad(y, 4))-\(FuzzyDate.pad(m, 2))-\(FuzzyDate.pad(d, 2))"
        case .month(let y, let m): return "\(FuzzyDate.pad(y, 4))-\(FuzzyDate.pad(m, 2))"
        case .year(let y): return FuzzyDate.pad(y, 4)
        case .monthDay(let m, let d): return "--\(FuzzyDate.pad(m, 2))-\(FuzzyDate.pad(d, 2))"
        case .unknown: return "unknown"
        }
    }
}
