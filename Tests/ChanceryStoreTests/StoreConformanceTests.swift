import ChanceryDomain
import Foundation
import Testing
@testable import ChanceryStore

/// The same behaviour from every backend (in memory and on disk).
@Suite struct StoreConformanceTests {
    @Test(arguments: Backend.allCases)
    func appendsGaplessChainedEvents(_ backend: Backend) throws {
        let store = try Fixtures.populated(backend, articles: 3, perArticle: 2)
        let events = try store.events()
        #expect(events.map(\.seq) == [1, 2, 3, 4, 5, 6])
        #expect(events.first?.prevHash == Hashing.genesis)
        for (a, b) in zip(events, events.dropFirst()) { #expect(b.prevHash == a.hash) }
        #expect(try store.head().hash == events.last?.hash)
        let report = try store.verify()
        #expect(report.ok)
        #expect(report.events == 6 && report.articles == 3)
    }

    @Test(arguments: Backend.allCases)
    func expectedVersionCases(_ backend: Backend) throws {
        let store = try backend.open()
        let art = Fixtures.article("Expected version test article.")
        let s = StreamID("IR", "KZ")!
        try store.write { tx in
            try tx.insertArticle(art)
            try tx.append([Fixtures.visit(1, article: art)], to: s, expected: .noStream, recordedAt: Fixtures.time)
            try tx.append([Fixtures.visit(2, article: art)], to: s, expected: .exact(1), recordedAt: Fixtures.time)
            try tx.append([Fixtures.visit(3, article: art)], to: s, expected: .any, recordedAt: Fixtures.time)
        }
        for (expected, actual) in [(ExpectedVersion.noStream, 3), (.exact(2), 3), (.exact(4), 3)] {
            #expect {
                try store.write { tx in try tx.append([Fixtures.visit(9, article: art)], to: s, expected: expected, recordedAt: Fixtures.time) }
            } throws: { error in
                guard case StoreError.versionConflict(let st, let e, let a) = error else { return false }
                return st == s && e == expected && a == actual && "\(error)".contains("IR-KZ")
            }
        }
        #expect(try store.eventCount() == 3)
    }

    @Test(arguments: Backend.allCases)
    func articlesAreIdempotent(_ backend: Backend) throws {
        let store = try backend.open()
        let art = Fixtures.article("Same bytes twice.")
        #expect(try store.write { try $0.insertArticle(art) } == true)
        #expect(try store.write { try $0.insertArticle(art) } == false)
        #expect(try store.articleCount() == 1)
        #expect(try store.hasArticle(sha256: art.sha256))
        #expect(try store.article(sha256: art.sha256)?.bytes == art.bytes)
    }

    @Test(arguments: Backend.allCases)
    func errorInsideTransactionLeavesNoRow(_ backend: Backend) throws {
        let store = try Fixtures.populated(backend, articles: 1)
        let before = try Fixtures.exportText(store)
        struct Boom: Error {}
        let art = Fixtures.article("An article whose transaction fails.")
        #expect(throws: Boom.self) {
            try store.write { tx in
                try tx.insertArticle(art)
                try tx.append([Fixtures.visit(1, article: art)], to: StreamID("IR", "KZ")!, recordedAt: Fixtures.time)
                throw Boom()
            }
        }
        #expect(try store.hasArticle(sha256: art.sha256) == false)
        #expect(try Fixtures.exportText(store) == before)
        // A duplicate id inside an article's batch fails the whole article too.
        let art2 = Fixtures.article("Another failing article.")
        #expect(throws: (any Error).self) {
            try store.write { tx in
                try tx.insertArticle(art2)
                try tx.append([Fixtures.visit(1, article: art2), Fixtures.visit(1, article: art2)], to: StreamID("IR", "KZ")!, recordedAt: Fixtures.time)
            }
        }
        #expect(try store.hasArticle(sha256: art2.sha256) == false)
        #expect(try store.verify().ok)
    }

    @Test(arguments: Backend.allCases, ["UPDATE events SET occurred = '2020-01-01' WHERE seq = 1", "DELETE FROM events WHERE seq = 2",
                                        "UPDATE articles SET name = 'x'", "DELETE FROM articles"])
    func rawUpdateAndDeleteAreRefused(_ backend: Backend, _ sql: String) throws {
        let store = try Fixtures.populated(backend, articles: 2)
        let before = try Fixtures.exportText(store)
        #expect { try store.db.exec(sql) } throws: { "\($0)".contains("append-only") }
        #expect(try Fixtures.exportText(store) == before)
    }

    @Test(arguments: Backend.allCases)
    func exportImportRoundTrip(_ backend: Backend) throws {
        let store = try Fixtures.populated(backend, articles: 3)
        let text = try Fixtures.exportText(store)
        let fresh = try backend.open()
        let lines = text.split(separator: "\n").map { Array($0.utf8) }
        #expect(try fresh.importLog(lines) == 6)
        #expect(try Fixtures.exportText(fresh) == text)
        #expect(try fresh.verify().ok)
        #expect(throws: StoreError.self) { try fresh.importLog(lines) }  // not empty any more
    }

    @Test(arguments: Backend.allCases)
    func readsUpcastOlderPayloadsWithoutRewriting(_ backend: Backend) throws {
        // Build a one-line log whose payload is a synthetic version 0 ("guest" for visitor).
        let payload = Array(#"{"guest":"IR","host":"KZ","level":"official","status":"happened"}"#.utf8)
        let source = CanonicalJSON.bytes(Provenance(article: "a", file: "old.txt", quote: "q", span: [0, 1], rule: "r").json)
        let cols = Envelope.Columns(seq: 1, id: "old-1", type: "VisitStarted", version: 0, stream: "IR-KZ", occurred: "2020-01-01",
                                    occurredUntil: nil, recordedAt: Fixtures.time, payload: payload, source: source, prevHash: Hashing.genesis)
        let line = Envelope.bytes(cols, hash: Envelope.hash(cols))
        let store = try backend.open()
        #expect(throws: StoreError.self) { try store.importLog([line]) }  // no upcaster: version 0 unknown
        var registry = Upcasters()
        registry.register(.visitStarted, from: 0) { old in
            guard case .object(var o) = old else { return old }
            o["visitor"] = o.removeValue(forKey: "guest")
            return .object(o)
        }
        store.upcasters = registry
        try store.importLog([line])
        let e = try #require(try store.event(id: "old-1"))
        #expect(e.data == .visitStarted(VisitStarted(visitor: "IR", host: "KZ", level: .official)))
        #expect(e.version == 0)
        #expect(try Fixtures.exportText(store) == String(decoding: line, as: UTF8.self) + "\n")  // stored form untouched
        #expect(try store.verify().ok)
    }
}
