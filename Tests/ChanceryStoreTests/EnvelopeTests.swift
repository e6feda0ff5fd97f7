import ChanceryDomain
import Testing
@testable import ChanceryStore

/// The bytes the chains hash, written directly, against the canonical JSON of the same
/// object (the definition of the chained form).
@Suite struct EnvelopeTests {
    @Test(arguments: [
        ("kz-ir.txt", "2025-12-11" as String?),
        ("a \"quoted\" name\twith\\escapes.txt", nil),
        ("қазақша атау.txt", "--12-11"),
        ("", "unknown"),
    ])
    func articleBytesAreTheCanonicalJSONOfTheRow(name: String, published: String?) {
        let sha = String(repeating: "ab", count: 32), prev = String(repeating: "0", count: 64)
        var o: [String: JSONValue] = [
            "n": .int(12), "sha256": .string(sha), "name": .string(name), "language": .string("kk"),
            "ingestedAt": .string("2026-11-22T08:00:00Z"), "prevHash": .string(prev),
        ]
        if let published { o["published"] = .string(published) }
        let direct = ArticleEnvelope.bytes(n: 12, sha256: sha, name: name, language: "kk", published: published,
                                           ingestedAt: "2026-11-22T08:00:00Z", prevHash: prev)
        #expect(String(decoding: direct, as: UTF8.self) == CanonicalJSON.string(.object(o)))
    }

    @Test(arguments: ["IR-KZ", "", String(repeating: "x", count: 64), String(repeating: "y", count: 65)])
    func columnKeysTellValuesApart(value: String) {
        #expect(ColumnKey(value) == ColumnKey(value))
        #expect(ColumnKey(value) != ColumnKey(value + "z"))
        #expect(ColumnKey(value + "\u{0}") != ColumnKey(value))
    }
}
