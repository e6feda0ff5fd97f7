import ChanceryDomain
import Foundation
@testable import ChanceryStore

enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case memory, disk
    var testDescription: String { rawValue }

    func open() throws -> EventStore {
        switch self {
        case .memory: return try EventStore.inMemory()
        case .disk: return try EventStore(path: Fixtures.tempPath())
        }
    }
}

import Testing

enum Fixtures {
    static func tempPath(_ name: String = "store.sqlite") -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    static let time = "2026-01-01T00:00:00Z"

    static func article(_ text: String) -> ArticleRecord {
        let bytes = Array(text.utf8)
        return ArticleRecord(sha256: Hashing.sha256Hex(bytes), name: "\(text.prefix(8)).txt", bytes: bytes, language: "en",
                             published: "2025-12-11", ingestedAt: time)
    }

    static func visit(_ n: Int, article: ArticleRecord, stream: StreamID = StreamID("IR", "KZ")!) -> PendingEvent {
        let quote = String(decoding: article.bytes, as: UTF8.self)
        return PendingEvent(id: "ev-\(article.sha256.prefix(6))-\(n)", stream: stream, occurred: .day(year: 2025, month: 12, day: 10 + n % 10),
                            data: .visitStarted(VisitStarted(visitor: stream.first, host: stream.second, level: .official)),
                            source: Provenance(article: article.sha256, file: article.name, quote: quote, span: [0, article.bytes.count], rule: "test"))
    }

    /// A store with `articles` articles of `perArticle` events each, alternating two streams.
    static func populated(_ backend: Backend, articles: Int = 3, perArticle: Int = 2) throws -> EventStore {
        let store = try backend.open()
        for a in 0..<articles {
            let art = article("Article number \(a) about Iran and Kazakhstan.")
            let stream = a % 2 == 0 ? StreamID("IR", "KZ")! : StreamID("KZ", "TJ")!
            try store.write { tx in
                try tx.insertArticle(art)
                try tx.append((0..<perArticle).map { visit($0, article: art, stream: stream) }, to: stream, recordedAt: time)
            }
        }
        return store
    }

    static func exportText(_ store: EventStore) throws -> String {
        var out = [UInt8]()
        try store.exportLines { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }
}
