import ChanceryCore
import ChanceryDomain
import ChanceryStore
import Foundation
import Testing

/// An attacker with the file (triggers dropped, rows edited with python3's sqlite3): every
/// single-field change in every event and article row, every deleted row, swapped rows and
/// inserted rows are caught by `verify`, which names the first bad seq.
@Suite(.serialized, .enabled(if: SQLiteEditor.available, "needs python3 with its sqlite3 module"))
struct TamperMatrixTests {
    static let time = "2026-01-01T00:00:00Z"

    /// The store under attack: ~30 articles and ~100 events of every type (with and without
    /// `occurredUntil`, corroborations, a retraction recorded by a curator), on six streams.
    struct Layout {
        var path: String
        var events: [RecordedEvent]
        var articleSHAs: [String]            // by article row number - 1
        var firstSeq: [String: Int64]        // article sha -> first seq citing it
        var lastSeq: Int64 { events.last!.seq }
        func firstSeq(ofArticle n: Int) -> Int64? { firstSeq[articleSHAs[n - 1]] }
    }

    static func build(in dir: String) throws -> Layout {
        let path = dir + "/base.sqlite"
        let store = try EventStore(path: path)
        var rng = SeededRNG(seed: 0x7A4D_E7)
        let articles = ArticleGenerator.articles(count: 30, seed: 0x7A4D_E7)
        var ids = [StreamID: [String]]()
        var shas = [String]()
        for (i, a) in articles.enumerated() {
            let bytes = a.bytes
            let record = ArticleRecord(sha256: sha(bytes), name: a.name, bytes: bytes, language: a.lang.rawValue,
                                       published: i % 4 == 0 ? nil : "2025-12-\(10 + i % 18)", ingestedAt: time)
            shas.append(record.sha256)
            let partner = CountryCode(ArticleGenerator.partners[i % ArticleGenerator.partners.count].code)!
            let stream = StreamID("KZ", partner)!
            let parties = stream.parties
            var pending = [PendingEvent]()
            for k in 0..<Int.random(in: 2...5, using: &rng) {
                let day = FuzzyDate.day(year: 2025, month: 1 + (i + k) % 12, day: 1 + (i * 7 + k) % 27)
                var until: FuzzyDate?
                let data: EventData
                switch (i + k) % 5 {
                case 0:
                    data = .visitStarted(VisitStarted(visitor: partner, host: "KZ", leader: "Leader \(i)", level: .official, place: "Astana"))
                    until = k % 2 == 0 ? day.adding(days: 2) : nil
                case 1: data = .talksHeld(TalksHeld(parties: parties, participants: ["A \(i)", "B \(k)"], format: .expanded, place: "Astana"))
                case 2: data = .agreementSigned(AgreementSigned(parties: parties, title: "Memorandum \(i)-\(k)", kind: .memorandum, count: k + 1))
                case 3: data = .tradeFigureReported(TradeFigureReported(parties: parties, metric: .tradeTurnover, value: Double(1_000_000 * (i + 1) + k),
                                                                       unit: "USD", period: Period(from: "2024-01", to: "2024-12")))
                default:
                    if let target = ids[stream]?.randomElement(using: &rng) {
                        data = .eventCorroborated(EventCorroborated(event: target))
                    } else {
                        data = .talksHeld(TalksHeld(parties: parties, format: .phone))
                    }
                }
                let quote = "Sentence \(k) of article \(i)."
                let source = Provenance(article: record.sha256, file: a.name, quote: quote, span: [k * 10, k * 10 + quote.utf8.count], rule: "tamper-fixture")
                let id = Decider.eventID(PendingEvent.identityText(stream: stream, occurred: day, occurredUntil: until, data: data, source: source))
                pending.append(PendingEvent(id: id, stream: stream, occurred: day, occurredUntil: until, data: data, source: source))
                if data.type.isDomain { ids[stream, default: []].append(id) }
            }
            try store.write { tx in
                try tx.insertArticle(record)
                try tx.append(pending, to: stream, recordedAt: time)
            }
        }
        // A curator's retraction: its reason is kept as an article row of its own.
        var curator = Curator(store: store)
        curator.recordedAt = { time }
        let retracted = try curator.retract(ids[StreamID("KZ", "UZ")!]![0], reason: "the visit was postponed")
        shas.append(retracted.source.article)
        let events = try store.events()
        var first = [String: Int64]()
        for e in events where first[e.source.article] == nil { first[e.source.article] = e.seq }
        #expect(try store.verify().ok)
        return Layout(path: path, events: events, articleSHAs: shas, firstSeq: first)
    }

    /// One attack and the seq `verify` must name (nil: an article row with no events, which
    /// is then named by its row number).
    struct Attack {
        var what: String
        var command: [String: Any]
        var seq: Int64?
        var article: Int64? = nil
    }

    static let eventColumns = ["seq", "id", "stream", "stream_version", "type", "version", "occurred", "occurred_until",
                               "recorded_at", "payload", "source", "article", "prev_hash", "hash"]
    static let articleColumns = ["n", "sha256", "name", "bytes", "language", "published", "ingested_at", "prev_hash", "hash"]

