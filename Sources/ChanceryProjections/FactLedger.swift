import ChanceryDomain

/// The facts of one stream that a ledger keeps, and how many of them cite each article.
public struct StreamFacts: Hashable, Sendable {
    /// The kept facts by id.
    public var facts: [String: FactRecord]
    /// For each article, the number of live (not withdrawn) facts that cite it. The number
    /// of keys is the number of distinct source articles of the stream.
    public private(set) var articleRefs: [String: Int]

    public init() {
        facts = [:]
        articleRefs = [:]
    }

    /// The stream's facts, restored: the article counts are derived from them.
    public init(facts: [FactRecord]) {
        self.init()
        for f in facts { insert(f) }
    }

    /// The number of distinct articles cited by live facts.
    public var sourceCount: Int { articleRefs.count }

    mutating func insert(_ record: FactRecord) {
        facts[record.id] = record
        guard record.retraction == nil else { return }
        if record.sources.count == 1 {
            articleRefs[record.sources[0].article, default: 0] += 1
        } else {
            for a in record.articles { articleRefs[a, default: 0] += 1 }
        }
    }

    mutating func release(_ article: String) {
        if let n = articleRefs[article] {
            if n <= 1 { articleRefs.removeValue(forKey: article) } else { articleRefs[article] = n - 1 }
        }
    }

    /// Adds `source` to fact `id`; `nil` when the fact is not kept, else whether the article
    /// is new for the fact.
    mutating func addSource(_ source: SourceRef, to id: String) -> Bool? {
        guard let record = facts[id] else { return nil }
        let isNew = !record.cites(source.article)
        let live = record.retraction == nil
        facts[id]?.sources.append(source)
        if isNew && live { articleRefs[source.article, default: 0] += 1 }
        return isNew
    }

    /// Removes the source that corroboration `event` brought to fact `id`; `nil` when there
    /// is none, else whether the fact no longer cites that article.
    mutating func removeSource(event: String, from id: String) -> Bool? {
        guard let record = facts[id], let k = record.sources.firstIndex(where: { $0.event == event }), k > 0 else { return nil }
        let article = record.sources[k].article
        facts[id]?.sources.remove(at: k)
        let gone = !(facts[id]?.cites(article) ?? true)
        if gone && record.retraction == nil { release(article) }
        return gone
    }

    /// Withdraws fact `id`: removed, or kept with its retraction when `keep` is true. Returns
    /// the record as it was, `nil` when it is not kept or already withdrawn.
    mutating func retract(_ id: String, by retraction: Retraction, keep: Bool) -> FactRecord? {
        guard let record = facts[id], record.retraction == nil else { return nil }
        if keep { facts[id]?.retraction = retraction } else { facts.removeValue(forKey: id) }
        for a in record.articles { release(a) }
        return record
    }

    /// The facts, in log order.
    public var factsBySeq: [FactRecord] { facts.values.sorted { $0.seq < $1.seq } }

    /// `{"facts": [records in log order]}`.
    public var json: JSONValue { .object(["facts": .array(factsBySeq.map(\.json))]) }

    /// Restores a stream's facts from `json`.
    public init(json: JSONValue, path: String = "stream") throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        var records = [FactRecord]()
        for (n, r) in try f.array("facts").enumerated() {
            records.append(try FactRecord(json: r, path: f.sub("facts[\(n)]")))
        }
        self.init(facts: records)
    }
}

/// The bookkeeping shared by the projections: every fact kept, per stream, its sources and
/// retraction, and an index of ids across the whole log (a corroboration or a retraction
/// names its fact by id alone).
public struct FactLedger: Hashable, Sendable {
    /// What an id stands for.
    public enum Entry: Hashable, Sendable {
        /// A domain fact of `stream` (it stays in the index after a retraction).
        case fact(stream: StreamID, type: EventType)
        /// An `EventCorroborated` that added a source to fact `of`.
        case corroboration(of: String)
    }

    /// Which facts a ledger keeps.
    public struct Policy: Hashable, Sendable {
        /// The domain types kept; facts of other types are not indexed.
        public var types: Set<EventType>
        /// Whether a withdrawn fact stays (marked) or is dropped.
        public var keepsRetracted: Bool
        private let mask: UInt8

        public init(types: Set<EventType> = Set(EventType.domainTypes), keepsRetracted: Bool) {
            self.types = types
            self.keepsRetracted = keepsRetracted
            var m: UInt8 = 0
            for (n, t) in EventType.domainTypes.enumerated() where types.contains(t) { m |= 1 << UInt8(n) }
            mask = m
        }

        /// Whether facts of `type` are kept.
        @inlinable public func accepts(_ type: EventType) -> Bool { types.contains(type) }

        func acceptsFast(_ data: EventData) -> Bool {
            switch data {
            case .visitStarted: return mask & 1 != 0
            case .talksHeld: return mask & 2 != 0
            case .agreementSigned: return mask & 4 != 0
            case .tradeFigureReported: return mask & 8 != 0
            case .eventCorroborated, .eventRetracted: return false
            }
        }
    }

