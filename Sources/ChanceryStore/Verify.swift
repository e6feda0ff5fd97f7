import CSQLite
import ChanceryDomain
import Foundation

/// The first thing found wrong in a store.
public struct VerifyProblem: Sendable, Hashable, CustomStringConvertible {
    /// The first bad seq, when the problem is in (or reaches) the event log.
    public var seq: Int64?
    /// The article row number, when the problem is in an article row.
    public var article: Int64?
    /// What is wrong.
    public var what: String

    public var description: String {
        if let seq { return "seq \(seq): \(what)" }
        if let article { return "article #\(article): \(what)" }
        return what
    }
}

/// The outcome of `verify`.
public struct VerifyReport: Sendable, Hashable {
    public var events: Int
    public var articles: Int
    /// The hash of the last event (the head of the chain).
    public var head: String
    public var problem: VerifyProblem?
    public var ok: Bool { problem == nil }
}

extension EventStore {
    /// Re-walks both hash chains: seq has no gap, every `prevHash` is the previous `hash`,
    /// every hash is recomputed from the stored columns, stream versions count up from 1,
    /// ids are unique, every event's article exists and its bytes hash to its sha256.
    ///
    /// Both chains are read in one read transaction, so a `verify` running while another
    /// process appends sees one consistent snapshot (not an event whose article row was
    /// committed after the articles were read).
    ///
    /// A large log in a file is walked in `ranges` runs of seqs at once, on as many
    /// connections and threads (by default one per core, up to 4, from 20 000 events): each
    /// event's hash depends only on its own row and the previous row's stored hash, so the
    /// runs are independent but for the stream versions, joined when they end. When a run
    /// finds anything wrong, the whole log is walked again in order, so that the problem
    /// named is the first one.
    public func verify(ranges: Int? = nil) throws -> VerifyReport {
        guard db.isAutocommit else { return try walkChains(ranges: 1) }
        try db.exec("BEGIN")
        do {
            let report = try walkChains(ranges: ranges)
            try db.exec("COMMIT")
            return report
        } catch {
            try? db.exec("ROLLBACK")
            throw error
        }
    }

    /// The number of runs `verify` walks a log of `events` events in by default.
    static func defaultRanges(events: Int64) -> Int {
        events >= 20_000 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
    }

    private func walkChains(ranges requested: Int?) throws -> VerifyReport {
        // Articles first: remember the unsound ones (few, if any), not every article.
        var articleBad = Set<ColumnKey>()
        var articleProblem: VerifyProblem?
        var articles = 0
        do {
            let s = try Statement(db, "SELECT n, sha256, name, bytes, language, published, ingested_at, prev_hash, hash FROM articles ORDER BY n")
            var prev = Hashing.genesis
            var expected: Int64 = 1
            while try s.step() {
                articles += 1
                let n = s.int(0), sha = s.string(1)
                var bad: String?
                if n != expected { bad = "article numbers jump from \(expected - 1) to \(n) (a row is missing)" }
                let body = ArticleEnvelope.bytes(n: n, sha256: sha, name: s.string(2), language: s.string(4),
                                                 published: s.optionalString(5), ingestedAt: s.string(6), prevHash: s.string(7))
                if bad == nil, s.string(7) != prev { bad = "prevHash does not match the previous article's hash" }
                if bad == nil, Hashing.chain(prevHash: s.string(7), body: body) != s.string(8) { bad = "hash does not match the row (a field was changed)" }
                if bad == nil, Hashing.sha256Hex(column: 3, of: s) != sha { bad = "the stored bytes do not hash to the article's sha256 \(sha)" }
                if let bad {
                    articleBad.insert(ColumnKey(sha))
                    if articleProblem == nil { articleProblem = VerifyProblem(seq: nil, article: n, what: "\(s.string(2)): \(bad)") }
                }
                prev = s.string(8)
                expected = n + 1
            }
        }
        let context = EventWalk.Context(
            articleBad: articleBad, articleProblem: articleProblem?.what ?? "",
            importedThrough: (try? importedThrough()) ?? 0,
            duplicateAt: try firstDuplicateID())
        let last = try scalar("SELECT COALESCE(MAX(seq), 0) FROM events")
        let ranges = requested ?? EventStore.defaultRanges(events: last)
        if ranges > 1, last > 0, let walk = try? walkInRanges(ranges, through: last, context) {
            return VerifyReport(events: walk.count, articles: articles, head: String(decoding: walk.lastHash, as: UTF8.self),
                                problem: articleProblem)
        }
        let walk = try EventWalk.run(db, after: 0, through: nil, context)
        return VerifyReport(events: walk.count, articles: articles, head: String(decoding: walk.lastHash, as: UTF8.self),
                            problem: walk.problem ?? articleProblem)
    }