    static func attacks(_ l: Layout, base: String) -> [Attack] {
        var rng = SeededRNG(seed: 0xA77AC4)
        var out = [Attack]()
        let n = l.events.count, a = l.articleSHAs.count
        // Every column of every event row, one character (or bit, or number) changed at a random place.
        for e in l.events {
            for c in eventColumns {
                out.append(Attack(what: "event seq \(e.seq) \(c) changed", command: ["op": "mutate", "table": "events", "key": "seq", "at": e.seq, "column": c, "pos": Int.random(in: 0..<10_000, using: &rng)], seq: e.seq))
            }
            // Plausible values rather than garbage: another article, another type, another stream.
            let other = l.articleSHAs[(l.articleSHAs.firstIndex(of: e.source.article)! + 1) % a]
            out.append(Attack(what: "event seq \(e.seq) moved to another article", command: ["op": "mutate", "table": "events", "key": "seq", "at": e.seq, "column": "article", "value": other], seq: e.seq))
            let type = e.type == .talksHeld ? "VisitStarted" : "TalksHeld"
            out.append(Attack(what: "event seq \(e.seq) given type \(type)", command: ["op": "mutate", "table": "events", "key": "seq", "at": e.seq, "column": "type", "value": type], seq: e.seq))
            out.append(Attack(what: "event seq \(e.seq) moved to stream KZ-RU", command: ["op": "mutate", "table": "events", "key": "seq", "at": e.seq, "column": "stream", "value": "KZ-RU"], seq: e.seq))
        }
        // Every column of every article row: the first event citing it is named.
        for r in 1...a {
            for c in articleColumns {
                out.append(Attack(what: "article #\(r) \(c) changed", command: ["op": "mutate", "table": "articles", "key": "n", "at": r, "column": c, "pos": Int.random(in: 0..<10_000, using: &rng)], seq: l.firstSeq(ofArticle: r)))
            }
        }
        // Deleted rows: every event but the last (see `deletingTheLastEventChangesTheHead`), every article.
        for e in l.events.dropLast() {
            out.append(Attack(what: "event seq \(e.seq) deleted", command: ["op": "delete", "table": "events", "key": "seq", "at": e.seq], seq: e.seq))
        }
        for r in 1...a {
            out.append(Attack(what: "article #\(r) deleted", command: ["op": "delete", "table": "articles", "key": "n", "at": r], seq: l.firstSeq(ofArticle: r)))
        }
        // Swapped rows: every adjacent pair and 40 random pairs of events; every adjacent pair of articles.
        var pairs = (1..<n).map { (Int64($0), Int64($0 + 1)) }
        for _ in 0..<40 {
            let x = Int64.random(in: 1...Int64(n), using: &rng), y = Int64.random(in: 1...Int64(n), using: &rng)
            if x != y { pairs.append((min(x, y), max(x, y))) }
        }
        for (x, y) in pairs {
            out.append(Attack(what: "events seq \(x) and \(y) swapped", command: ["op": "swap", "table": "events", "key": "seq", "a": x, "b": y], seq: x))
        }
        for r in 1..<a {
            out.append(Attack(what: "articles #\(r) and #\(r + 1) swapped", command: ["op": "swap", "table": "articles", "key": "n", "a": r, "b": r + 1], seq: l.firstSeq(ofArticle: r)))
        }
        // Inserted rows: a forged event at every position (later seqs shifted), one after the
        // last with a hash that does not chain; a forged article at every position.
        for at in 1...Int64(n) {
            out.append(Attack(what: "event inserted at seq \(at)", command: ["op": "insert", "table": "events", "key": "seq", "at": at, "copy": max(1, at - 1), "pos": Int(at)], seq: at))
        }
        let last = l.events.last!
        out.append(Attack(what: "event appended after the head with a wrong hash",
                          command: ["op": "sql", "sql": "INSERT INTO events SELECT seq + 1, id || 'x', stream, stream_version + 1, type, version, occurred, occurred_until, recorded_at, payload, source, article, hash, prev_hash FROM events WHERE seq = \(last.seq)"],
                          seq: last.seq + 1))
        for at in 1...a {
            out.append(Attack(what: "article inserted at #\(at)", command: ["op": "insert", "table": "articles", "key": "n", "at": at, "copy": at, "pos": at], seq: l.firstSeq(ofArticle: at)))
        }
        out.append(Attack(what: "article appended after the last", command: ["op": "insert", "table": "articles", "key": "n", "at": a + 1, "copy": a, "pos": 7], seq: nil, article: Int64(a + 1)))
        return out
    }

