import CSQLite

/// The physical limit the store is measured against: the same rows, the same table shape,
/// straight through the SQLite C API with reused prepared statements and no envelope,
/// no hashing, no JSON.
public final class RawDB {
    public let handle: OpaquePointer
    public let path: String

    public init(path: String, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else { throw BenchError("cannot open \(path)") }
        handle = db
        self.path = path
        if !readOnly {
            try exec("PRAGMA journal_mode = WAL")
            try exec("PRAGMA synchronous = NORMAL")
        }
    }

    deinit { sqlite3_close_v2(handle) }

    public func exec(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &err) != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? "error"
            sqlite3_free(err)
            throw BenchError("\(path): \(msg) in \(sql.prefix(80))")
        }
    }

    public func prepare(_ sql: String) throws -> OpaquePointer {
        var s: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil) == SQLITE_OK, let s else {
            throw BenchError("\(path): \(String(cString: sqlite3_errmsg(handle))) in \(sql.prefix(80))")
        }
        return s
    }

    /// The tables of the Chancery store with the same columns, keys, constraints and
    /// indexes (schema migrations 1 to 3), less the append-only triggers.
    public static let schema = """
    CREATE TABLE articles (
        n INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, name TEXT NOT NULL, bytes BLOB NOT NULL,
        language TEXT NOT NULL, published TEXT, ingested_at TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, stream TEXT NOT NULL, stream_version INTEGER NOT NULL,
        type TEXT NOT NULL, version INTEGER NOT NULL, occurred TEXT NOT NULL, occurred_until TEXT,
        recorded_at TEXT NOT NULL, payload TEXT NOT NULL, source TEXT NOT NULL, article TEXT NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream, stream_version));
    CREATE INDEX events_by_type ON events(type, seq);
    CREATE INDEX events_by_article ON events(article);
    CREATE INDEX events_by_stream ON events(stream, seq);
    """
}

public struct BenchError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

/// One column value, copied out of a row.
enum RawValue {
    case int(Int64), text([UInt8]), blob([UInt8]), null

    init(_ s: OpaquePointer, _ c: Int32) {
        switch sqlite3_column_type(s, c) {
        case SQLITE_INTEGER: self = .int(sqlite3_column_int64(s, c))
        case SQLITE_NULL: self = .null
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(s, c))
            self = .blob(n == 0 ? [] : Array(UnsafeRawBufferPointer(start: sqlite3_column_blob(s, c), count: n)))
        default:
            let n = Int(sqlite3_column_bytes(s, c))
            self = .text(n == 0 ? [] : Array(UnsafeRawBufferPointer(start: sqlite3_column_text(s, c), count: n)))
        }
    }

    nonisolated(unsafe) static let empty: UnsafeMutablePointer<CChar> = { let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1); p.pointee = 0; return p }()

    /// Binds without a copy (the caller keeps the value alive until the statement is stepped).
    func bind(_ s: OpaquePointer, _ i: Int32) {
        switch self {
        case .int(let v): sqlite3_bind_int64(s, i, v)
        case .null: sqlite3_bind_null(s, i)
        case .text(let b):
            // An empty text needs a non-null pointer (else it binds NULL).
            if b.isEmpty { sqlite3_bind_text(s, i, RawValue.empty, 0, nil); return }
            b.withUnsafeBytes { p in _ = sqlite3_bind_text(s, i, p.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(b.count), nil) }
        case .blob(let b): b.withUnsafeBytes { p in _ = sqlite3_bind_blob(s, i, p.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(b.count), nil) }
        }
    }
}

/// The raw baselines: copy the Chancery store's rows into a raw table, timing only the
/// inserts, then read them back sequentially.
public enum RawBaseline {
    static let eventColumns = "seq, id, stream, stream_version, type, version, occurred, occurred_until, recorded_at, payload, source, article, prev_hash, hash"
    static let articleColumns = "n, sha256, name, bytes, language, published, ingested_at, prev_hash, hash"

