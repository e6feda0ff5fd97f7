import ChanceryDomain
import ChanceryStore
import Foundation
import Testing
@testable import ChanceryCore

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = root.appendingPathComponent("seeds").path
    static let seedsExport = root.appendingPathComponent("events/seeds.ndjson").path

    /// The seeds ingested into a fresh in-memory store with `SOURCE_DATE_EPOCH=1767225600`.
    static func ingestSeeds() throws -> EventStore {
        let store = try EventStore.inMemory()
        var ingestor = Ingestor(store: store)
        ingestor.recordedAt = { RecordingClock.now(environment: ["SOURCE_DATE_EPOCH": "1767225600"]) }
        let (files, errors) = ArticleFiles.expand([seeds])
        #expect(errors.isEmpty)
        for f in files {
            let out = try ingestor.ingest(bytes: try Ingestor.readFile(f), name: (f as NSString).lastPathComponent)
            if case .failed(let why) = out.status { Issue.record("\(f): \(why)") }
        }
        return store
    }

    static func export(_ store: EventStore) throws -> [UInt8] {
        var out = [UInt8]()
        try store.exportLines { out.append(contentsOf: $0) }
        return out
    }
}

@Suite struct SeedsTests {
    @Test func seedsExportIsByteIdenticalToCommittedLog() throws {
        let store = try Repo.ingestSeeds()
        let committed = try #require(FileManager.default.contents(atPath: Repo.seedsExport), "events/seeds.ndjson is missing")
        let produced = try Repo.export(store)
        #expect(produced == [UInt8](committed), "regenerate with: SOURCE_DATE_EPOCH=1767225600 chancery --store /tmp/s.sqlite ingest seeds && chancery --store /tmp/s.sqlite export --output events/seeds.ndjson")
        #expect(try store.verify().ok)
    }

    @Test func committedLogImportsAndExportsUnchanged() throws {
        let committed = try #require(FileManager.default.contents(atPath: Repo.seedsExport))
        let store = try EventStore.inMemory()
        var lines = [UInt8](committed).split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        try store.importLog(lines)
        #expect(try Repo.export(store) == [UInt8](committed))
        #expect(try store.verify().ok)
    }

    @Test func reingestingAppendsNothing() throws {
        let store = try Repo.ingestSeeds()
        let before = try Repo.export(store)
        let ingestor = Ingestor(store: store)
        for f in ArticleFiles.expand([Repo.seeds]).files {
            let out = try ingestor.ingest(bytes: try Ingestor.readFile(f), name: (f as NSString).lastPathComponent)
            #expect(out.status == .alreadyIngested)
        }
        #expect(try Repo.export(store) == before)
    }

    @Test func everyQuoteIsTheArticleBytesAtItsSpan() throws {
        let store = try Repo.ingestSeeds()
        for e in try store.events() where e.type.isDomain {
            let article = try #require(try store.article(sha256: e.source.article))
            let slice = Array(article.bytes[e.source.span[0]..<e.source.span[1]])
            #expect(String(decoding: slice, as: UTF8.self) == e.source.quote)
        }
    }

    @Test func dryRunWritesNothing() throws {
        let store = try EventStore.inMemory()
        let ingestor = Ingestor(store: store)
        let f = ArticleFiles.expand([Repo.seeds]).files[0]
        let out = try ingestor.ingest(bytes: try Ingestor.readFile(f), name: "x.txt", dryRun: true)
        if case .ingested = out.status {} else { Issue.record("dry run: \(out.status)") }
        #expect(try store.eventCount() == 0)
        #expect(try store.articleCount() == 0)
    }
}
