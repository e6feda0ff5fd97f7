import ChanceryDomain

/// The share of the five projections' state that belongs to one pair, or to some of its
/// facts: what is persisted (a fact at a time, with the corroborations indexed for it), so
/// that an append reads and writes only the facts it touches.
///
/// It is a lossless, normalised form of `ProjectionSet` restricted to the pair:
/// - the **timeline** keeps every fact (withdrawn ones marked) and indexes every
///   corroboration of them: `facts` and `corroborations` are exactly its share;
/// - the **bilateral** state has the same facts less the withdrawn ones, and indexes the
///   same corroborations less those recorded after their fact was withdrawn
///   (`afterRetraction`, which it ignored);
/// - **partners** has the bilateral state's policy, so the same share; **trade** and
///   **agreements** are the bilateral share restricted to their fact types.
///
/// Every index entry of a ledger belongs to one pair (a fact's, or a corroboration's fact's),
/// so the parts of all pairs put back together give the whole state (`ProjectionSet(parts:)`).
/// This relies on event ids being unique across the log, as the store enforces.
public struct StreamPart: Hashable, Sendable {
    public var stream: StreamID
    /// Every fact of the pair, withdrawn ones included, in log order.
    public var facts: [FactRecord]
    /// The corroborations indexed for these facts: corroboration id → fact id.
    public var corroborations: [String: String]
    /// The corroborations recorded after their fact was withdrawn (ignored by the ledgers
    /// that drop withdrawn facts).
    public var afterRetraction: Set<String>

    public init(stream: StreamID, facts: [FactRecord] = [], corroborations: [String: String] = [:],
                afterRetraction: Set<String> = []) {
        self.stream = stream
        self.facts = facts
        self.corroborations = corroborations
        self.afterRetraction = afterRetraction
    }

    /// Whether the pair has no fact.
    public var isEmpty: Bool { facts.isEmpty }

    /// The part of each fact alone (its corroborations with it), in log order.
    public func split() -> [StreamPart] {
        var byFact = [String: [String]]()
        for (c, f) in corroborations { byFact[f, default: []].append(c) }
        return facts.map { f in
            let cs = byFact[f.id] ?? []
            return StreamPart(stream: stream, facts: [f], corroborations: Dictionary(uniqueKeysWithValues: cs.map { ($0, f.id) }),
                              afterRetraction: afterRetraction.intersection(cs))
        }
    }

    /// The parts of some facts of one pair, as one.
    public init(stream: StreamID, joining parts: some Sequence<StreamPart>) {
        self.init(stream: stream)
        for p in parts {
            facts += p.facts
            corroborations.merge(p.corroborations) { a, _ in a }
            afterRetraction.formUnion(p.afterRetraction)
        }
        facts.sort { $0.seq < $1.seq }
    }

    /// `{"stream","facts":[FactRecord.json],"corroborations":{id: fact},"afterRetraction":[ids]}`.
    public var json: JSONValue {
        .object([
            "stream": .string(stream.description),
            "facts": .array(facts.map(\.json)),
            "corroborations": .object(corroborations.mapValues { .string($0) }),
            "afterRetraction": .array(afterRetraction.sorted().map { .string($0) }),
        ])
    }

    /// Restores a part written by `json` (other members are ignored).
    public init(json: JSONValue, path: String = "part") throws(StateDecodingError) {
        let f = try Fields(json, path: path)
        let stream = try f.stream("stream")
        var facts = [FactRecord]()
        for (n, r) in try f.array("facts").enumerated() {
            let record = try FactRecord(json: r, path: f.sub("facts[\(n)]"))
            guard record.stream == stream else {
                throw StateDecodingError(path: f.sub("facts[\(n)].stream"), problem: "is \(record.stream), not \(stream)")
            }
            facts.append(record)
        }
        let c = try f.object("corroborations")
        var corroborations = [String: String](minimumCapacity: c.members.count)
        for (id, _) in c.members { corroborations[id] = try c.string(id) }
        var after = Set<String>()
        for (n, v) in try f.array("afterRetraction").enumerated() {
            guard let s = v.stringValue else { throw StateDecodingError(path: f.sub("afterRetraction[\(n)]"), problem: "not a string") }
            after.insert(s)
        }
        self.init(stream: stream, facts: facts, corroborations: corroborations, afterRetraction: after)
    }
}

