import ChanceryDomain

/// One article that reports a fact: the fact's own source or a corroboration's.
public struct SourceRef: Hashable, Sendable {
    /// The id of the event that brought this source (the fact itself or an `EventCorroborated`).
    public var event: String
    /// That event's position in the log.
    public var seq: Int64
    /// When that event was recorded.
    public var recordedAt: String
    /// SHA-256 (hex) of the article.
    public var article: String
    /// The article's file name.
    public var file: String
    /// The sentence that carries the fact, verbatim.
    public var quote: String

    public init(event: String, seq: Int64, recordedAt: String, article: String, file: String, quote: String) {
        self.event = event; self.seq = seq; self.recordedAt = recordedAt
        self.article = article; self.file = file; self.quote = quote
    }

    /// The source of `event` (a fact or a corroboration).
    public init(of event: RecordedEvent) {
        self.init(event: event.id, seq: event.seq, recordedAt: event.recordedAt,
                  article: event.source.article, file: event.source.file, quote: event.source.quote)
    }

    /// `{"event","seq","recordedAt","article","file","quote"}`.
    public var json: JSONValue {
        .object(["event": .string(event), "seq": .int(seq), "recordedAt": .string(recordedAt),
                 "article": .string(article), "file": .string(file), "quote": .string(quote)])
    }

    public init(json: JSONValue, path: String) throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        self.init(event: try f.string("event"), seq: try f.int("seq"), recordedAt: try f.string("recordedAt"),
                  article: try f.string("article"), file: try f.string("file"), quote: try f.string("quote"))
    }
}

/// The withdrawal of a fact by an `EventRetracted`.
public struct Retraction: Hashable, Sendable {
    /// The id of the `EventRetracted`.
    public var event: String
    public var seq: Int64
    public var recordedAt: String
    public var reason: String

    public init(event: String, seq: Int64, recordedAt: String, reason: String) {
        self.event = event; self.seq = seq; self.recordedAt = recordedAt; self.reason = reason
    }

    /// `{"event","seq","recordedAt","reason"}`.
    public var json: JSONValue {
        .object(["event": .string(event), "seq": .int(seq), "recordedAt": .string(recordedAt), "reason": .string(reason)])
    }

    public init(json: JSONValue, path: String) throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        self.init(event: try f.string("event"), seq: try f.int("seq"), recordedAt: try f.string("recordedAt"),
                  reason: try f.string("reason"))
    }
}

/// A domain fact as the projections keep it: the event's envelope and payload, every article
/// that reports it (in log order, its own first) and, when withdrawn, the retraction.
public struct FactRecord: Hashable, Sendable {
    public var id: String
    public var seq: Int64
    public var stream: StreamID
    public var occurred: FuzzyDate
    public var occurredUntil: FuzzyDate?
    public var recordedAt: String
    public var data: EventData
    /// The fact's own source, then one per corroboration, in log order.
    public var sources: [SourceRef]
    /// Set when an `EventRetracted` withdrew the fact (kept only by projections that keep
    /// withdrawn facts, such as the timeline).
    public var retraction: Retraction?

    public init(id: String, seq: Int64, stream: StreamID, occurred: FuzzyDate, occurredUntil: FuzzyDate? = nil,
                recordedAt: String, data: EventData, sources: [SourceRef], retraction: Retraction? = nil) {
        self.id = id; self.seq = seq; self.stream = stream; self.occurred = occurred; self.occurredUntil = occurredUntil
        self.recordedAt = recordedAt; self.data = data; self.sources = sources; self.retraction = retraction
    }

    /// The record of a domain event, with its own source.
    public init(event: RecordedEvent) {
        self.init(id: event.id, seq: event.seq, stream: event.stream, occurred: event.occurred,
                  occurredUntil: event.occurredUntil, recordedAt: event.recordedAt, data: event.data,
                  sources: [SourceRef(of: event)])
    }

    /// The event type of the fact.
    public var type: EventType { data.type }

    /// Whether the fact was withdrawn.
    public var isRetracted: Bool { retraction != nil }

    /// The distinct articles (SHA-256) that report the fact, in log order.
    public var articles: [String] {
        var seen = [String]()
        for s in sources where !seen.contains(s.article) { seen.append(s.article) }
        return seen
    }

    /// The number of distinct articles that report the fact.
    public var sourceCount: Int { sources.count == 1 ? 1 : articles.count }

    /// The distinct file names of the articles that report the fact, in log order.
    public var files: [String] {
        var seen = [String]()
        for s in sources where !seen.contains(s.file) { seen.append(s.file) }
        return seen
    }

    /// The number of corroborations recorded for the fact.
    public var corroborations: Int { sources.count - 1 }

    /// Whether `article` is among the fact's sources.
    public func cites(_ article: String) -> Bool { sources.contains { $0.article == article } }

    /// Timeline order: by `occurred` (year-unknown dates first, coarser dates before finer
    /// ones of the same period), then by `seq`.
    public static func timelineOrder(_ a: FactRecord, _ b: FactRecord) -> Bool {
        let ka = a.occurred.sortKey, kb = b.occurred.sortKey
        if ka != kb { return ka < kb }
        return a.seq < b.seq
    }

    /// The serialised record (`{"id","seq","stream","type","occurred","occurredUntil"?,
    /// "recordedAt","data","sources","retraction"?}`).
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id), "seq": .int(seq), "stream": .string(stream.description), "type": .string(type.rawValue),
            "occurred": .string(occurred.description), "recordedAt": .string(recordedAt), "data": data.json,
            "sources": .array(sources.map(\.json)),
        ]
        if let occurredUntil { o["occurredUntil"] = .string(occurredUntil.description) }
        if let retraction { o["retraction"] = retraction.json }
        return .object(o)
    }

    /// Restores a record from `json`.
    public init(json: JSONValue, path: String = "fact") throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        let type = try f.eventType("type")
        guard type.isDomain else { throw StateDecodingError(path: f.sub("type"), problem: "not a domain fact type") }
        let data: EventData
        do { data = try EventData(type: type, json: try f.value("data")) } catch {
            throw StateDecodingError(path: f.sub("data"), problem: "\(error)")
        }
        var sources = [SourceRef]()
        for (n, s) in try f.array("sources").enumerated() {
            sources.append(try SourceRef(json: s, path: f.sub("sources[\(n)]")))
        }
        guard !sources.isEmpty else { throw StateDecodingError(path: f.sub("sources"), problem: "empty") }
        self.init(id: try f.string("id"), seq: try f.int("seq"), stream: try f.stream("stream"), occurred: try f.date("occurred"),
                  occurredUntil: try f.optDate("occurredUntil"), recordedAt: try f.string("recordedAt"), data: data,
                  sources: sources,
                  retraction: f.has("retraction") ? try Retraction(json: try f.value("retraction"), path: f.sub("retraction")) : nil)
    }
}