    /// The events `(0, head]` walked in `n` runs of seqs, on their own connections and
    /// threads (in turn on this connection for a store in memory). `nil` when a run finds a
    /// problem or the runs' stream versions do not join up (the caller walks in order).
    private func walkInRanges(_ n: Int, through head: Int64, _ context: EventWalk.Context) throws -> EventWalk? {
        let bounds = (0...n).map { head * Int64($0) / Int64(n) }
        var walks = [EventWalk]()
        if path == ":memory:" || path.isEmpty {
            for i in 0..<n { walks.append(try EventWalk.run(db, after: bounds[i], through: bounds[i + 1], context)) }
        } else {
            let results = Slots<Result<EventWalk, any Error>>(count: n)
            let path = self.path
            DispatchQueue.concurrentPerform(iterations: n) { i in
                results[i] = Result {
                    let c = try Connection(path: path, readOnly: true)
                    try c.exec("BEGIN")
                    defer { try? c.exec("COMMIT") }
                    return try EventWalk.run(c, after: bounds[i], through: bounds[i + 1], context)
                }
            }
            walks = try results.items.map { try $0!.get() }
        }
        // Join: each run's first version of a stream follows the earlier runs' last.
        var versions = [ColumnKey: Int64]()
        var joined = EventWalk(lastHash: Array(Hashing.genesis.utf8))
        for w in walks {
            guard w.problem == nil else { return nil }
            for (stream, first) in w.firstVersions where first != (versions[stream] ?? 0) + 1 { return nil }
            versions.merge(w.versions) { _, b in b }
            joined.count += w.count
            joined.lastHash = w.lastHash
        }
        return joined
    }

    /// The seq at which an id occurs for the second time (the lowest such seq), if any: read
    /// from the id index (or a sort), so that verify holds no set of every id.
    func firstDuplicateID() throws -> Int64? {
        let dups = try Statement(db, "SELECT id FROM events GROUP BY id HAVING COUNT(*) > 1")
        var ids = [String]()
        while try dups.step() { ids.append(dups.string(0)) }
        let second = try Statement(db, "SELECT seq FROM events WHERE id = ? ORDER BY seq LIMIT 1 OFFSET 1")
        var first: Int64?
        for id in ids {
            second.reset()
            second.bind(1, id)
            if try second.step() { first = min(first ?? .max, second.int(0)) }
        }
        return first
    }

    func metaValue(_ key: String) throws -> String? {
        let s = try db.prepare("SELECT value FROM store_meta WHERE key = ?")
        defer { s.reset() }
        s.bind(1, key)
        guard try s.step() else { return nil }
        return s.string(0)
    }
}

/// One walk over a run of the event log (`(after, through]`, in seq order): what it found,
/// where it ended, and the stream versions it saw.
struct EventWalk: Sendable {
    /// What the walk needs from the rest of `verify`.
    struct Context: Sendable {
        /// Articles that failed their own checks, and the first one's problem.
        let articleBad: Set<ColumnKey>
        let articleProblem: String
        /// Events up to this seq were imported (their articles may be absent).
        let importedThrough: Int64
        /// The seq at which an id occurs a second time.
        let duplicateAt: Int64?
    }

    /// Events read (up to and including the first bad one).
    var count = 0
    var problem: VerifyProblem?
    /// The hash of the last event read (the genesis hash before any).
    var lastHash: [UInt8]
    /// Each stream's last version seen.
    var versions: [ColumnKey: Int64] = [:]
    /// Each stream's first version seen, when the run does not start the log (checked when
    /// the runs are joined).
    var firstVersions: [ColumnKey: Int64] = [:]

    init(lastHash: [UInt8]) { self.lastHash = lastHash }

