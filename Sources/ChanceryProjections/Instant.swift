import ChanceryDomain

/// A point in time read from RFC 3339 text, comparable across UTC offsets and fraction
/// lengths (`2026-03-01T10:00:00Z` equals `2026-03-01T15:00:00.000+05:00`).
public struct Instant: Hashable, Comparable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanoseconds: Int64

    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t`, `z` and a space separator are
    /// accepted; no offset means UTC). A bare `YYYY-MM-DD` means the last instant of that
    /// UTC day when `dateMeansEndOfDay` is true (what "known on 2026-03-01" means), its
    /// first instant otherwise. `nil` for anything else.
    public init?(rfc3339 text: String, dateMeansEndOfDay: Bool = true) {
        let u = Array(text.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var v = 0
            for k in r {
                guard u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                v = v * 10 + Int(u[k] - 0x30)
            }
            return v
        }
        func at(_ k: Int, _ c: UInt8...) -> Bool { k < u.count && c.contains(u[k]) }
        guard let y = num(0..<4), at(4, 0x2D), let mo = num(5..<7), at(7, 0x2D), let d = num(8..<10),
              FuzzyDate.valid(year: y, month: mo, day: d) else { return nil }
        let days = Instant.daysFromCivil(year: y, month: mo, day: d)
        if u.count == 10 {
            if dateMeansEndOfDay {
                self.init(seconds: days * 86_400 + 86_399, nanoseconds: 999_999_999)
            } else {
                self.init(seconds: days * 86_400)
            }
            return
        }
        guard at(10, 0x54, 0x74, 0x20), let h = num(11..<13), at(13, 0x3A), let mi = num(14..<16), at(16, 0x3A),
              let s = num(17..<19), h < 24, mi < 60, s < 61 else { return nil }
        var k = 19
        var nanos: Int64 = 0
        if at(k, 0x2E) {
            k += 1
            var digits = 0
            while k < u.count, u[k] >= 0x30, u[k] <= 0x39 {
                if digits < 9 { nanos = nanos * 10 + Int64(u[k] - 0x30) }
                digits += 1
                k += 1
            }
            guard digits > 0 else { return nil }
            var d2 = digits
            while d2 < 9 { nanos *= 10; d2 += 1 }
        }
        var offset = 0
        if k == u.count {
            offset = 0
        } else if at(k, 0x5A, 0x7A), k + 1 == u.count {
            offset = 0
        } else if at(k, 0x2B, 0x2D), let oh = num(k + 1..<k + 3), at(k + 3, 0x3A), let om = num(k + 4..<k + 6), k + 6 == u.count {
            offset = (oh * 60 + om) * 60 * (u[k] == 0x2D ? -1 : 1)
        } else {
            return nil
        }
        self.init(seconds: days * 86_400 + Int64(h * 3600 + mi * 60 + s - offset), nanoseconds: nanos)
    }

    /// Days since 1970-01-01 of a Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: Instant, b: Instant) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }
}