    /// Inserts the rows of the store at `source` into a fresh raw database at `target`, one
    /// transaction per article (its article row and its events), as the store wrote them,
    /// or `articlesPerCommit` articles per transaction. The rows are read (untimed) before
    /// each article; returns event rows and the seconds spent in BEGIN/bind/step/COMMIT.
    public static func insert(from source: String, into target: String,
                              articlesPerCommit: Int = 1) throws -> (rows: Int, seconds: Double, cpu: Double) {
        let src = try RawDB(path: source, readOnly: true)
        let dst = try RawDB(path: target)
        try dst.exec(RawDB.schema)
        let readEvents = try src.prepare("SELECT \(eventColumns) FROM events ORDER BY seq")
        let readArticle = try src.prepare("SELECT \(articleColumns) FROM articles WHERE sha256 = ?")
        let insEvent = try dst.prepare("INSERT INTO events (\(eventColumns)) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        let insArticle = try dst.prepare("INSERT INTO articles (\(articleColumns)) VALUES (?,?,?,?,?,?,?,?,?)")
        let begin = try dst.prepare("BEGIN IMMEDIATE"), commit = try dst.prepare("COMMIT")
        defer { for s in [readEvents, readArticle, insEvent, insArticle, begin, commit] { sqlite3_finalize(s) } }

        var rows = 0, articles = 0
        var open = false
        var clock = Stopwatch.Accumulator()
        var group = [[RawValue]]()
        var groupArticle: [UInt8] = []

        func flush() throws {
            guard !group.isEmpty else { return }
            // Untimed: the article row.
            var article = [RawValue]()
            groupArticle.withUnsafeBytes { p in
                _ = sqlite3_bind_text(readArticle, 1, p.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(groupArticle.count), nil)
            }
            if sqlite3_step(readArticle) == SQLITE_ROW { article = (0..<9).map { RawValue(readArticle, $0) } }
            sqlite3_reset(readArticle)
            // Timed: one transaction.
            let t = clock.start()
            if !open {
                guard sqlite3_step(begin) == SQLITE_DONE else { throw BenchError("BEGIN failed") }
                sqlite3_reset(begin)
                open = true
            }
            if !article.isEmpty {
                for (k, v) in article.enumerated() { v.bind(insArticle, Int32(k + 1)) }
                guard sqlite3_step(insArticle) == SQLITE_DONE else { throw BenchError("raw article insert: \(String(cString: sqlite3_errmsg(dst.handle)))") }
                sqlite3_reset(insArticle)
            }
            for r in group {
                for (k, v) in r.enumerated() { v.bind(insEvent, Int32(k + 1)) }
                guard sqlite3_step(insEvent) == SQLITE_DONE else { throw BenchError("raw event insert: \(String(cString: sqlite3_errmsg(dst.handle)))") }
                sqlite3_reset(insEvent)
            }
            articles += 1
            if articles % articlesPerCommit == 0 { try commitNow() }
            clock.add(since: t)
            rows += group.count
            group.removeAll(keepingCapacity: true)
        }

        func commitNow() throws {
            guard open else { return }
            guard sqlite3_step(commit) == SQLITE_DONE else { throw BenchError("COMMIT failed") }
            sqlite3_reset(commit)
            open = false
        }

        while sqlite3_step(readEvents) == SQLITE_ROW {
            let n = Int(sqlite3_column_bytes(readEvents, 11))
            let article = Array(UnsafeRawBufferPointer(start: sqlite3_column_text(readEvents, 11), count: n))
            if article != groupArticle {
                try flush()
                groupArticle = article
            }
            group.append((0..<14).map { RawValue(readEvents, $0) })
        }
        try flush()
        let t = clock.start()
        try commitNow()
        clock.add(since: t)
        return (rows, clock.seconds, clock.cpuSeconds)
    }

    /// Reads every event row of the raw database in seq order, touching every column's bytes.
    public static func read(_ path: String) throws -> (rows: Int, seconds: Double, cpu: Double, checksum: UInt64) {
        let db = try RawDB(path: path, readOnly: true)
        let s = try db.prepare("SELECT \(eventColumns) FROM events ORDER BY seq")
        defer { sqlite3_finalize(s) }
        var rows = 0
        var sum: UInt64 = 0
        let c0 = Stopwatch.cpuNow()
        let t = Stopwatch.now()
        while sqlite3_step(s) == SQLITE_ROW {
            rows += 1
            for c in Int32(0)..<14 {
                if sqlite3_column_type(s, c) == SQLITE_INTEGER {
                    sum &+= UInt64(bitPattern: sqlite3_column_int64(s, c))
                } else if let p = sqlite3_column_text(s, c) {
                    let n = Int(sqlite3_column_bytes(s, c))
                    sum &+= UInt64(n) &+ UInt64(p[0]) &+ UInt64(p[n > 0 ? n - 1 : 0])
                }
            }
        }
        return (rows, Stopwatch.seconds(since: t), Double(Stopwatch.cpuNow() - c0) / 1e9, sum)
    }
}