    /// Why an event left the ledger unchanged.
    public enum Ignored: String, Hashable, Sendable {
        /// A fact of a type this ledger does not keep.
        case notKept
        /// An id already in the index.
        case duplicate
        /// A corroboration or retraction naming an id the ledger does not know.
        case unknownEvent
        /// A corroboration or retraction of a fact already withdrawn (or a corroboration
        /// retracted twice).
        case alreadyRetracted
    }

    /// What applying one event did.
    public enum Change: Hashable, Sendable {
        /// A new fact was kept.
        case added(stream: StreamID, id: String)
        /// A corroboration added a source to fact `id`; `newArticle` when the article was not
        /// yet among the fact's sources.
        case corroborated(stream: StreamID, id: String, newArticle: Bool)
        /// A fact was withdrawn; `record` is the fact as it was.
        case retracted(record: FactRecord)
        /// A corroboration was withdrawn from fact `id`; `articleGone` when no other source of
        /// the fact cites that article.
        case corroborationRetracted(stream: StreamID, id: String, articleGone: Bool)
        /// Nothing changed.
        case ignored(Ignored)
    }

    /// Every id seen: facts kept (also after their retraction) and their corroborations.
    public var index: [String: Entry]
    /// The kept facts of each stream.
    public var streams: [StreamID: StreamFacts]

    public init() {
        index = [:]
        streams = [:]
    }

    /// The fact `id`, wherever it is kept.
    public func fact(_ id: String) -> FactRecord? {
        guard case .fact(let s, _)? = index[id] else { return nil }
        return streams[s]?.facts[id]
    }

    /// The stream of the fact that `id` names, directly or through a corroboration.
    public func stream(of id: String) -> StreamID? {
        switch index[id] {
        case .fact(let s, _)?: return s
        case .corroboration(let f)?:
            if case .fact(let s, _)? = index[f] { return s }
            return nil
        case nil: return nil
        }
    }

    /// Applies one event.
    @discardableResult
    public mutating func apply(_ event: RecordedEvent, policy: Policy) -> Change {
        switch event.data {
        case .eventCorroborated(let c):
            guard case .fact(let s, _)? = index[c.event] else { return .ignored(.unknownEvent) }
            guard index[event.id] == nil else { return .ignored(.duplicate) }
            guard let isNew = streams[s]?.addSource(SourceRef(of: event), to: c.event) else { return .ignored(.alreadyRetracted) }
            index[event.id] = .corroboration(of: c.event)
            return .corroborated(stream: s, id: c.event, newArticle: isNew)
        case .eventRetracted(let r):
            let retraction = Retraction(event: event.id, seq: event.seq, recordedAt: event.recordedAt, reason: r.reason)
            switch index[r.event] {
            case .fact(let s, _)?:
                guard let old = streams[s]?.retract(r.event, by: retraction, keep: policy.keepsRetracted) else {
                    return .ignored(.alreadyRetracted)
                }
                return .retracted(record: old)
            case .corroboration(let f)?:
                guard case .fact(let s, _)? = index[f],
                      let gone = streams[s]?.removeSource(event: r.event, from: f) else { return .ignored(.alreadyRetracted) }
                return .corroborationRetracted(stream: s, id: f, articleGone: gone)
            case nil:
                return .ignored(.unknownEvent)
            }
        default:
            guard policy.acceptsFast(event.data) else { return .ignored(.notKept) }
            guard index[event.id] == nil else { return .ignored(.duplicate) }
            index[event.id] = .fact(stream: event.stream, type: event.type)
            streams[event.stream, default: StreamFacts()].insert(FactRecord(event: event))
            return .added(stream: event.stream, id: event.id)
        }
    }

    /// `{"index": {id: {"stream","type"} | {"corroborates"}}, "streams": {pair: {"facts"}}}`.
    public var json: JSONValue {
        var idx = [String: JSONValue](minimumCapacity: index.count)
        for (id, e) in index {
            switch e {
            case .fact(let s, let t): idx[id] = .object(["stream": .string(s.description), "type": .string(t.rawValue)])
            case .corroboration(let f): idx[id] = .object(["corroborates": .string(f)])
            }
        }
        var ss = [String: JSONValue](minimumCapacity: streams.count)
        for (s, f) in streams { ss[s.description] = f.json }
        return .object(["index": .object(idx), "streams": .object(ss)])
    }

    /// Restores a ledger from `json`.
    public init(json: JSONValue, path: String = "ledger") throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        let idx = try f.object("index")
        var index = [String: Entry](minimumCapacity: idx.members.count)
        for (id, v) in idx.members {
            let e = try Fields(v, path: idx.sub(id))
            if e.has("corroborates") {
                index[id] = .corroboration(of: try e.string("corroborates"))
            } else {
                index[id] = .fact(stream: try e.stream("stream"), type: try e.eventType("type"))
            }
        }
        let ss = try f.object("streams")
        var streams = [StreamID: StreamFacts](minimumCapacity: ss.members.count)
        for (name, v) in ss.members {
            guard let s = StreamID(name), s.description == name else {
                throw StateDecodingError(path: ss.sub(name), problem: "not a sorted pair such as IR-KZ")
            }
            streams[s] = try StreamFacts(json: v, path: ss.sub(name))
        }
        self.index = index
        self.streams = streams
    }
}
