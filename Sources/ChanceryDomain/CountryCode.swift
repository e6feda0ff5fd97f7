/// An ISO 3166-1 alpha-2 country code such as `KZ`.
public struct CountryCode: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The two upper-case ASCII letters.
    public let rawValue: String

    /// A code from two ASCII letters (any case); `nil` for anything else.
    public init?(_ text: String) {
        let up = text.uppercased()
        guard up.utf8.count == 2, up.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        rawValue = up
    }

    public init(stringLiteral value: String) {
        guard let c = CountryCode(value) else { preconditionFailure("not an alpha-2 code: \(value)") }
        self = c
    }

    public var description: String { rawValue }
    public static func < (a: CountryCode, b: CountryCode) -> Bool { a.rawValue < b.rawValue }

    /// Kazakhstan, the home side of the Kazakh media the seeds come from.
    public static let kazakhstan: CountryCode = "KZ"
}