    /// Walks `(after, through]` (to the end when `through` is `nil`) on `db`, stopping at
    /// the first problem.
    static func run(_ db: Connection, after: Int64, through: Int64?, _ context: Context) throws -> EventWalk {
        var prev = Array(Hashing.genesis.utf8)
        var expected: Int64 = 1
        if after > 0 {
            let start = try Statement(db, "SELECT seq, hash FROM events WHERE seq <= ? ORDER BY seq DESC LIMIT 1")
            start.bind(1, after)
            if try start.step() {
                expected = start.int(0) + 1
                prev = Array(start.string(1).utf8)
            }
        }
        let startsLog = expected == 1
        var sql = "SELECT \(EventStore.eventColumns), stream_version, article FROM events WHERE seq > ?"
        if through != nil { sql += " AND seq <= ?" }
        let s = try Statement(db, sql + " ORDER BY seq")
        s.bind(1, after)
        if let through { s.bind(2, through) }
        let articleExists = try Statement(db, "SELECT 1 FROM articles WHERE sha256 = ?")
        var walk = EventWalk(lastHash: prev)
        var lastArticle: ColumnKey?
        var body = [UInt8]()
        body.reserveCapacity(4096)
        var hash = [UInt8]()
        hash.reserveCapacity(64)
        while try s.step() {
            walk.count += 1
            let seq = s.int(0)
            func fail(_ what: String) { walk.problem = VerifyProblem(seq: seq, article: nil, what: what) }
            if seq != expected {
                walk.problem = VerifyProblem(seq: expected, article: nil, what: seq > expected ? "missing: seq jumps from \(expected - 1) to \(seq)" : "seq \(seq) out of order")
                break
            }
            if !Envelope.column(s, 10, equals: prev) { fail("prevHash does not match the hash of seq \(seq - 1)"); break }
            body.removeAll(keepingCapacity: true)
            Envelope.write(row: s, withHash: false, into: &body)
            Envelope.chainHex(s, prevColumn: 10, body: body, into: &hash)
            if !Envelope.column(s, 11, equals: hash) { fail("hash does not match the event's content (a field was changed)"); break }
            let stream = ColumnKey(s, column: 4)
            if let last = walk.versions[stream] ?? (startsLog ? 0 : nil) {
                if s.int(12) != last + 1 { fail("stream version \(s.int(12)) of \(s.string(4)) should be \(last + 1)"); break }
            } else {
                walk.firstVersions[stream] = s.int(12)
            }
            walk.versions[stream] = s.int(12)
            if seq == context.duplicateAt { fail("duplicate event id \(s.string(1))"); break }
            if !VerifyScan.sourceNames(articleColumn: 13, s, column: 9) {
                let article = s.string(13)
                let sourceArticle = (try? JSONParser.parse(s.bytes(9)))?["article"]?.stringValue
                if sourceArticle != article { fail("article column \(article) differs from source.article"); break }
            }
            // An article's events are consecutive as a rule: look it up when it changes.
            let article = ColumnKey(s, column: 13)
            if article != lastArticle {
                if context.articleBad.contains(article) {
                    fail("its article \(s.string(13)) fails verification: \(context.articleProblem)"); break
                }
                if seq > context.importedThrough {
                    articleExists.reset()
                    articleExists.bind(1, s.string(13))
                    if !(try articleExists.step()) { fail("its article \(s.string(13)) is not in the store"); break }
                    lastArticle = article
                }
            }
            swap(&prev, &hash)
            expected = seq + 1
        }
        walk.lastHash = prev
        return walk
    }
}

/// One slot per concurrent task, each written by its own task only.
final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [T?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(i: Int) -> T? {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }

    var items: [T?] { lock.withLock { storage } }
}

/// Helpers of `verify` that read columns without building values.
enum VerifyScan {
    static let articlePrefix = Array("{\"article\":\"".utf8)
    static let articleKey = Array("\"article\"".utf8)

    /// Whether the canonical source JSON in column `c` of `s` names `article` as its
    /// `article` (it starts `{"article":"<article>"` and has no other `"article"` key);
    /// when not, the caller parses the source to decide.
    static func sourceNames(articleColumn a: Int32, _ s: Statement, column c: Int32) -> Bool {
        let n = Int(sqlite3_column_bytes(s.pointer, c))
        let an = Int(sqlite3_column_bytes(s.pointer, a))
        guard n > 0, let p = sqlite3_column_blob(s.pointer, c), let ap = sqlite3_column_blob(s.pointer, a) else { return false }
        let prefix = VerifyScan.articlePrefix
        let headCount = prefix.count + an + 1
        guard n > headCount, memcmp(p, prefix, prefix.count) == 0, memcmp(p + prefix.count, ap, an) == 0,
              p.load(fromByteOffset: prefix.count + an, as: UInt8.self) == 0x22 else { return false }
        // A second "article" key (possible only in a hand-made row) goes the slow way.
        let key = VerifyScan.articleKey
        var i = headCount
        while i + key.count <= n, let q = memchr(p + i, 0x22, n - i - key.count + 1) {
            i = p.distance(to: q)
            if memcmp(q, key, key.count) == 0 { return false }
            i += 1
        }
        return true
    }
}

/// A short column value (a stream, an article's SHA-256 in hex) as a hashable key without
/// a String: up to 64 bytes packed in words, longer ones kept whole.
struct ColumnKey: Hashable, Sendable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0
    private var count = 0
    private var long: [UInt8]?

    init(_ b: UnsafeRawBufferPointer) {
        count = b.count
        if b.count > 64 { long = Array(b); return }
        var words = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &words) { w in if b.count > 0 { w.copyMemory(from: b) } }
        (w0, w1, w2, w3, w4, w5, w6, w7) = words
    }

    init(_ s: String) {
        var s = s
        self = s.withUTF8 { ColumnKey(UnsafeRawBufferPointer($0)) }
    }

    init(_ s: Statement, column c: Int32) {
        let n = Int(sqlite3_column_bytes(s.pointer, c))
        self.init(UnsafeRawBufferPointer(start: n > 0 ? sqlite3_column_blob(s.pointer, c) : nil, count: n))
    }
}
