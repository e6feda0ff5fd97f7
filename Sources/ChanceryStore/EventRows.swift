import CSQLite
import Crypto

/// One stored event row, read in place: its columns' bytes as SQLite holds them, without
/// decoding the payload or the source. Valid only inside the closure it is given to.
///
/// For code that must go through many events fast (a projection rebuild); everything else
/// reads `RecordedEvent`s.
public struct EventRowView {
    let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    /// The columns of an event row.
    public enum Column: Int32, Sendable {
        case seq = 0, id, type, version, stream, occurred, occurredUntil, recordedAt, payload, source
    }

    /// The event's position in the log.
    public var seq: Int64 { statement.int(Column.seq.rawValue) }
    /// The payload's version.
    public var version: Int { Int(statement.int(Column.version.rawValue)) }
    /// Whether `occurred_until` is NULL.
    public var hasOccurredUntil: Bool { !statement.isNull(Column.occurredUntil.rawValue) }

    /// A text column as a String.
    public func string(_ c: Column) -> String { statement.string(c.rawValue) }

    /// Calls `body` with the bytes of column `c` (empty for NULL); the buffer is valid only
    /// during the call.
    public func withBytes<T>(_ c: Column, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let n = Int(sqlite3_column_bytes(statement.pointer, c.rawValue))
        guard n > 0, let p = sqlite3_column_blob(statement.pointer, c.rawValue) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: p, count: n))
    }

    /// Appends text column `c` to `out` as a canonical JSON string literal (the bytes
    /// `CanonicalJSON.writeString` writes for it).
    public func appendJSONString(_ c: Column, to out: inout [UInt8]) {
        let n = Int(sqlite3_column_bytes(statement.pointer, c.rawValue))
        Envelope.writeEscaped(UnsafeBufferPointer(start: sqlite3_column_text(statement.pointer, c.rawValue), count: n), into: &out)
    }

    /// Appends the bytes of column `c` to `out`.
    public func appendBytes(_ c: Column, to out: inout [UInt8]) { statement.appendBytes(c.rawValue, to: &out) }
}

extension EventStore {
    static let rowColumns = "seq, id, type, version, stream, occurred, occurred_until, recorded_at, payload, source"

    /// The streams that have events, sorted.
    public func streams() throws -> [String] {
        let s = try db.prepare("SELECT DISTINCT stream FROM events ORDER BY stream")
        defer { s.reset() }
        var out = [String]()
        while try s.step() { out.append(s.string(0)) }
        return out
    }

    /// Calls `body` with each row of `stream` up to `throughSeq`, in seq order.
    public func forEachEventRow(inStream stream: String, throughSeq: Int64, _ body: (EventRowView) throws -> Void) throws {
        let s = try db.prepare("SELECT \(EventStore.rowColumns) FROM events WHERE stream = ? AND seq <= ? ORDER BY seq")
        defer { s.reset() }
        s.bind(1, stream)
        s.bind(2, throughSeq)
        while try s.step() { try body(EventRowView(s)) }
    }

    /// Calls `body` with the row at `seq`; `nil` when there is none.
    public func withEventRow<T>(seq: Int64, _ body: (EventRowView) throws -> T) throws -> T? {
        let s = try rowBySeq()
        defer { s.reset() }
        s.bind(1, seq)
        guard try s.step() else { return nil }
        return try body(EventRowView(s))
    }

    /// The stream and seq of the event `id`, if stored.
    public func locate(id: String) throws -> (stream: String, seq: Int64)? {
        let s = try db.prepare("SELECT stream, seq FROM events WHERE id = ?")
        defer { s.reset() }
        s.bind(1, id)
        guard try s.step() else { return nil }
        return (s.string(0), s.int(1))
    }
}

extension StoreTransaction {
    /// Stores (or replaces) one projection row whose value is UTF-8 `bytes`.
    public func putProjection(_ projection: String, key: String, bytes: [UInt8]) throws {
        let s = try store.db.prepare("INSERT OR REPLACE INTO projection_state (projection, key, value) VALUES (?,?,?)")
        s.bind(1, projection); s.bind(2, key); s.bindText(3, bytes)
        try s.run()
    }

    /// Runs `body` inside a savepoint: what it writes is undone when it throws.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try store.db.exec("SAVEPOINT chancery_inner")
        do {
            let v = try body()
            try store.db.exec("RELEASE chancery_inner")
            return v
        } catch {
            try? store.db.exec("ROLLBACK TO chancery_inner")
            try? store.db.exec("RELEASE chancery_inner")
            throw error
        }
    }
}

/// A SHA-256 over projection rows in key order (each key and value length-prefixed), so
/// that two sets of rows can be compared without holding either.
public struct RowDigest: Equatable {
    private var hash = SHA256()
    /// The rows added.
    public private(set) var count = 0

    public init() {}

    /// Adds one row.
    public mutating func add(key: String, value: [UInt8]) {
        var k = key
        k.withUTF8 { kb in value.withUnsafeBytes { vb in add(UnsafeRawBufferPointer(kb), vb) } }
    }

    mutating func add(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) {
        count += 1
        for part in [key, value] {
            var n = UInt64(part.count).littleEndian
            withUnsafeBytes(of: &n) { hash.update(bufferPointer: $0) }
            if part.count > 0 { hash.update(bufferPointer: part) }
        }
    }

    /// The digest of the rows added.
    public var digest: [UInt8] { Array(hash.finalize()) }

    public static func == (a: RowDigest, b: RowDigest) -> Bool { a.count == b.count && a.digest == b.digest }
}

extension EventStore {
    /// The digest of the rows of `projection` whose key starts with `prefix`, in key order.
    public func projectionDigest(_ projection: String, keyPrefix prefix: String) throws -> RowDigest {
        let s = try db.prepare("SELECT key, value FROM projection_state WHERE projection = ? AND key >= ? AND key < ? ORDER BY key")
        defer { s.reset() }
        s.bind(1, projection); s.bind(2, prefix); s.bind(3, prefix + "\u{10FFFF}")
        var d = RowDigest()
        while try s.step() {
            let kn = Int(sqlite3_column_bytes(s.pointer, 0)), vn = Int(sqlite3_column_bytes(s.pointer, 1))
            d.add(UnsafeRawBufferPointer(start: kn > 0 ? sqlite3_column_blob(s.pointer, 0) : nil, count: kn),
                  UnsafeRawBufferPointer(start: vn > 0 ? sqlite3_column_blob(s.pointer, 1) : nil, count: vn))
        }
        return d
    }
}

extension EventStore {
    /// The last seq that came from an imported log (0 when nothing was imported). Imported
    /// payloads are stored as the log gave them: canonical, but not necessarily in the form
    /// this build writes (extra members, `null` members, parties in another order).
    public func importedThrough() throws -> Int64 {
        Int64(try metaValue("imported_through") ?? "") ?? 0
    }
}
