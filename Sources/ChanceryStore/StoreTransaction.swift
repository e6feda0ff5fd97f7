import ChanceryDomain

/// The view of the store inside one write transaction: reads see everything committed
/// before plus what this transaction appended.
public final class StoreTransaction {
    let store: EventStore
    private var db: Connection { store.db }
    /// The last seq and hash of the log as this transaction sees it.
    public private(set) var headSeq: Int64
    public private(set) var headHash: String
    private var streamVersions: [String: Int] = [:]

    init(store: EventStore) throws {
        self.store = store
        let h = try store.head()
        headSeq = h.seq
        headHash = h.hash
    }

    /// Whether an article with this hash is already stored.
    public func hasArticle(sha256: String) throws -> Bool { try store.hasArticle(sha256: sha256) }

    /// Stores an article row (chained to the previous article). A row with the same hash
    /// already present is left alone and `false` is returned.
    @discardableResult
    public func insertArticle(_ a: ArticleRecord) throws -> Bool {
        if try hasArticle(sha256: a.sha256) { return false }
        let last = try db.prepare("SELECT n, hash FROM articles ORDER BY n DESC LIMIT 1")
        var n: Int64 = 1
        var prev = Hashing.genesis
        if try last.step() { n = last.int(0) + 1; prev = last.string(1) }
        last.reset()
        let body = ArticleEnvelope.bytes(n: n, sha256: a.sha256, name: a.name, language: a.language,
                                         published: a.published, ingestedAt: a.ingestedAt, prevHash: prev)
        let hash = Hashing.chain(prevHash: prev, body: body)
        let s = try db.prepare("INSERT INTO articles (n, sha256, name, bytes, language, published, ingested_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")
        s.bind(1, n); s.bind(2, a.sha256); s.bind(3, a.name); s.bind(4, bytes: a.bytes); s.bind(5, a.language)
        s.bind(6, a.published); s.bind(7, a.ingestedAt); s.bind(8, prev); s.bind(9, hash)
        try s.run()
        return true
    }

    /// The number of events in `stream` (0: the stream does not exist).
    public func version(of stream: StreamID) throws -> Int {
        let key = stream.description
        if let v = streamVersions[key] { return v }
        let s = try db.prepare("SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream = ?")
        s.bind(1, key)
        _ = try s.step()
        let v = Int(s.int(0))
        s.reset()
        streamVersions[key] = v
        return v
    }

    /// The events of `stream`, in seq order.
    public func events(in stream: StreamID) throws -> [RecordedEvent] {
        let s = try db.prepare("SELECT \(EventStore.eventColumns) FROM events WHERE stream = ? ORDER BY stream_version")
        s.bind(1, stream.description)
        var out = [RecordedEvent]()
        while try s.step() { out.append(try store.decodeRow(s)) }
        s.reset()
        return out
    }

    /// Appends `events` (all of one stream) after checking the stream is at `expected`.
    /// Gives each its seq, the time of recording and its place in the hash chain.
    @discardableResult
    public func append(_ events: [PendingEvent], to stream: StreamID, expected: ExpectedVersion = .any,
                       recordedAt: String) throws -> [RecordedEvent] {
        let actual = try version(of: stream)
        switch expected {
        case .any: break
        case .noStream where actual != 0, .exact(_) where expected != .exact(actual):
            throw StoreError.versionConflict(stream: stream, expected: expected, actual: actual)
        default: break
        }
        let ins = try db.prepare("""
            INSERT INTO events (seq, id, stream, stream_version, type, version, occurred, occurred_until, recorded_at, payload, source, article, prev_hash, hash)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        var version = actual
        var out = [RecordedEvent]()
        out.reserveCapacity(events.count)
        for e in events {
            precondition(e.stream == stream, "append: event of \(e.stream) in a batch for \(stream)")
            let seq = headSeq + 1
            version += 1
            let payload = CanonicalJSON.bytes(e.data.json)
            let source = Envelope.sourceBytes(e.source)
            let cols = Envelope.Columns(seq: seq, id: e.id, type: e.type.rawValue, version: Int64(e.version),
                                        stream: stream.description, occurred: e.occurred.description,
                                        occurredUntil: e.occurredUntil?.description, recordedAt: recordedAt,
                                        payload: payload, source: source, prevHash: headHash)
            let hash = Envelope.hash(cols)
            ins.reset()
            ins.bind(1, seq); ins.bind(2, e.id); ins.bind(3, cols.stream); ins.bind(4, version)
            ins.bind(5, cols.type); ins.bind(6, Int64(e.version)); ins.bind(7, cols.occurred); ins.bind(8, cols.occurredUntil)
            ins.bind(9, recordedAt); ins.bindText(10, payload)
            ins.bindText(11, source); ins.bind(12, e.source.article)
            ins.bind(13, headHash); ins.bind(14, hash)
            try ins.run()
            out.append(RecordedEvent(seq: seq, id: e.id, version: e.version, stream: stream, occurred: e.occurred,
                                     occurredUntil: e.occurredUntil, recordedAt: recordedAt, data: e.data,
                                     source: e.source, prevHash: headHash, hash: hash))
            headSeq = seq
            headHash = hash
        }
        streamVersions[stream.description] = version
        return out
    }

    // MARK: Projection rows

    /// Stores (or replaces) one projection row.
    public func putProjection(_ projection: String, key: String, value: String) throws {
        let s = try db.prepare("INSERT OR REPLACE INTO projection_state (projection, key, value) VALUES (?,?,?)")
        s.bind(1, projection); s.bind(2, key); s.bind(3, value)
        try s.run()
    }

    /// One projection row.
    public func projection(_ projection: String, key: String) throws -> String? {
        try store.projection(projection, key: key)
    }

    /// Records that `projection` has applied every event up to `seq`.
    public func setCheckpoint(_ projection: String, seq: Int64) throws {
        let s = try db.prepare("INSERT OR REPLACE INTO projection_checkpoints (projection, seq) VALUES (?, ?)")
        s.bind(1, projection); s.bind(2, seq)
        try s.run()
    }

    /// Removes every row and checkpoint of `projection` (for a rebuild inside this transaction).
    public func clearProjection(_ projection: String) throws {
        let a = try db.prepare("DELETE FROM projection_state WHERE projection = ?")
        a.bind(1, projection); try a.run()
        let b = try db.prepare("DELETE FROM projection_checkpoints WHERE projection = ?")
        b.bind(1, projection); try b.run()
    }
}

extension EventStore {
    /// One projection row.
    public func projection(_ projection: String, key: String) throws -> String? {
        let s = try db.prepare("SELECT value FROM projection_state WHERE projection = ? AND key = ?")
        defer { s.reset() }
        s.bind(1, projection); s.bind(2, key)
        guard try s.step() else { return nil }
        return s.string(0)
    }

    /// All rows of a projection, by key.
    public func projectionRows(_ projection: String) throws -> [(key: String, value: String)] {
        let s = try db.prepare("SELECT key, value FROM projection_state WHERE projection = ? ORDER BY key")
        defer { s.reset() }
        s.bind(1, projection)
        var out = [(String, String)]()
        while try s.step() { out.append((s.string(0), s.string(1))) }
        return out
    }

    /// The last seq a projection has applied (0 if none).
    public func checkpoint(_ projection: String) throws -> Int64 {
        let s = try db.prepare("SELECT seq FROM projection_checkpoints WHERE projection = ?")
        defer { s.reset() }
        s.bind(1, projection)
        guard try s.step() else { return 0 }
        return s.int(0)
    }
}
