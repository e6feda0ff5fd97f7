import CSQLite
import ChanceryDomain
import Foundation

/// The head of one stored event row, read in place: its seq, id, type, version and payload
/// as SQLite holds them, without decoding the payload. Valid only inside the closure it is
/// given to.
///
/// For code that must go through many events fast (a projection rebuild); everything else
/// reads `RecordedEvent`s.
public struct EventRowView {
    let statement: Statement

    init(_ statement: Statement) { self.statement = statement }

    /// The columns read.
    public enum Column: Int32, Sendable {
        case seq = 0, id, type, version, payload
    }

    /// The event's position in the log.
    public var seq: Int64 { statement.int(Column.seq.rawValue) }
    /// The payload's version.
    public var version: Int { Int(statement.int(Column.version.rawValue)) }

    /// The event's type, read from the column's bytes; `nil` for a name this build does not
    /// know (`typeName` has it).
    public var type: EventType? {
        withBytes(.type) { b in
            EventRowView.typeNames.first { name in
                name.bytes.count == b.count && name.bytes.withUnsafeBytes { memcmp($0.baseAddress!, b.baseAddress!, b.count) == 0 }
            }?.type
        }
    }

    /// The type column as a String.
    public var typeName: String { string(.type) }

    private static let typeNames = EventType.allCases.map { (type: $0, bytes: Array($0.rawValue.utf8)) }

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
}

extension EventStore {
    /// The streams that have events, sorted.
    public func streams() throws -> [String] {
        let s = try db.prepare("SELECT DISTINCT stream FROM events ORDER BY stream")
        defer { s.reset() }
        var out = [String]()
        while try s.step() { out.append(s.string(0)) }
        return out
    }

    /// The number of events in `stream`.
    public func eventCount(inStream stream: String) throws -> Int {
        let s = try db.prepare("SELECT COUNT(*) FROM events WHERE stream = ?")
        defer { s.reset() }
        s.bind(1, stream)
        _ = try s.step()
        return Int(s.int(0))
    }

    /// Calls `body` with the head of each row of `stream` up to `throughSeq`, in seq order.
    public func forEachEventRow(inStream stream: String, throughSeq: Int64, _ body: (EventRowView) throws -> Void) throws {
        let s = try db.prepare("SELECT seq, id, type, version, payload FROM events WHERE stream = ? AND seq <= ? ORDER BY seq")
        defer { s.reset() }
        s.bind(1, stream)
        s.bind(2, throughSeq)
        while try s.step() { try body(EventRowView(s)) }
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

extension EventStore {
    /// Calls `body` with the key and value bytes of each row of `projection` whose key starts
    /// with `prefix`, in key order (one index range; nothing copied). `body` must not write
    /// to the projection rows.
    public func forEachProjectionRow(_ projection: String, keyPrefix prefix: String,
                                     _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) throws -> Void) throws {
        let s = try db.prepare("SELECT key, value FROM projection_state WHERE projection = ? AND key >= ? AND key < ? ORDER BY key")
        defer { s.reset() }
        s.bind(1, projection); PrefixRange.bind(prefix, at: 2, in: s)
        while try s.step() {
            let kn = Int(sqlite3_column_bytes(s.pointer, 0)), vn = Int(sqlite3_column_bytes(s.pointer, 1))
            try body(UnsafeRawBufferPointer(start: kn > 0 ? sqlite3_column_blob(s.pointer, 0) : nil, count: kn),
                     UnsafeRawBufferPointer(start: vn > 0 ? sqlite3_column_blob(s.pointer, 1) : nil, count: vn))
        }
    }
}

extension StoreTransaction {
    /// Stores (or replaces) rows of `projection`, keys and values as UTF-8 bytes, through one
    /// statement.
    public func putProjections(_ projection: String, _ rows: some Sequence<(key: [UInt8], value: [UInt8])>) throws {
        let s = try store.db.prepare("INSERT OR REPLACE INTO projection_state (projection, key, value) VALUES (?,?,?)")
        s.bind(1, projection)
        for r in rows {
            s.bindText(2, r.key); s.bindText(3, r.value)
            try s.run()
        }
    }

    /// Removes the row of `projection` whose key is these UTF-8 bytes.
    public func removeProjection(_ projection: String, keyBytes key: [UInt8]) throws {
        let s = try store.db.prepare("DELETE FROM projection_state WHERE projection = ? AND key = ?")
        s.bind(1, projection); s.bindText(2, key)
        try s.run()
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
