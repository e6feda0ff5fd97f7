import ChanceryDomain
import ChanceryExtraction
import ChanceryStore
import Foundation

/// What happened to one article.
public struct IngestOutcome: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Appended: counts of new domain events and of corroborations.
        case ingested(appended: Int, corroborated: Int)
        /// The same bytes were ingested before: nothing appended.
        case alreadyIngested
        /// The article was rejected; nothing was written for it.
        case failed(String)
    }
    public var file: String
    public var language: String?
    public var status: Status
    /// The events appended (or, in a dry run, that would be).
    public var events: [RecordedEvent]
}

/// A rejected article: the file and what is wrong with it.
public struct ArticleRejected: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}

/// The ingest use case: read → extract → decide → append, one transaction per article.
public struct Ingestor {
    public let store: EventStore
    public var extractor = Extractor()
    /// Called inside each article's transaction with the events just appended: by default
    /// `ProjectionKeeper.hook(store)`, which updates the persisted projections (nil: none).
    public var onAppend: ((StoreTransaction, [RecordedEvent]) throws -> Void)?
    /// The time of recording; defaults to `RecordingClock.now()`.
    public var recordedAt: () -> String = { RecordingClock.now() }

    public init(store: EventStore) {
        self.store = store
        onAppend = ProjectionKeeper.hook(store)
    }

    /// Articles larger than this are refused.
    public static let maxArticleBytes = 20 * 1024 * 1024

    /// Reads the file at `path` (bytes as they are on disk).
    public static func readFile(_ path: String) throws(ArticleRejected) -> [UInt8] {
        let name = path
        guard let h = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.isReadableFile(atPath: path) ? "cannot open" : "permission denied or unreadable"
            throw ArticleRejected(file: name, problem: "cannot read the file (\(reason))")
        }
        defer { try? h.close() }
        do {
            let data = try h.read(upToCount: maxArticleBytes + 1) ?? Data()
            if data.count > maxArticleBytes {
                // Name the file's real size, not how much of it was read.
                let size = (try? h.seekToEnd()).map { Int($0) } ?? data.count
                throw ArticleRejected(file: name, problem: ArticleError.tooLarge(bytes: size, limit: maxArticleBytes).description)
            }
            return [UInt8](data)
        } catch let e as ArticleRejected {
            throw e
        } catch {
            throw ArticleRejected(file: name, problem: "cannot read the file (\(readFailure(error)))")
        }
    }

    /// The system's reason for a failed read ("Input/output error"), not Foundation's wrapper.
    static func readFailure(_ error: any Error) -> String {
        let ns = error as NSError
        let posix = ns.domain == NSPOSIXErrorDomain ? ns : ns.userInfo[NSUnderlyingErrorKey] as? NSError
        if let p = posix, p.domain == NSPOSIXErrorDomain, let text = strerror(Int32(p.code)) { return String(cString: text) }
        return ns.localizedDescription
    }

    /// Ingests one article's bytes. With `dryRun` nothing is written: the outcome lists the
    /// events that would be appended.
    public func ingest(bytes: [UInt8], name: String, displayPath: String? = nil, published: FuzzyDate? = nil,
                       dryRun: Bool = false) throws -> IngestOutcome {
        let shown = displayPath ?? name
        let sha = Hashing.sha256Hex(bytes)
        // Already ingested (e.g. a run resumed after a crash): nothing to read or decide.
        // Checked again inside the write transaction, where another writer may have won.
        if let known = try store.article(sha256: sha) {
            return IngestOutcome(file: shown, language: known.language, status: .alreadyIngested, events: [])
        }
        let article: Article
        do {
            article = try extractor.read(bytes: bytes, name: name, published: published)
        } catch {
            return IngestOutcome(file: shown, language: nil, status: .failed(error.description), events: [])
        }
        let candidates = extractor.candidates(in: article)
        let identity = ArticleIdentity(sha256: sha, name: name)
        let time = recordedAt()
        let record = ArticleRecord(sha256: sha, name: name, bytes: bytes, language: article.language.rawValue,
                                   published: article.published?.description, ingestedAt: time)
        let streams = Set(candidates.compactMap(\.stream)).sorted()

        let body: (StoreTransaction) throws -> IngestOutcome = { tx in
            if try tx.hasArticle(sha256: sha) {
                return IngestOutcome(file: shown, language: article.language.rawValue, status: .alreadyIngested, events: [])
            }
            var known = [KnownFact]()
            var versions = [StreamID: Int]()
            for s in streams {
                known += KnownFact.from(try tx.events(in: s))
                versions[s] = try tx.version(of: s)
            }
            let pending = Decider.decide(known: known, candidates: candidates, article: identity)
            try tx.insertArticle(record)
            var appended = [RecordedEvent]()
            // Appended stream by stream in the order the facts first appear, each checked
            // against the version read above.
            var order = [StreamID]()
            for p in pending where !order.contains(p.stream) { order.append(p.stream) }
            for s in order {
                let batch = pending.filter { $0.stream == s }
                let v = versions[s] ?? 0
                appended += try tx.append(batch, to: s, expected: v == 0 ? .noStream : .exact(v), recordedAt: time)
            }
            appended.sort { $0.seq < $1.seq }
            try onAppend?(tx, appended)
            let corroborations = appended.filter { $0.type == .eventCorroborated }.count
            return IngestOutcome(file: shown, language: article.language.rawValue,
                                 status: .ingested(appended: appended.count - corroborations, corroborated: corroborations),
                                 events: appended)
        }
        if dryRun {
            // Run the whole transaction, then roll it back.
            struct Rollback: Error { let outcome: IngestOutcome }
            do {
                _ = try store.write { tx -> IngestOutcome in throw Rollback(outcome: try body(tx)) }
            } catch let r as Rollback {
                return r.outcome
            }
            fatalError("unreachable")
        }
        return try store.write(body)
    }
}
