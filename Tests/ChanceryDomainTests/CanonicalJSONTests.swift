import Foundation
import Testing
@testable import ChanceryDomain

/// JSONValue as Encodable, so Foundation's encoder can serve as the oracle.
struct Oracle: Encodable {
    let value: JSONValue
    func encode(to encoder: Encoder) throws {
        switch value {
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .int(let i): var c = encoder.singleValueContainer(); try c.encode(i)
        case .double(let d): var c = encoder.singleValueContainer(); try c.encode(d)
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let a): var c = encoder.unkeyedContainer(); for v in a { try c.encode(Oracle(value: v)) }
        case .object(let o):
            struct K: CodingKey { var stringValue: String; var intValue: Int? { nil }; init(stringValue: String) { self.stringValue = stringValue }; init?(intValue: Int) { nil } }
            var c = encoder.container(keyedBy: K.self)
            for (k, v) in o { try c.encode(Oracle(value: v), forKey: K(stringValue: k)) }
        }
    }
}

func oracle(_ v: JSONValue) throws -> String {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try e.encode(Oracle(value: v)), as: UTF8.self)
}

@Suite struct CanonicalJSONTests {
    static let samples: [JSONValue] = [
        .object(["b": .int(1), "a": .string("x"), "c": .array([.null, .bool(true), .bool(false)])]),
        .string("Қасым-Жомарт Тоқаев пен «Масуд» \"Пезешкиан\" / a\\b"),
        .string("tab\tnew\nline\r\u{01}\u{1F}\u{7F}"),
        .object(["value": .number(17_800_000), "unit": .string("USD"), "rate": .double(17.8), "half": .double(0.5)]),
        .object(["nested": .object(["z": .array([.int(-3), .int(0), .int(3_000_000_000)]), "A": .string("upper first")])]),
        .object(["span": .array([.int(0), .int(163)]), "quote": .string("Ирано-казахские отношения — https://akorda.kz/ru")]),
        .array([]), .object([:]), .string(""), .string("emoji 🇰🇿 ✓"),
    ]

    @Test(arguments: samples)
    func matchesFoundationEncoder(_ value: JSONValue) throws {
        #expect(CanonicalJSON.string(value) == (try oracle(value)))
    }

    @Test(arguments: samples)
    func parserRoundTrips(_ value: JSONValue) throws {
        let text = CanonicalJSON.string(value)
        #expect(try JSONParser.parse(text) == value)
    }

    @Test func integralValuesHaveNoExponent() {
        #expect(CanonicalJSON.string(.number(3_000_000_000)) == "3000000000")
        #expect(CanonicalJSON.string(.number(1.2e12)) == "1200000000000")
        #expect(CanonicalJSON.string(.number(40)) == "40")
    }

    @Test(arguments: ["{", "[1,]", "{\"a\":1,\"a\":2}", "\"unterminated", "tru", "01x", "{\"a\" 1}", "[1] 2", "\"\\ud800\""])
    func parserRejectsMalformed(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text) }
    }

    @Test func parserReadsEscapes() throws {
        #expect(try JSONParser.parse("\"a\\u00e9\\n\\/\\ud83c\\uddf0\"") == .string("aé\n/🇰"))
    }
}
