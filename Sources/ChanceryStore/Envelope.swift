import CSQLite
import ChanceryDomain
import Crypto
import Foundation

/// Writes an event's canonical JSON straight from its stored columns (payload and source
/// are stored canonical), so the chain, verify and export never decode a payload.
enum Envelope {
    struct Columns {
        var seq: Int64
        var id: String
        var type: String
        var version: Int64
        var stream: String
        var occurred: String
        var occurredUntil: String?
        var recordedAt: String
        var payload: [UInt8]
        var source: [UInt8]
        var prevHash: String
    }

    static func key(_ k: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    /// The canonical JSON of the event; with `hash`, one export line.
    static func bytes(_ c: Columns, hash: String?) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(c.payload.count + c.source.count + 400)
        out.append(UInt8(ascii: "{"))
        key("data", &out, first: true); out.append(contentsOf: c.payload)
        if let hash { key("hash", &out); writeString(hash, into: &out) }
        key("id", &out); writeString(c.id, into: &out)
        key("occurred", &out); writeString(c.occurred, into: &out)
        if let u = c.occurredUntil { key("occurredUntil", &out); writeString(u, into: &out) }
        key("prevHash", &out); writeString(c.prevHash, into: &out)
        key("recordedAt", &out); writeString(c.recordedAt, into: &out)
        key("seq", &out); writeInt(c.seq, into: &out)
        key("source", &out); out.append(contentsOf: c.source)
        key("stream", &out); writeString(c.stream, into: &out)
        key("type", &out); writeString(c.type, into: &out)
        key("version", &out); writeInt(c.version, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The chain hash of the event.
    static func hash(_ c: Columns) -> String {
        Hashing.chain(prevHash: c.prevHash, body: bytes(c, hash: nil))
    }

    // MARK: Straight from a row

    /// Appends the canonical JSON of the event in the current row of `s` (a row of
    /// `EventStore.eventColumns`) to `out`, with the row's hash when `withHash`: the same
    /// bytes as `bytes(_:hash:)` of its columns, without building a `String` per column.
    static func write(row s: Statement, withHash: Bool, into out: inout [UInt8]) {
        let p = s.pointer
        func text(_ c: Int32) {
            let n = Int(sqlite3_column_bytes(p, c))
            writeEscaped(UnsafeBufferPointer(start: sqlite3_column_text(p, c), count: n), into: &out)
        }
        func raw(_ c: Int32) {
            let n = Int(sqlite3_column_bytes(p, c))
            guard n > 0, let b = sqlite3_column_blob(p, c) else { return }
            out.append(contentsOf: UnsafeRawBufferPointer(start: b, count: n))
        }
        out.append(UInt8(ascii: "{"))
        key("data", &out, first: true); raw(8)
        if withHash { key("hash", &out); text(11) }
        key("id", &out); text(1)
        key("occurred", &out); text(5)
        if sqlite3_column_type(p, 6) != SQLITE_NULL { key("occurredUntil", &out); text(6) }
        key("prevHash", &out); text(10)
        key("recordedAt", &out); text(7)
        key("seq", &out); writeInt(sqlite3_column_int64(p, 0), into: &out)
        key("source", &out); raw(9)
        key("stream", &out); text(4)
        key("type", &out); text(2)
        key("version", &out); writeInt(sqlite3_column_int64(p, 3), into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The chain hash (64 hex digits) of `prevHash` (column `prevColumn` of `s`) and `body`.
    static func chainHex(_ s: Statement, prevColumn: Int32, body: [UInt8], into out: inout [UInt8]) {
        var h = SHA256()
        let n = Int(sqlite3_column_bytes(s.pointer, prevColumn))
        if n > 0, let t = sqlite3_column_text(s.pointer, prevColumn) {
            h.update(bufferPointer: UnsafeRawBufferPointer(start: t, count: n))
        }
        h.update(data: body)
        out.removeAll(keepingCapacity: true)
        h.finalize().withUnsafeBytes { d in
            for b in d {
                out.append(digits[Int(b >> 4)])
                out.append(digits[Int(b & 0xF)])
            }
        }
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether column `c` of the current row of `s` holds exactly `bytes`.
    static func column(_ s: Statement, _ c: Int32, equals bytes: [UInt8]) -> Bool {
        let n = Int(sqlite3_column_bytes(s.pointer, c))
        guard n == bytes.count else { return false }
        guard n > 0, let t = sqlite3_column_blob(s.pointer, c) else { return n == 0 }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress!, t, n) == 0 }
    }

    // MARK: Canonical pieces

    static func writeInt(_ v: Int64, into out: inout [UInt8]) {
        if v >= 0 && v < 10 { out.append(0x30 + UInt8(v)); return }
        out.append(contentsOf: String(v).utf8)
    }

    /// Appends `s` as a JSON string literal: the same bytes as `CanonicalJSON.writeString`.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { writeEscaped($0, into: &out) }
    }

    /// Appends UTF-8 `b` as a JSON string literal, escaping as `CanonicalJSON.writeString`
    /// does, copying the runs that need no escape in one go.
    static func writeEscaped(_ b: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var run = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
            if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
            switch c {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
            case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
            case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
            default:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                out.append(digits[Int(c >> 4)])
                out.append(digits[Int(c & 0xF)])
            }
            i += 1
            run = i
        }
        if n > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n])) }
        out.append(UInt8(ascii: "\""))
    }

    /// The canonical JSON of `p.json` (keys sorted: article, file, quote, rule, span),
    /// written directly.
    static func sourceBytes(_ p: Provenance) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(p.quote.utf8.count + p.file.utf8.count + 140)
        out.append(UInt8(ascii: "{"))
        key("article", &out, first: true); writeString(p.article, into: &out)
        key("file", &out); writeString(p.file, into: &out)
        key("quote", &out); writeString(p.quote, into: &out)
        key("rule", &out); writeString(p.rule, into: &out)
        key("span", &out)
        out.append(UInt8(ascii: "["))
        for (n, v) in p.span.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            writeInt(Int64(v), into: &out)
        }
        out.append(UInt8(ascii: "]"))
        out.append(UInt8(ascii: "}"))
        return out
    }
}

