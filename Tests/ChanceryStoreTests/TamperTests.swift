import ChanceryDomain
import Foundation
import Testing
@testable import ChanceryStore

/// With the triggers dropped (an attacker with the file), any change is caught by verify.
@Suite struct TamperTests {
    static func unlocked() throws -> EventStore {
        let store = try Fixtures.populated(.disk, articles: 3, perArticle: 2)
        try store.db.exec("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER articles_no_update; DROP TRIGGER articles_no_delete")
        return store
    }

    /// Every stored column of an event row, changed by one byte at seq 3.
    @Test(arguments: [
        ("id", "UPDATE events SET id = id || 'x' WHERE seq = 3"),
        ("stream", "UPDATE events SET stream = 'IR-KY' WHERE seq = 3"),
        ("stream_version", "UPDATE events SET stream_version = stream_version + 10 WHERE seq = 3"),
        ("type", "UPDATE events SET type = 'TalksHeld' WHERE seq = 3"),
        ("version", "UPDATE events SET version = 2 WHERE seq = 3"),
        ("occurred", "UPDATE events SET occurred = '2025-12-19' WHERE seq = 3"),
        ("occurred_until", "UPDATE events SET occurred_until = '2025-12-30' WHERE seq = 3"),
        ("recorded_at", "UPDATE events SET recorded_at = '2026-01-01T00:00:01Z' WHERE seq = 3"),
        ("payload", "UPDATE events SET payload = replace(payload, 'official', 'officiaL') WHERE seq = 3"),
        ("source", "UPDATE events SET source = replace(source, 'test', 'tesT') WHERE seq = 3"),
        ("article", "UPDATE events SET article = 'f' || substr(article, 2) WHERE seq = 3"),
        ("prev_hash", "UPDATE events SET prev_hash = '1' || substr(prev_hash, 2) WHERE seq = 3"),
        ("hash", "UPDATE events SET hash = '1' || substr(hash, 2) WHERE seq = 3"),
        ("seq", "UPDATE events SET seq = 99 WHERE seq = 3"),
    ])
    func oneColumnChangedIsDetected(_ column: String, _ sql: String) throws {
        let store = try Self.unlocked()
        #expect(try store.verify().ok)
        try store.db.exec(sql)
        let report = try store.verify()
        let problem = try #require(report.problem, "change to \(column) not detected")
        #expect(problem.seq == 3, "\(column): \(problem)")
    }

