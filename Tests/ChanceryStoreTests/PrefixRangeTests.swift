import ChanceryDomain
import Testing
@testable import ChanceryStore

/// Reading and removing keys by prefix takes every key that starts with it, whatever follows
/// (before, keys whose next character was U+10FFFF followed by more were left out).
@Suite struct PrefixRangeTests {
    @Test(arguments: [
        ("IR-KZ/", Array("IR-KZ0".utf8)),
        ("ev-", Array("ev.".utf8)),
        ("a\u{10FFFF}", Array("a".utf8) + [0xF4, 0x8F, 0xBF, 0xC0]),
        ("", nil),
    ] as [(String, [UInt8]?)])
    func theEndRaisesTheLastByte(prefix: String, end: [UInt8]?) {
        #expect(PrefixRange.end(of: prefix) == end)
    }

    static let keys = ["IR-KZ/a", "IR-KZ/\u{10FFFF}", "IR-KZ/\u{10FFFF}more", "IR-KZ/\u{10FFFF}\u{10FFFF}", "IR-KZ/zz"]
    static let others = ["IR-KZ", "IR-KZ0", "IR-KZ.x", "IR-KY/\u{10FFFF}", "IR-KZ0/a"]

    @Test func projectionRowsByPrefixTakeEveryKeyOfThePrefix() throws {
        let store = try EventStore.inMemory()
        try store.write { tx in
            for k in Self.keys + Self.others { try tx.putProjection("facts", key: k, value: "{}") }
        }
        #expect(try store.projectionRows("facts", keyPrefix: "IR-KZ/").map(\.key) == Self.keys.sorted())
        var seen = [String]()
        try store.forEachProjectionRow("facts", keyPrefix: "IR-KZ/") { k, _ in seen.append(String(decoding: k, as: UTF8.self)) }
        #expect(seen == Self.keys.sorted())
        try store.write { tx in try tx.removeProjectionRows("facts", keyPrefix: "IR-KZ/") }
        #expect(try store.projectionKeys("facts") == Self.others.sorted())
    }

    @Test func eventIDsByPrefixTakeEveryIDOfThePrefix() throws {
        let store = try EventStore.inMemory()
        let art = Fixtures.article("An article for ids.")
        let ids = ["ev-\u{10FFFF}x", "ev-a", "ew-1", "ev"]
        try store.write { tx in
            try tx.insertArticle(art)
            for (n, id) in ids.enumerated() {
                var e = Fixtures.visit(n, article: art)
                e.id = id
                try tx.append([e], to: e.stream, recordedAt: Fixtures.time)
            }
        }
        #expect(try store.eventIDs(prefix: "ev-", limit: 10) == ["ev-a", "ev-\u{10FFFF}x"])
    }
}