    @Test func everySingleFieldChangeDeletionSwapAndInsertionIsNamed() throws {
        let dir = Binary.tempDir("tamper")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let layout = try Self.build(in: dir)
        #expect(layout.events.count >= 90 && layout.events.count <= 130, "\(layout.events.count) events")
        let editor = try SQLiteEditor()
        let base = layout.path
        let unlocked = try editor.send(["op": "drop_triggers", "db": base])
        try #require(unlocked.ok, "\(unlocked.text)")
        #expect(try EventStore(path: base).verify().ok, "dropping the triggers alone must not fail verify")

        let attacks = Self.attacks(layout, base: base)
        var detected = 0, notApplicable = [String](), cliChecked = 0
        var byKind = [String: Int]()
        let work = dir + "/work.sqlite"
        for (i, attack) in attacks.enumerated() {
            for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: work + s) }
            try FileManager.default.copyItem(atPath: base, toPath: work)
            var command = attack.command
            command["db"] = work
            let answer = try editor.send(command)
            guard answer.ok else {
                // A constraint (UNIQUE, NOT NULL) refused the edit: nothing to detect.
                notApplicable.append("\(attack.what): \(answer.text)")
                continue
            }
            let report = try EventStore(path: work).verify()
            guard let problem = report.problem else {
                Issue.record("not detected: \(attack.what) (\(answer.text))")
                continue
            }
            // Walked in runs on their own threads: the same first problem.
            for ranges in [2, 3] {
                let split = try EventStore(path: work).verify(ranges: ranges)
                #expect(split.problem == problem, "\(attack.what) in \(ranges) runs: \(String(describing: split.problem))")
            }
            detected += 1
            byKind[String(attack.what.split(separator: " ").prefix(1).joined()) + " " + (attack.command["op"] as! String), default: 0] += 1
            if let seq = attack.seq {
                #expect(problem.seq == seq, "\(attack.what) (\(answer.text)): verify says \(problem)")
            } else {
                #expect(problem.seq == nil && problem.article == attack.article, "\(attack.what): verify says \(problem)")
            }
            // Through the CLI too, for one attack in 40: exit 66 and the seq named on stderr.
            if i % 40 == 0 {
                let r = try Binary.verify(work)
                #expect(r.status == 66, "\(attack.what): exit \(r.status)")
                #expect(r.stderrLines.count == 1 && r.stderr.contains(problem.description), "\(attack.what): \(r.stderr)")
                if let seq = attack.seq { #expect(r.stderr.contains("seq \(seq)"), "\(r.stderr)") }
                cliChecked += 1
            }
        }
        // Only the UNIQUE/NOT NULL refusals may be skipped (e.g. none expected for these edits).
        #expect(notApplicable.isEmpty, "edits refused by the database: \(notApplicable.prefix(5))")
        print("tamper matrix: \(detected) of \(attacks.count) attacks detected with the right seq named (\(layout.events.count) events, \(layout.articleSHAs.count) articles; \(cliChecked) also via the CLI); \(byKind.sorted { $0.key < $1.key })")
    }

    /// A gap found by this campaign: `store_meta.imported_through` (the events an `import`
    /// brought in, whose articles are not in the store) is in neither chain. Raising it past
    /// the head makes `verify` accept events whose article row was deleted: here the last
    /// article (deleting it leaves the article chain consistent). Recorded as a known issue
    /// so this test starts failing, as it should, once the marker is covered by a chain.
    @Test func raisingImportedThroughHidesADeletedArticle() throws {
        let dir = Binary.tempDir("tamper-meta")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let layout = try Self.build(in: dir)
        let editor = try SQLiteEditor()
        #expect(try editor.send(["op": "drop_triggers", "db": layout.path]).ok)
        let last = layout.articleSHAs.count
        #expect(try editor.send(["op": "delete", "table": "articles", "key": "n", "at": last, "db": layout.path]).ok)
        #expect(try EventStore(path: layout.path).verify().problem?.seq == layout.firstSeq(ofArticle: last), "the deletion alone is caught")
        #expect(try editor.send(["op": "sql", "db": layout.path, "sql": "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('imported_through', '1000000')"]).ok)
        let report = try EventStore(path: layout.path).verify()
        withKnownIssue("store_meta.imported_through is not covered by a hash chain") {
            #expect(report.problem != nil, "a deleted article hidden by a raised imported_through")
        }
    }

    /// Truncating the tail leaves a shorter chain that is consistent in itself: no hash can
    /// tell. `verify` then reports a different head (and event count), which is what a
    /// reader who kept the head (e.g. from an earlier `verify` or export) compares.
    @Test func deletingTheLastEventChangesTheHead() throws {
        let dir = Binary.tempDir("tamper-tail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let layout = try Self.build(in: dir)
        let editor = try SQLiteEditor()
        #expect(try editor.send(["op": "drop_triggers", "db": layout.path]).ok)
        let before = try Binary.verify(layout.path)
        #expect(try editor.send(["op": "delete", "table": "events", "key": "seq", "at": layout.lastSeq, "db": layout.path]).ok)
        let after = try Binary.verify(layout.path)
        #expect(before.out != after.out)
        #expect(after.out.contains("verified \(layout.events.count - 1) events, head \(layout.events[layout.events.count - 2].hash)"))
    }
}
