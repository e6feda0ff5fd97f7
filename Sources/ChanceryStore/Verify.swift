import ChanceryDomain

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
    public func verify() throws -> VerifyReport {
        // Articles first: remember which are sound.
        var articleOK: [String: Bool] = [:]
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
                if bad == nil, Hashing.sha256Hex(s.bytes(3)) != sha { bad = "the stored bytes do not hash to the article's sha256 \(sha)" }
                if let bad {
                    articleOK[sha] = false
                    if articleProblem == nil { articleProblem = VerifyProblem(seq: nil, article: n, what: "\(s.string(2)): \(bad)") }
                } else {
                    articleOK[sha] = true
                }
                prev = s.string(8)
                expected = n + 1
            }
        }
        let importedThrough = Int64((try? metaValue("imported_through")).flatMap { $0 }.flatMap { Int64($0) } ?? 0)

        let s = try Statement(db, "SELECT \(EventStore.eventColumns), stream_version, article FROM events ORDER BY seq")
        var prev = Hashing.genesis
        var expected: Int64 = 1
        var versions: [String: Int64] = [:]
        var ids = Set<String>()
        var count = 0
        var problem: VerifyProblem?
        while try s.step() {
            count += 1
            let c = columns(s)
            let seq = c.seq
            func fail(_ what: String) { problem = VerifyProblem(seq: seq, article: nil, what: what) }
            if seq != expected {
                problem = VerifyProblem(seq: expected, article: nil, what: seq > expected ? "missing: seq jumps from \(expected - 1) to \(seq)" : "seq \(seq) out of order")
                break
            }
            if c.prevHash != prev { fail("prevHash does not match the hash of seq \(seq - 1)"); break }
            if Envelope.hash(c) != s.string(11) { fail("hash does not match the event's content (a field was changed)"); break }
            let v = (versions[c.stream] ?? 0) + 1
            if s.int(12) != v { fail("stream version \(s.int(12)) of \(c.stream) should be \(v)"); break }
            versions[c.stream] = v
            if !ids.insert(c.id).inserted { fail("duplicate event id \(c.id)"); break }
            let article = s.string(13)
            let sourceArticle = (try? JSONParser.parse(c.source))?["article"]?.stringValue
            if sourceArticle != article { fail("article column \(article) differs from source.article"); break }
            switch articleOK[article] {
            case .some(true): break
            case .some(false): fail("its article \(article) fails verification: \(articleProblem?.what ?? "")"); break
            case .none where seq <= importedThrough: break
            case .none: fail("its article \(article) is not in the store")
            }
            if problem != nil { break }
            prev = s.string(11)
            expected = seq + 1
        }
        return VerifyReport(events: count, articles: articles, head: prev, problem: problem ?? articleProblem)
    }

    func metaValue(_ key: String) throws -> String? {
        let s = try db.prepare("SELECT value FROM store_meta WHERE key = ?")
        defer { s.reset() }
        s.bind(1, key)
        guard try s.step() else { return nil }
        return s.string(0)
    }
}
