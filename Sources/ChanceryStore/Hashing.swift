import CSQLite
import Crypto

/// SHA-256 helpers (hex, lower case).
public enum Hashing {
    /// The SHA-256 of `bytes` as 64 hex digits.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The SHA-256 of the bytes of column `c` of the current row of `s`, as 64 hex digits.
    static func sha256Hex(column c: Int32, of s: Statement) -> String {
        let n = Int(sqlite3_column_bytes(s.pointer, c))
        var h = SHA256()
        if n > 0, let p = sqlite3_column_blob(s.pointer, c) { h.update(bufferPointer: UnsafeRawBufferPointer(start: p, count: n)) }
        return hex(h.finalize())
    }

    /// The SHA-256 of a string's UTF-8 bytes as 64 hex digits.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Array(text.utf8)) }

    /// `prevHash` followed by `body`, hashed: the chain step.
    static func chain(prevHash: String, body: [UInt8]) -> String {
        var h = SHA256()
        h.update(data: Array(prevHash.utf8))
        h.update(data: body)
        return hex(h.finalize())
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence<UInt8>>(_ d: D) -> String {
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in d {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `prevHash` of the first event.
    public static let genesis = String(repeating: "0", count: 64)
}