extension Statement {
    /// Binds UTF-8 `bytes` as text (copied by SQLite), without an intermediate `String`.
    func bindText(_ i: Int32, _ bytes: [UInt8]) {
        if bytes.isEmpty {
            sqlite3_bind_text(pointer, i, "", 0, nil)
            return
        }
        bytes.withUnsafeBytes { b in
            _ = sqlite3_bind_text(pointer, i, b.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(b.count),
                                  unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
    }
}

/// What the article chain covers for one article row.
enum ArticleEnvelope {
    static func bytes(n: Int64, sha256: String, name: String, language: String, published: String?, ingestedAt: String, prevHash: String) -> [UInt8] {
        // The canonical JSON of {"ingestedAt","language","n","name","prevHash","published"?,
        // "sha256"}: keys in byte order, written directly.
        var out = [UInt8]()
        out.reserveCapacity(220 + name.utf8.count)
        out.append(UInt8(ascii: "{"))
        Envelope.key("ingestedAt", &out, first: true); Envelope.writeString(ingestedAt, into: &out)
        Envelope.key("language", &out); Envelope.writeString(language, into: &out)
        Envelope.key("n", &out); Envelope.writeInt(n, into: &out)
        Envelope.key("name", &out); Envelope.writeString(name, into: &out)
        Envelope.key("prevHash", &out); Envelope.writeString(prevHash, into: &out)
        if let published { Envelope.key("published", &out); Envelope.writeString(published, into: &out) }
        Envelope.key("sha256", &out); Envelope.writeString(sha256, into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
