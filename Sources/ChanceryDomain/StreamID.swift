/// A bilateral relationship: two distinct countries, kept in alphabetical order and written
/// `IR-KZ`.
public struct StreamID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The alphabetically first country.
    public let first: CountryCode
    /// The alphabetically second country.
    public let second: CountryCode

    /// The pair of `a` and `b` in either order; `nil` when they are the same country.
    public init?(_ a: CountryCode, _ b: CountryCode) {
        guard a != b else { return nil }
        first = min(a, b)
        second = max(a, b)
    }

    /// Reads `IR-KZ` (either order, any case).
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let a = CountryCode(String(parts[0])), let b = CountryCode(String(parts[1])) else { return nil }
        self.init(a, b)
    }

    /// The two codes, sorted.
    public var parties: [CountryCode] { [first, second] }

    /// Whether `c` is one of the two sides.
    public func contains(_ c: CountryCode) -> Bool { c == first || c == second }

    /// The side that is not `c` (or `nil` when `c` is not a side).
    public func other(than c: CountryCode) -> CountryCode? {
        c == first ? second : (c == second ? first : nil)
    }

    public var description: String { "\(first.rawValue)-\(second.rawValue)" }
    public static func < (a: StreamID, b: StreamID) -> Bool { a.description < b.description }
}
