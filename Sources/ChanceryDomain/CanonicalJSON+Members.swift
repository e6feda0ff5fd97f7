import Foundation

extension CanonicalJSON {
    /// The byte range of the value of top-level member `key` in the JSON object `json`
    /// (`nil` when absent, or when `json` is not an object that reads to its end).
    ///
    /// Reads nothing but the structure: strings are skipped escape by escape and nested
    /// values by depth, so a stored canonical payload can be taken apart without being
    /// decoded. Keys are compared by their raw bytes (keys written with escapes do not match).
    public static func member(_ key: StaticString, in json: UnsafeRawBufferPointer) -> Range<Int>? {
        let n = json.count
        var i = skipSpace(json, 0)
        guard i < n, json[i] == UInt8(ascii: "{") else { return nil }
        i = skipSpace(json, i + 1)
        if i < n, json[i] == UInt8(ascii: "}") { return nil }
        while i < n {
            guard json[i] == UInt8(ascii: "\""), let keyEnd = stringEnd(json, i) else { return nil }
            let name = UnsafeRawBufferPointer(rebasing: json[(i + 1)..<(keyEnd - 1)])
            i = skipSpace(json, keyEnd)
            guard i < n, json[i] == UInt8(ascii: ":") else { return nil }
            let start = skipSpace(json, i + 1)
            guard let end = valueEnd(json, start) else { return nil }
            if key.utf8CodeUnitCount == name.count && (name.isEmpty || memcmp(name.baseAddress!, key.utf8Start, name.count) == 0) {
                return start..<end
            }
            i = skipSpace(json, end)
            guard i < n, json[i] == UInt8(ascii: ",") else { return nil }
            i = skipSpace(json, i + 1)
        }
        return nil
    }

    /// The string value of top-level member `key` of `json`, decoded (`nil` when absent or
    /// not a string).
    public static func stringMember(_ key: StaticString, in json: UnsafeRawBufferPointer) -> String? {
        guard let r = member(key, in: json), r.count >= 2, json[r.lowerBound] == UInt8(ascii: "\"") else { return nil }
        let inner = UnsafeRawBufferPointer(rebasing: json[(r.lowerBound + 1)..<(r.upperBound - 1)])
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        guard case .string(let s)? = try? JSONParser.parse(Array(UnsafeRawBufferPointer(rebasing: json[r]))) else { return nil }
        return s
    }

    private static func skipSpace(_ b: UnsafeRawBufferPointer, _ from: Int) -> Int {
        var i = from
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The index after the closing quote of the string starting at `start`.
    private static func stringEnd(_ b: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        var i = start + 1
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): return i + 1
            default: i += 1
            }
        }
        return nil
    }

    /// The index after the value starting at `start`.
    private static func valueEnd(_ b: UnsafeRawBufferPointer, _ start: Int) -> Int? {
        guard start < b.count else { return nil }
        switch b[start] {
        case UInt8(ascii: "\""): return stringEnd(b, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < b.count {
                switch b[i] {
                case UInt8(ascii: "\""):
                    guard let e = stringEnd(b, i) else { return nil }
                    i = e
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return nil
        default:
            var i = start
            while i < b.count, b[i] != UInt8(ascii: ","), b[i] != UInt8(ascii: "}"), b[i] != UInt8(ascii: "]"),
                  b[i] != 0x20, b[i] != 0x0A, b[i] != 0x0D, b[i] != 0x09 { i += 1 }
            return i > start ? i : nil
        }
    }
}
