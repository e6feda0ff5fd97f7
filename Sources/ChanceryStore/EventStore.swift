import CSQLite
import ChanceryDomain
import Foundation

/// The append-only event log on SQLite: articles, events, hash chains and projection rows.
///
/// Not thread-safe: use one instance per thread or process. Many processes may share a
/// file: writes take the database's write lock (`BEGIN IMMEDIATE`) and wait for it.
public final class EventStore {
    let db: Connection
    /// The database file (`:memory:` for an in-memory store).
    public let path: String
    /// How payloads of older versions are read.
    public var upcasters: Upcasters = .standard
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            db = try Connection(path: path)
        } catch {
            throw EventStore.classify(error, path: path)
        }
        do {
            sqlite3_busy_timeout(db.handle, 10_000)
            try db.exec("PRAGMA foreign_keys = ON")
            if path != ":memory:" {
                try retryingBusy { try db.exec("PRAGMA journal_mode = WAL") }
                try db.exec("PRAGMA synchronous = NORMAL")
            }
            try migrate()
        } catch let e as StoreError {
            throw e
        } catch {
            throw EventStore.classify(error, path: path)
        }
    }

    /// A fresh store in memory.
    public static func inMemory() throws(StoreError) -> EventStore { try EventStore(path: ":memory:") }

    static func classify(_ error: any Error, path: String) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let e = error as? SQLiteError else { return .sqlite(SQLiteError(code: 1, message: "\(error)", sql: nil, path: path)) }
        switch e.code & 0xFF {
        case SQLITE_NOTADB: return .notADatabase(path: path)
        case SQLITE_READONLY: return .readOnly(path: path, reason: e.message)
        case SQLITE_CANTOPEN: return .readOnly(path: path, reason: "cannot open or create the file: \(e.message)")
        default: return .sqlite(e)
        }
    }

    private func retryingBusy<T>(_ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do { return try body() } catch let e as SQLiteError where e.isBusy && attempt < 200 {
                attempt += 1
                usleep(useconds_t(20_000 + (attempt % 7) * 5_000))
            }
        }
    }

    private func migrate() throws {
        try retryingBusy {
            try db.exec("BEGIN IMMEDIATE")
            do {
                try db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                let s = try db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")
                _ = try s.step()
                let current = Int(s.int(0))
                s.reset()
                if current > Schema.latestVersion {
                    try db.exec("ROLLBACK")
                    throw StoreError.schemaTooNew(path: path, version: current, supported: Schema.latestVersion)
                }
                for m in Schema.migrations where m.version > current {
                    try db.exec(m.sql)
                    let ins = try db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
                    ins.bind(1, m.version)
                    ins.bind(2, m.name)
                    ins.bind(3, ISO8601DateFormatter().string(from: Date()))
                    try ins.run()
                }
                try db.exec("COMMIT")
            } catch let e as StoreError {
                throw e
            } catch {
                if !db.isAutocommit { try? db.exec("ROLLBACK") }
                throw error
            }
        }
    }

    /// The schema version of the open store.
    public var schemaVersion: Int {
        (try? scalar("SELECT MAX(version) FROM schema_migrations")).map(Int.init) ?? 0
    }

    func scalar(_ sql: String) throws -> Int64 {
        let s = try db.prepare(sql)
        defer { s.reset() }
        guard try s.step() else { return 0 }
        return s.int(0)
    }

    // MARK: Writing

    /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): everything it appends
    /// commits together, or nothing does when it throws. Waits for other writers.
    public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
        do {
            try retryingBusy { try db.exec("BEGIN IMMEDIATE") }
        } catch {
            throw EventStore.classify(error, path: path)
        }
        let tx: StoreTransaction
        do {
            tx = try StoreTransaction(store: self)
        } catch {
            try? db.exec("ROLLBACK")
            throw EventStore.classify(error, path: path)
        }
        do {
            let result = try body(tx)
            try db.exec("COMMIT")
            return result
        } catch {
            if !db.isAutocommit { try? db.exec("ROLLBACK") }
            if error is SQLiteError { throw EventStore.classify(error, path: path) }
            throw error
        }
    }

    /// Runs `body`'s reads in one read transaction, so that they all see the same state of
    /// the store whatever other processes commit meanwhile (inside a transaction already,
    /// simply runs `body`).
    public func reading<T>(_ body: () throws -> T) throws -> T {
        guard db.isAutocommit else { return try body() }
        do {
            try db.exec("BEGIN")
        } catch {
            throw EventStore.classify(error, path: path)
        }
        defer { if !db.isAutocommit { try? db.exec("COMMIT") } }
        return try body()
    }

    // MARK: Reading

    /// The number of events in the log.
    public func eventCount() throws -> Int { Int(try scalar("SELECT COUNT(*) FROM events")) }

    /// The number of articles.
    public func articleCount() throws -> Int { Int(try scalar("SELECT COUNT(*) FROM articles")) }

    /// The last seq and its hash (0 and the genesis hash for an empty log).
    public func head() throws -> (seq: Int64, hash: String) {
        let s = try db.prepare("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1")
        defer { s.reset() }
        guard try s.step() else { return (0, Hashing.genesis) }
        return (s.int(0), s.string(1))
    }

    /// Whether an article with these bytes' hash is in the store.
    public func hasArticle(sha256: String) throws -> Bool {
        let s = try db.prepare("SELECT 1 FROM articles WHERE sha256 = ?")
        defer { s.reset() }
        s.bind(1, sha256)
        return try s.step()
    }

    /// The article with this hash, if stored.
    public func article(sha256: String) throws -> ArticleRecord? {
        let s = try db.prepare("SELECT sha256, name, bytes, language, published, ingested_at FROM articles WHERE sha256 = ?")
        defer { s.reset() }
        s.bind(1, sha256)
        guard try s.step() else { return nil }
        return ArticleRecord(sha256: s.string(0), name: s.string(1), bytes: s.bytes(2), language: s.string(3),
                             published: s.optionalString(4), ingestedAt: s.string(5))
    }

    static let eventColumns = "seq, id, type, version, stream, occurred, occurred_until, recorded_at, payload, source, prev_hash, hash"

    func decodeRow(_ s: Statement) throws -> RecordedEvent {
        let typeName = s.string(2)
        guard let type = EventType(rawValue: typeName) else {
            throw EnvelopeError(field: "type", problem: "unknown event type \(typeName) at seq \(s.int(0))")
        }
        let payload = try JSONParser.parse(s.bytes(8))
        let data = try EventData(type: type, json: try upcasters.upcast(type: type, version: Int(s.int(3)), data: payload))
        let source = try Provenance(json: try JSONParser.parse(s.bytes(9)))
        guard let stream = StreamID(s.string(4)), let occurred = FuzzyDate(s.string(5)) else {
            throw EnvelopeError(field: "stream/occurred", problem: "unreadable at seq \(s.int(0))")
        }
        return RecordedEvent(seq: s.int(0), id: s.string(1), version: Int(s.int(3)), stream: stream, occurred: occurred,
                             occurredUntil: s.optionalString(6).flatMap(FuzzyDate.init), recordedAt: s.string(7),
                             data: data, source: source, prevHash: s.string(10), hash: s.string(11))
    }

    /// The event with this id.
    public func event(id: String) throws -> RecordedEvent? {
        try firstEvent(where: "id = ?") { $0.bind(1, id) }
    }

    /// The event at `seq`, if stored.
    public func event(seq: Int64) throws -> RecordedEvent? {
        try firstEvent(where: "seq = ?") { $0.bind(1, seq) }
    }

    /// The first event matching `condition`, its parameters bound by `bind`.
    private func firstEvent(where condition: String, _ bind: (Statement) -> Void) throws -> RecordedEvent? {
        let s = try db.prepare("SELECT \(EventStore.eventColumns) FROM events WHERE \(condition)")
        defer { s.reset() }
        bind(s)
        guard try s.step() else { return nil }
        return try decodeRow(s)
    }

    /// Events whose id starts with `prefix` (for short ids typed by a person).
    public func eventIDs(prefix: String, limit: Int = 5) throws -> [String] {
        let s = try db.prepare("SELECT id FROM events WHERE id >= ? AND id < ? ORDER BY id LIMIT ?")
        defer { s.reset() }
        PrefixRange.bind(prefix, at: 1, in: s)
        s.bind(3, limit)
        var out = [String]()
        while try s.step() { out.append(s.string(0)) }
        return out
    }

    /// Calls `body` with each event matching `filter`, in seq order, one at a time.
    public func forEachEvent(_ filter: EventFilter = EventFilter(), _ body: (RecordedEvent) throws -> Void) throws {
        var sql = "SELECT \(EventStore.eventColumns) FROM events WHERE seq > ?"
        if filter.throughSeq != nil { sql += " AND seq <= ?" }
        if filter.stream != nil { sql += " AND stream = ?" }
        if filter.type != nil { sql += " AND type = ?" }
        sql += " ORDER BY seq"
        let s = try Statement(db, sql)
        var i: Int32 = 1
        s.bind(i, filter.sinceSeq); i += 1
        if let t = filter.throughSeq { s.bind(i, t); i += 1 }
        if let st = filter.stream { s.bind(i, st); i += 1 }
        if let ty = filter.type { s.bind(i, ty); i += 1 }
        while try s.step() { try body(try decodeRow(s)) }
    }

    /// All events matching `filter` (use `forEachEvent` for large logs).
    public func events(_ filter: EventFilter = EventFilter()) throws -> [RecordedEvent] {
        var out = [RecordedEvent]()
        try forEachEvent(filter) { out.append($0) }
        return out
    }

    /// The ids of the events that corroborate or retract `id`, with their types.
    public func references(to id: String) throws -> [RecordedEvent] {
        // Bookkeeping payloads are canonical JSON starting with {"event":"<id>"
        let s = try db.prepare("SELECT \(EventStore.eventColumns) FROM events WHERE type IN ('EventCorroborated','EventRetracted') AND payload LIKE ? ORDER BY seq")
        defer { s.reset() }
        s.bind(1, "{\"event\":\"\(id)\"%")
        var out = [RecordedEvent]()
        while try s.step() { out.append(try decodeRow(s)) }
        return out
    }

    func columns(_ s: Statement) -> Envelope.Columns {
        Envelope.Columns(seq: s.int(0), id: s.string(1), type: s.string(2), version: s.int(3), stream: s.string(4),
                         occurred: s.string(5), occurredUntil: s.optionalString(6), recordedAt: s.string(7),
                         payload: s.bytes(8), source: s.bytes(9), prevHash: s.string(10))
    }

    /// Writes every event as one export line (canonical JSON and `\n`) to `sink`, in seq
    /// order, one row at a time: memory stays constant whatever the log's size.
    public func exportLines(_ sink: ([UInt8]) throws -> Void) throws {
        let s = try Statement(db, "SELECT \(EventStore.eventColumns) FROM events ORDER BY seq")
        var line = [UInt8]()
        line.reserveCapacity(4096)
        while try s.step() {
            line.removeAll(keepingCapacity: true)
            Envelope.write(row: s, withHash: true, into: &line)
            line.append(0x0A)
            try sink(line)
        }
    }
}
