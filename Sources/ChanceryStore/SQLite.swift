import CSQLite
import Foundation

/// A failure reported by SQLite, with the statement and the database it happened in.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The SQLite result code (primary code in the low byte).
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement being run, if any.
    public let sql: String?
    /// The database file.
    public let path: String

    public var description: String {
        var s = "\(path): SQLite error \(code): \(message)"
        if let sql { s += " (in: \(sql.prefix(120)))" }
        return s
    }

    /// Whether another connection holds the lock.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}

/// A thin, non-thread-safe connection over the SQLite C API. Only this module speaks SQL.
final class Connection {
    let handle: OpaquePointer
    let path: String
    private var cache: [String: Statement] = [:]

    init(path: String, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: msg, sql: nil, path: path)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, _ sql: String?) -> SQLiteError {
        SQLiteError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }

    /// Runs one or more statements with no results.
    func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw SQLiteError(code: rc, message: msg, sql: sql, path: path)
        }
    }

    /// A prepared statement, cached by its text.
    func prepare(_ sql: String) throws -> Statement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        let s = try Statement(self, sql)
        cache[sql] = s
        return s
    }

    var changes: Int { Int(sqlite3_changes(handle)) }
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }
}

/// A prepared statement. Binding indexes are 1-based, column indexes 0-based.
final class Statement {
    let pointer: OpaquePointer
    unowned let connection: Connection
    let sql: String

    init(_ connection: Connection, _ sql: String) throws {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw connection.error(rc, sql) }
        pointer = stmt
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(pointer) }

    func reset() {
        sqlite3_reset(pointer)
        sqlite3_clear_bindings(pointer)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ i: Int32, _ v: Int64) { sqlite3_bind_int64(pointer, i, v) }
    func bind(_ i: Int32, _ v: Int) { sqlite3_bind_int64(pointer, i, Int64(v)) }
    func bind(_ i: Int32, _ v: String) { sqlite3_bind_text(pointer, i, v, -1, Statement.transient) }
    func bind(_ i: Int32, _ v: String?) {
        if let v { bind(i, v) } else { sqlite3_bind_null(pointer, i) }
    }
    func bind(_ i: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { buf in
            _ = sqlite3_bind_blob(pointer, i, buf.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buf.count), Statement.transient)
        }
    }

    /// Steps once: true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(pointer)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let e = connection.error(rc, sql)
        sqlite3_reset(pointer)
        throw e
    }

    /// Runs to completion.
    func run() throws {
        while try step() {}
        sqlite3_reset(pointer)
    }

    func int(_ c: Int32) -> Int64 { sqlite3_column_int64(pointer, c) }
    func isNull(_ c: Int32) -> Bool { sqlite3_column_type(pointer, c) == SQLITE_NULL }
    func string(_ c: Int32) -> String {
        guard let p = sqlite3_column_text(pointer, c) else { return "" }
        let n = Int(sqlite3_column_bytes(pointer, c))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }
    func optionalString(_ c: Int32) -> String? { isNull(c) ? nil : string(c) }
    /// The column's bytes appended to `out` (text or blob), without an intermediate String.
    func appendBytes(_ c: Int32, to out: inout [UInt8]) {
        let n = Int(sqlite3_column_bytes(pointer, c))
        guard n > 0, let p = sqlite3_column_blob(pointer, c) else { return }
        out.append(contentsOf: UnsafeRawBufferPointer(start: p, count: n))
    }
    func bytes(_ c: Int32) -> [UInt8] {
        var out = [UInt8]()
        appendBytes(c, to: &out)
        return out
    }
}

/// Where the keys that start with a prefix end, in SQLite's `BINARY` order: the prefix's
/// bytes with the last one raised by one, so that `key >= prefix AND key < end` holds every
/// key that starts with the prefix, whatever follows it (even U+10FFFF and more).
enum PrefixRange {
    /// The first byte string after every string that starts with `prefix`; `nil` when there
    /// is none (an empty prefix, or one of 0xFF bytes only, which UTF-8 never has).
    static func end(of prefix: String) -> [UInt8]? {
        var b = Array(prefix.utf8)
        while let last = b.last {
            if last < 0xFF {
                b[b.count - 1] = last + 1
                return b
            }
            b.removeLast()
        }
        return nil
    }

    /// Binds `prefix` at `i` and its end at `i + 1` (bytes above any UTF-8 text when it has none).
    static func bind(_ prefix: String, at i: Int32, in s: Statement) {
        s.bind(i, prefix)
        s.bindText(i + 1, end(of: prefix) ?? [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
    }
}
