import ChanceryDomain
import ChanceryExtraction
import ChanceryStore

/// A person's changes to the log: facts recorded by hand and retractions. Each carries
/// its own text as provenance (`rule: manual`), kept as an article row so `verify` can
/// check it like any source.
public struct Curator {
    public let store: EventStore
    public var recordedAt: () -> String = { RecordingClock.now() }
    /// Called inside each change's transaction with the events just appended: by default
    /// `ProjectionKeeper.hook(store)`, which updates the persisted projections (nil: none).
    public var onAppend: ((StoreTransaction, [RecordedEvent]) throws -> Void)?

    public init(store: EventStore) {
        self.store = store
        onAppend = ProjectionKeeper.hook(store)
    }

    /// A retraction that cannot be made.
    public struct Refused: Error, CustomStringConvertible, Sendable {
        public let problem: String
        public var description: String { problem }
    }

    private func manualArticle(_ text: String, time: String) -> (ArticleRecord, Provenance) {
        let bytes = Array(text.utf8)
        let sha = Hashing.sha256Hex(bytes)
        let record = ArticleRecord(sha256: sha, name: "manual", bytes: bytes, language: "manual", published: nil, ingestedAt: time)
        return (record, Provenance(article: sha, file: "manual", quote: text, span: [0, bytes.count], rule: "manual"))
    }

    /// Records a fact stated by `sourceText` (a corroboration if the stream already holds it).
    public func record(_ data: EventData, occurred: FuzzyDate, until: FuzzyDate? = nil, sourceText: String) throws -> [RecordedEvent] {
        let time = recordedAt()
        let (article, _) = manualArticle(sourceText, time: time)
        let candidate = Candidate(data: data, occurred: occurred, occurredUntil: until, quote: sourceText,
                                  span: 0..<article.bytes.count, rule: "manual")
        guard let stream = candidate.stream else { throw Refused(problem: "a fact needs two different countries") }
        return try store.write { tx in
            let v = try tx.version(of: stream)
            let pending = Decider.decide(known: KnownFact.from(try tx.events(in: stream)), candidates: [candidate],
                                         article: ArticleIdentity(sha256: article.sha256, name: "manual"))
            try tx.insertArticle(article)
            let appended = try tx.append(pending, to: stream, expected: v == 0 ? .noStream : .exact(v), recordedAt: time)
            try onAppend?(tx, appended)
            return appended
        }
    }

    /// Appends `EventRetracted` for the domain event `id` (a unique prefix is accepted).
    public func retract(_ id: String, reason: String) throws -> RecordedEvent {
        let full = try resolve(id)
        guard let target = try store.event(id: full) else { throw StoreError.unknownEvent(id) }
        guard target.type.isDomain else { throw Refused(problem: "\(full) is a \(target.type.rawValue): only facts can be retracted") }
        if try store.references(to: full).contains(where: { $0.type == .eventRetracted }) {
            throw Refused(problem: "\(full) is already retracted")
        }
        let time = recordedAt()
        let (article, source) = manualArticle(reason, time: time)
        let data = EventData.eventRetracted(EventRetracted(event: full, reason: reason))
        let text = PendingEvent.identityText(stream: target.stream, occurred: target.occurred, occurredUntil: target.occurredUntil, data: data, source: source)
        let pending = PendingEvent(id: Decider.eventID(text + time), stream: target.stream, occurred: target.occurred,
                                   occurredUntil: target.occurredUntil, data: data, source: source)
        return try store.write { tx in
            try tx.insertArticle(article)
            let appended = try tx.append([pending], to: target.stream, expected: .any, recordedAt: time)
            try onAppend?(tx, appended)
            return appended[0]
        }
    }

    /// The full id for `id` or a unique prefix of one.
    public func resolve(_ id: String) throws -> String {
        if try store.event(id: id) != nil { return id }
        let matches = try store.eventIDs(prefix: id, limit: 3)
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty { throw StoreError.unknownEvent(id) }
        throw Refused(problem: "event id prefix \(id) is ambiguous: \(matches.joined(separator: ", "))…")
    }
}
