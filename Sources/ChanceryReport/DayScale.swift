import ChanceryDomain

/// Days since 1970-01-01 (proleptic Gregorian), for placing dates on an axis.
enum Days {
    /// The day number of a calendar date (H. Hinnant's algorithm).
    static func from(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day number.
    static func civil(_ n: Int) -> (year: Int, month: Int, day: Int) {
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The days a fuzzy date may denote, `nil` when its year is unknown.
    static func range(_ d: FuzzyDate) -> ClosedRange<Int>? {
        guard case .day(let y1, let m1, let d1)? = d.earliestDay, case .day(let y2, let m2, let d2)? = d.latestDay else { return nil }
        return from(year: y1, month: m1, day: d1)...from(year: y2, month: m2, day: d2)
    }

    /// The days of a period whose bounds are fuzzy-date text (`2025-01..2025-10`), `nil` when
    /// either bound is unreadable or has no year.
    static func range(from: String, to: String) -> ClosedRange<Int>? {
        guard let a = FuzzyDate(from).flatMap(range), let b = FuzzyDate(to).flatMap(range), a.lowerBound <= b.upperBound else {
            return nil
        }
        return a.lowerBound...b.upperBound
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// A linear time axis over whole days: the data's range, padded, mapped onto `[x0, x1]`,
/// with ticks at days, months or years depending on the span.
struct DayScale: Hashable, Sendable {
    /// The first and last day shown (inclusive).
    var first: Int
    var last: Int
    var x0: Double
    var x1: Double

    /// A scale that fits `days`: padded by 5 % of the span (at least 2 days) on each side,
    /// and widened to at least 15 days around its centre.
    init(fitting days: ClosedRange<Int>, x0: Double, x1: Double) {
        var lo = days.lowerBound, hi = days.upperBound
        let pad = max(2, (hi - lo) / 20)
        lo -= pad
        hi += pad
        if hi - lo < 14 {
            let mid = (lo + hi) / 2
            lo = mid - 7
            hi = mid + 7
        }
        first = lo
        last = hi
        self.x0 = x0
        self.x1 = x1
    }

    /// The x of the start of day `d` (the end of the last day is `x1`).
    func x(_ d: Double) -> Double {
        x0 + (d - Double(first)) / Double(last + 1 - first) * (x1 - x0)
    }

    /// The x of the middle of day `d`.
    func centre(_ d: Int) -> Double { x(Double(d) + 0.5) }

    /// The x of the middle of a range of days.
    func centre(_ r: ClosedRange<Int>) -> Double { x((Double(r.lowerBound) + Double(r.upperBound) + 1) / 2) }

    /// A tick: its x and its label.
    struct Tick: Hashable, Sendable {
        var x: Double
        var label: String
    }

    /// Ticks: every 1, 2 or 7 days for spans up to about ten weeks; every 1, 2, 3 or 6 months
    /// up to six years; else every 1, 2, 5, 10… years. At most about a dozen.
    var ticks: [Tick] {
        let span = last + 1 - first
        var out = [Tick]()
        var lastYear: Int?
        if span <= 70 {
            let step = span <= 8 ? 1 : (span <= 16 ? 2 : (span <= 32 ? 4 : 7))
            var d = first
            while d <= last {
                let c = Days.civil(d)
                let label = "\(c.day) \(Days.monthNames[c.month - 1])" + (lastYear != c.year ? " \(c.year)" : "")
                lastYear = c.year
                out.append(Tick(x: centre(d), label: label))
                d += step
            }
            return out
        }
        if span <= 366 * 6 {
            let months = span / 30
            let step = months <= 12 ? 1 : (months <= 24 ? 2 : (months <= 36 ? 3 : 6))
            var c = Days.civil(first)
            var (y, m) = c.day == 1 ? (c.year, c.month) : (c.month == 12 ? (c.year + 1, 1) : (c.year, c.month + 1))
            while (m - 1) % step != 0 { m += 1; if m > 12 { m = 1; y += 1 } }
            while true {
                let d = Days.from(year: y, month: m, day: 1)
                if d > last { break }
                c = Days.civil(d)
                let label = Days.monthNames[m - 1] + (lastYear != y ? " \(y)" : "")
                lastYear = y
                out.append(Tick(x: x(Double(d)), label: label))
                m += step
                if m > 12 { m -= 12; y += 1 }
            }
            return out
        }
        let years = span / 365
        var step = 1
        for s in [1, 2, 5, 10, 20, 50, 100] { step = s; if years / s <= 12 { break } }
        let c = Days.civil(first)
        var y = c.year + 1
        while y % step != 0 { y += 1 }
        while true {
            let d = Days.from(year: y, month: 1, day: 1)
            if d > last { break }
            out.append(Tick(x: x(Double(d)), label: String(y)))
            y += step
        }
        return out
    }
}