    /// A sound log walked in 1 to 7 runs (threads on a file, in turn in memory) gives the
    /// same report: every event counted, the same head.
    @Test(arguments: [Backend.disk, .memory])
    func runsOfASoundLogJoinUp(_ backend: Backend) throws {
        let store = try Fixtures.populated(backend, articles: 9, perArticle: 3)
        let whole = try store.verify(ranges: 1)
        #expect(whole.ok && whole.events == 27)
        for n in 2...7 { #expect(try store.verify(ranges: n) == whole, "\(n) runs") }
    }

    /// A stream version that is wrong only across runs (each run is consistent in itself) is
    /// still found, with its seq.
    @Test func aStreamVersionWrongAcrossRunsIsFound() throws {
        let store = try Self.unlocked()
        // seq 5 is the third event of IR-KZ (articles 0 and 2): its versions jump to 7 and 8
        // (the version is in no hash, and a run starting at seq 4 sees 7, 8 as consistent).
        let row = try #require(try store.events(EventFilter(sinceSeq: 4, throughSeq: 5)).first)
        #expect(row.stream.description == "IR-KZ")
        try store.db.exec("UPDATE events SET stream_version = stream_version + 4 WHERE seq >= 5 AND stream = 'IR-KZ'")
        let whole = try store.verify(ranges: 1)
        #expect(whole.problem?.seq == 5, "\(String(describing: whole.problem))")
        for n in 2...4 { #expect(try store.verify(ranges: n).problem == whole.problem, "\(n) runs") }
    }

    @Test func deletedRowIsDetected() throws {
        let store = try Self.unlocked()
        try store.db.exec("DELETE FROM events WHERE seq = 4")
        #expect(try store.verify().problem?.seq == 4)
        let last = try Self.unlocked()
        try last.db.exec("DELETE FROM events WHERE seq = 6")
        // Removing the last row leaves a shorter but consistent chain: the head hash changes.
        let full = try Fixtures.populated(.disk, articles: 3, perArticle: 2)
        #expect(try last.verify().head != full.verify().head)
    }

    @Test(arguments: [
        ("name", "UPDATE articles SET name = 'other.txt' WHERE n = 2"),
        ("bytes", "UPDATE articles SET bytes = CAST('Article number 1 about Iran and Kazakhstan!' AS BLOB) WHERE n = 2"),
        ("language", "UPDATE articles SET language = 'ru' WHERE n = 2"),
        ("published", "UPDATE articles SET published = '2025-12-12' WHERE n = 2"),
        ("ingested_at", "UPDATE articles SET ingested_at = '2027-01-01T00:00:00Z' WHERE n = 2"),
        ("sha256", "UPDATE articles SET sha256 = 'f' || substr(sha256, 2) WHERE n = 2"),
        ("delete", "DELETE FROM articles WHERE n = 2"),
    ])
    func articleChangesAreDetected(_ what: String, _ sql: String) throws {
        let store = try Self.unlocked()
        try store.db.exec(sql)
        let problem = try #require(try store.verify().problem, "change to article \(what) not detected")
        // Article 2 carries seq 3 and 4: the first event relying on it is named.
        #expect(problem.seq == 3 || problem.article == 2, "\(what): \(problem)")
    }
}

@Suite struct ImportValidationTests {
    static func lines() throws -> [[UInt8]] {
        let text = try Fixtures.exportText(try Fixtures.populated(.memory, articles: 2, perArticle: 2))
        return text.split(separator: "\n").map { Array($0.utf8) }
    }

    static func edit(_ line: [UInt8], _ f: (inout [String: JSONValue]) -> Void) -> [UInt8] {
        guard case .object(var o) = try! JSONParser.parse(line) else { fatalError() }
        f(&o)
        return CanonicalJSON.bytes(.object(o))
    }

    enum Damage: String, CaseIterable, Sendable {
        case badJSON, unknownType, brokenChain, seqGap, duplicateSeq, futureVersion, notAnObject, badPayload

        /// The line that must be named and a phrase of the message.
        var expected: (line: Int, message: String) {
            switch self {
            case .badJSON: return (2, "not JSON")
            case .unknownType: return (3, "unknown event type")
            case .brokenChain: return (3, "hash")
            case .seqGap: return (3, "seq 4 where 3")
            case .duplicateSeq: return (3, "seq 2 where 3")
            case .futureVersion: return (2, "newer")
            case .notAnObject: return (1, "not a JSON object")
            case .badPayload: return (1, "data")
            }
        }

        func apply(_ l: inout [[UInt8]]) {
            switch self {
            case .badJSON: l[1] = Array("{\"seq\": 2,".utf8)
            case .unknownType: l[2] = edit(l[2]) { $0["type"] = .string("VisitEnded") }
            case .brokenChain: l[2] = edit(l[2]) { $0["occurred"] = .string("2020-01-01") }
            case .seqGap: l.remove(at: 2)
            case .duplicateSeq: l.insert(l[1], at: 2)
            case .futureVersion: l[1] = edit(l[1]) { $0["version"] = .int(9) }
            case .notAnObject: l[0] = Array("[1,2]".utf8)
            case .badPayload: l[0] = edit(l[0]) { $0["data"] = .object([:]) }
            }
        }
    }

    @Test(arguments: Damage.allCases)
    func malformedLogNamesLineAndLeavesStoreEmpty(_ damage: Damage) throws {
        let what = damage.rawValue
        let (line, message) = damage.expected
        var l = try Self.lines()
        damage.apply(&l)
        let store = try EventStore.inMemory()
        #expect(throws: StoreError.self) { try store.importLog(l) }
        do { try store.importLog(l) } catch let e as StoreError {
            guard case .badImportLine(let n, let problem) = e else { Issue.record("\(what): \(e)"); return }
            #expect(n == line, "\(what): \(e)")
            #expect(problem.contains(message), "\(what): \(e)")
        }
        #expect(try store.eventCount() == 0)
    }
}

@Suite struct StoreOpenTests {
    @Test func notADatabase() throws {
        let path = Fixtures.tempPath("notes.sqlite")
        try Data("this is a text file, not SQLite, and it is long enough to have a header....\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try EventStore(path: path) } throws: { "\($0)".contains("not a Chancery store") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 76)
    }

    @Test func newerSchemaIsRefused() throws {
        let path = Fixtures.tempPath()
        do {
            let store = try EventStore(path: path)
            try store.db.exec("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')")
        }
        #expect { try EventStore(path: path) } throws: { e in
            guard case StoreError.schemaTooNew(_, 99, _) = e else { return false }
            return true
        }
    }

    @Test func migrationsAreRecordedInOrder() throws {
        let store = try EventStore.inMemory()
        #expect(store.schemaVersion == Schema.latestVersion)
        let reopened = try EventStore(path: Fixtures.tempPath())
        #expect(reopened.schemaVersion == Schema.latestVersion)
    }
}
