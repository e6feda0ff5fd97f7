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
    public func verify() throws -> VerifyReport {
        guard db.isAutocommit else { return try walkChains() }
        try db.exec("BEGIN")
        do {
            let report = try walkChains()
            try db.exec("COMMIT")
            return report
        } catch {
            try? db.exec("ROLLBACK")
            throw error
        }
    }

    private func walkChains() throws -> VerifyReport {
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
        let importedThrough = Int64((try? metaValue("imported_through")).flatMap { $0 }.flatMap { Int64($0) } ?? 0)

        let s = try Statement(db, "SELECT \(EventStore.eventColumns), stream_version, article FROM events ORDER BY seq")
        var prev = Array(Hashing.genesis.utf8)
        var expected: Int64 = 1
        var versions: [ColumnKey: Int64] = [:]
        let duplicateAt = try firstDuplicateID()
        let articleExists = try Statement(db, "SELECT 1 FROM articles WHERE sha256 = ?")
        var lastArticle: ColumnKey?
        var count = 0
        var problem: VerifyProblem?
        var body = [UInt8]()
        body.reserveCapacity(4096)
        var hash = [UInt8]()
        hash.reserveCapacity(64)
        while try s.step() {
            count += 1
            let seq = s.int(0)
            func fail(_ what: String) { problem = VerifyProblem(seq: seq, article: nil, what: what) }
            if seq != expected {
                problem = VerifyProblem(seq: expected, article: nil, what: seq > expected ? "missing: seq jumps from \(expected - 1) to \(seq)" : "seq \(seq) out of order")
                break
            }
            if !Envelope.column(s, 10, equals: prev) { fail("prevHash does not match the hash of seq \(seq - 1)"); break }
            body.removeAll(keepingCapacity: true)
            Envelope.write(row: s, withHash: false, into: &body)
            Envelope.chainHex(s, prevColumn: 10, body: body, into: &hash)
            if !Envelope.column(s, 11, equals: hash) { fail("hash does not match the event's content (a field was changed)"); break }
            let stream = ColumnKey(s, column: 4)
            let v = (versions[stream] ?? 0) + 1
            if s.int(12) != v { fail("stream version \(s.int(12)) of \(s.string(4)) should be \(v)"); break }
            versions[stream] = v
            if seq == duplicateAt { fail("duplicate event id \(s.string(1))"); break }
            if !VerifyScan.sourceNames(articleColumn: 13, s, column: 9) {
                let article = s.string(13)
                let sourceArticle = (try? JSONParser.parse(s.bytes(9)))?["article"]?.stringValue
                if sourceArticle != article { fail("article column \(article) differs from source.article"); break }
            }
            // An article's events are consecutive as a rule: look it up when it changes.
            let article = ColumnKey(s, column: 13)
            if article != lastArticle {
                if articleBad.contains(article) {
                    fail("its article \(s.string(13)) fails verification: \(articleProblem?.what ?? "")"); break
                }
                if seq > importedThrough {
                    articleExists.reset()
                    articleExists.bind(1, s.string(13))
                    if !(try articleExists.step()) { fail("its article \(s.string(13)) is not in the store"); break }
                    lastArticle = article
                }
            }
            if problem != nil { break }
            swap(&prev, &hash)
            expected = seq + 1
        }
        let head = String(decoding: prev, as: UTF8.self)
        return VerifyReport(events: count, articles: articles, head: head, problem: problem ?? articleProblem)
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
struct ColumnKey: Hashable {
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