extension FactLedger {
    /// Adds the share of `part` that a ledger kept under `policy` holds. The facts must be
    /// new to the ledger; the pair may already hold others (parts of one pair can be added
    /// a few facts at a time).
    public mutating func insert(_ part: StreamPart, policy: Policy) {
        var accepted = Set<String>()
        for f in part.facts where policy.accepts(f.type) {
            accepted.insert(f.id)
            index[f.id] = .fact(stream: part.stream, type: f.type)
        }
        guard !accepted.isEmpty else { return }
        for (c, f) in part.corroborations where accepted.contains(f) {
            if !policy.keepsRetracted && part.afterRetraction.contains(c) { continue }
            index[c] = .corroboration(of: f)
        }
        if streams[part.stream] == nil { streams[part.stream] = StreamFacts() }
        for f in part.facts where accepted.contains(f.id) && (policy.keepsRetracted || f.retraction == nil) {
            streams[part.stream]!.insert(f)
        }
    }
}

extension LedgerState {
    /// The state holding only `parts`, at `checkpoint`.
    public init(parts: some Sequence<StreamPart>, checkpoint: Int64) {
        self.init()
        self.checkpoint = checkpoint
        for p in parts { ledger.insert(p, policy: P.policy) }
    }
}

extension ProjectionSet {
    /// The five states holding only `parts` (one per pair), all at `checkpoint`.
    public init(parts: some Sequence<StreamPart>, checkpoint: Int64) {
        self.init()
        for p in parts { insert(p) }
        setCheckpoint(checkpoint)
    }

    /// Sets the checkpoint of the five states.
    public mutating func setCheckpoint(_ seq: Int64) {
        bilateral.checkpoint = seq; timeline.checkpoint = seq; trade.checkpoint = seq
        agreements.checkpoint = seq; partners.checkpoint = seq
    }

    /// Adds the part of a pair (facts these states do not hold yet).
    public mutating func insert(_ part: StreamPart) {
        bilateral.ledger.insert(part, policy: BilateralStateProjection.policy)
        timeline.ledger.insert(part, policy: TimelineProjection.policy)
        trade.ledger.insert(part, policy: TradeSeriesProjection.policy)
        agreements.ledger.insert(part, policy: AgreementsProjection.policy)
        partners.ledger.insert(part, policy: PartnersProjection.policy)
    }

    /// The pairs with facts.
    public var pairs: [StreamID] { timeline.ledger.streams.keys.sorted() }

    /// The stream that the event `id` bears on: a fact's own, or the fact's that a
    /// corroboration names; `nil` when no projection knows `id`. (The timeline indexes every
    /// fact and corroboration that any of the five does.)
    public func stream(of id: String) -> StreamID? { timeline.ledger.stream(of: id) }

    /// The parts of `pairs` (every pair when `nil`), from one pass over the index.
    public func parts(_ pairs: Set<StreamID>? = nil) -> [StreamID: StreamPart] {
        var out = [StreamID: StreamPart]()
        for (s, facts) in timeline.ledger.streams where pairs?.contains(s) ?? true {
            out[s] = StreamPart(stream: s, facts: facts.factsBySeq)
        }
        let index = timeline.ledger.index
        for (id, entry) in index {
            guard case .corroboration(let f) = entry, case .fact(let s, _)? = index[f], out[s] != nil else { continue }
            out[s]!.corroborations[id] = f
            if bilateral.ledger.index[id] == nil { out[s]!.afterRetraction.insert(id) }
        }
        return out
    }
}
