import ChanceryDomain

/// What one event did to the bilateral state of the audited pair.
public struct StepChange: Hashable, Sendable {
    /// A corroboration that added (or a retraction that withdrew) a source of a fact.
    public struct SourceChange: Hashable, Sendable {
        public var fact: FactRecord
        public var file: String
        /// Distinct articles of the fact.
        public var sources: Transition<Int>
        public init(fact: FactRecord, file: String, sources: Transition<Int>) {
            self.fact = fact; self.file = file; self.sources = sources
        }
    }

    /// A fact withdrawn, as it was, and why.
    public struct Withdrawal: Hashable, Sendable {
        public var fact: FactRecord
        public var reason: String
        public init(fact: FactRecord, reason: String) { self.fact = fact; self.reason = reason }
    }

    /// A new fact.
    public var added: FactRecord?
    /// A new source for a fact.
    public var sourceAdded: SourceChange?
    /// A withdrawn fact.
    public var retracted: Withdrawal?
    /// A withdrawn corroboration.
    public var sourceWithdrawn: SourceChange?
    /// The latest figure of a trade series, when it changed.
    public var trade: TradeChange?
    /// The pair's contact span and distinct sources, when they changed.
    public var firstContact: Transition<FuzzyDate?>?
    public var lastContact: Transition<FuzzyDate?>?
    public var sources: Transition<Int>?
    /// Why nothing changed, when nothing did.
    public var ignored: FactLedger.Ignored?

    public init() {}

    /// Whether the event changed nothing.
    public var isEmpty: Bool {
        added == nil && sourceAdded == nil && retracted == nil && sourceWithdrawn == nil && trade == nil
            && firstContact == nil && lastContact == nil && sources == nil
    }

    static func transition(_ t: Transition<Int>) -> JSONValue {
        .object(["old": .int(Int64(t.old)), "new": .int(Int64(t.new))])
    }

    static func transition(_ t: Transition<FuzzyDate?>) -> JSONValue {
        .object(["old": StateChange.date(t.old), "new": StateChange.date(t.new)])
    }

    /// Only the keys that apply: `added {kind, item}`, `sourceAdded {fact, kind, file, sources
    /// {old,new}}`, `retracted {fact, kind, summary, reason}`, `sourceWithdrawn {fact, kind,
    /// file, sources}`, `trade {series, old, new}`, `firstContact`/`lastContact`/`sources`
    /// `{old, new}`, `ignored` (a reason) when nothing changed.
    public var json: JSONValue {
        var o = [String: JSONValue]()
        if let f = added { o["added"] = .object(["kind": .string(f.kind), "item": f.itemJSON]) }
        func source(_ s: SourceChange) -> JSONValue {
            .object(["fact": .string(s.fact.id), "kind": .string(s.fact.kind), "file": .string(s.file),
                     "sources": StepChange.transition(s.sources)])
        }
        if let s = sourceAdded { o["sourceAdded"] = source(s) }
        if let s = sourceWithdrawn { o["sourceWithdrawn"] = source(s) }
        if let r = retracted {
            o["retracted"] = .object(["fact": .string(r.fact.id), "kind": .string(r.fact.kind),
                                      "summary": .string(r.fact.summary), "reason": .string(r.reason)])
        }
        if let t = trade {
            o["trade"] = .object(["series": .string(t.key.description), "old": t.old?.itemJSON ?? .null, "new": t.new?.itemJSON ?? .null])
        }
        if let t = firstContact { o["firstContact"] = StepChange.transition(t) }
        if let t = lastContact { o["lastContact"] = StepChange.transition(t) }
        if let t = sources { o["sources"] = StepChange.transition(t) }
        if let i = ignored { o["ignored"] = .string(i.rawValue) }
        return .object(o)
    }

    /// One line per part of the change, e.g. `+ visit: IR → KZ official visit, …`,
    /// `trade_turnover: — → +40 %`, `sources: 1 → 2`.
    public var lines: [String] {
        var out = [String]()
        if let f = added { out.append("+ \(f.kind): \(f.summary)") }
        if let s = sourceAdded { out.append("+ source \(s.file) for \(s.fact.kind) \(s.fact.id) (articles \(s.sources.old) → \(s.sources.new))") }
        if let r = retracted { out.append("− \(r.fact.kind) retracted: \(r.fact.summary) (\(r.reason))") }
        if let s = sourceWithdrawn { out.append("− source \(s.file) withdrawn from \(s.fact.kind) \(s.fact.id) (articles \(s.sources.old) → \(s.sources.new))") }
        if let t = trade { out.append(t.text) }
        if let t = firstContact { out.append("first contact: \(FactText.orDash(t.old?.description)) → \(FactText.orDash(t.new?.description))") }
        if let t = lastContact { out.append("last contact: \(FactText.orDash(t.old?.description)) → \(FactText.orDash(t.new?.description))") }
        if let t = sources { out.append("sources: \(t.old) → \(t.new)") }
        if let i = ignored { out.append("no change (\(i.rawValue))") }
        if out.isEmpty { out.append("no change") }
        return out
    }
}

/// One event of an audited relationship and what it changed.
public struct AuditStep: Hashable, Sendable {
    public var seq: Int64
    public var id: String
    public var occurred: FuzzyDate
    public var type: EventType
    /// One line, e.g. `IR → KZ official visit, Masoud Pezeshkian, Astana`.
    public var summary: String
    /// The file name of the event's article.
    public var source: String
    public var change: StepChange

    public init(seq: Int64, id: String, occurred: FuzzyDate, type: EventType, summary: String, source: String, change: StepChange) {
        self.seq = seq; self.id = id; self.occurred = occurred; self.type = type
        self.summary = summary; self.source = source; self.change = change
    }

    /// `{"event":{"seq","id","occurred","type","summary","source"},"change":{...}}`.
    public var json: JSONValue {
        .object(["event": .object(["seq": .int(seq), "id": .string(id), "occurred": .string(occurred.description),
                                   "type": .string(type.rawValue), "summary": .string(summary), "source": .string(source)]),
                 "change": change.json])
    }

    /// `#SEQ OCCURRED TYPE  SUMMARY  [FILE]`, then the change lines indented.
    public var lines: [String] {
        ["#\(seq) \(occurred) \(type.rawValue)  \(summary)  [\(source)]"] + change.lines.map { "    " + $0 }
    }
}

/// The replay audit: a relationship's evolution, event by event, from an exported log.
public enum ReplayAudit {
    /// The steps of `pair`: each of its facts, and each corroboration or retraction of one of
    /// its facts (facts are found by id across the whole log), with the change it made to the
    /// bilateral state. Events outside `slice` are skipped.
    public static func steps(_ events: some Sequence<RecordedEvent>, pair: StreamID, slice: TimeSlice = .all) -> [AuditStep] {
        var state = BilateralStateProjection.State()
        var summaries = [String: String]()
        var contact = ContactSpan()
        var latest = [TradeSeriesKey: FactRecord]()
        var out = [AuditStep]()

        func recomputeContact() -> ContactSpan {
            ContactSpan(state.ledger.streams[pair]?.facts.values.map { $0 } ?? [], slice: slice)
        }
        func recomputeLatest(_ key: TradeSeriesKey) -> FactRecord? {
            var best: FactRecord?
            for f in state.ledger.streams[pair]?.facts.values ?? [:].values {
                guard let t = f.tradeFigure, TradeSeriesKey(t) == key else { continue }
                if best == nil || FactRecord.tradeOrder(best!, f) { best = f }
            }
            return best
        }

        for e in events where slice.admits(e) {
            let target: String?
            switch e.data {
            case .eventCorroborated(let c): target = c.event
            case .eventRetracted(let r): target = r.event
            default: target = nil
            }
            let relevant: Bool
            if let target {
                relevant = state.ledger.stream(of: target).map { $0 == pair } ?? (e.stream == pair)
            } else {
                relevant = e.stream == pair
            }
            guard relevant, e.seq > state.checkpoint else {
                BilateralStateProjection.evolve(&state, e)
                continue
            }
            let sourcesBefore = state.ledger.streams[pair]?.sourceCount ?? 0
            let contactBefore = contact
            let factBefore: FactRecord? = target.flatMap { t in
                if case .corroboration(let f)? = state.ledger.index[t] { return state.ledger.fact(f) }
                return state.ledger.fact(t)
            }
            let result = state.ledger.apply(e, policy: BilateralStateProjection.policy)
            state.checkpoint = e.seq

            var change = StepChange()
            switch result {
            case .added(_, let id):
                let f = state.ledger.fact(id)!
                summaries[id] = f.summary
                change.added = f
                contact.include(f, slice: slice)
                if let t = f.tradeFigure {
                    let key = TradeSeriesKey(t), old = latest[key]
                    if old == nil || FactRecord.tradeOrder(old!, f) {
                        latest[key] = f
                        change.trade = TradeChange(key: key, old: old, new: f)
                    }
                }
            case .corroborated(_, let id, _):
                let f = state.ledger.fact(id)!
                change.sourceAdded = StepChange.SourceChange(fact: f, file: e.source.file,
                                                             sources: Transition(old: factBefore?.sourceCount ?? 0, new: f.sourceCount))
                if let t = f.tradeFigure, latest[TradeSeriesKey(t)]?.id == id { latest[TradeSeriesKey(t)] = f }
            case .retracted(let old):
                guard case .eventRetracted(let r) = e.data else { break }
                change.retracted = StepChange.Withdrawal(fact: old, reason: r.reason)
                if ContactSpan.isContact(old) { contact = recomputeContact() }
                if let t = old.tradeFigure {
                    let key = TradeSeriesKey(t)
                    if latest[key]?.id == old.id {
                        let new = recomputeLatest(key)
                        latest[key] = new
                        change.trade = TradeChange(key: key, old: old, new: new)
                    }
                }
            case .corroborationRetracted(_, let id, _):
                let f = state.ledger.fact(id)!
                let file = factBefore?.sources.first { $0.event == target }?.file ?? ""
                change.sourceWithdrawn = StepChange.SourceChange(fact: f, file: file,
                                                                 sources: Transition(old: factBefore?.sourceCount ?? 0, new: f.sourceCount))
                if let t = f.tradeFigure, latest[TradeSeriesKey(t)]?.id == id { latest[TradeSeriesKey(t)] = f }
            case .ignored(let why):
                change.ignored = why
            }
            let sourcesAfter = state.ledger.streams[pair]?.sourceCount ?? 0
            if sourcesAfter != sourcesBefore { change.sources = Transition(old: sourcesBefore, new: sourcesAfter) }
            if contact.first != contactBefore.first { change.firstContact = Transition(old: contactBefore.first, new: contact.first) }
            if contact.last != contactBefore.last { change.lastContact = Transition(old: contactBefore.last, new: contact.last) }

            let summary: String
            switch e.data {
            case .eventCorroborated(let c):
                summary = "corroborates " + (summaries[c.event] ?? c.event)
            case .eventRetracted(let r):
                if case .corroboration(let f)? = state.ledger.index[r.event] {
                    let file = factBefore?.sources.first { $0.event == r.event }?.file
                    summary = "retracts corroboration \(r.event)" + (file.map { " (\($0))" } ?? "") + " of "
                        + (summaries[f] ?? f) + ": " + r.reason
                } else {
                    summary = "retracts " + (summaries[r.event] ?? r.event) + ": " + r.reason
                }
            default:
                summary = FactText.summary(e.data, stream: e.stream)
            }
            out.append(AuditStep(seq: e.seq, id: e.id, occurred: e.occurred, type: e.type, summary: summary,
                                 source: e.source.file, change: change))
        }
        return out
    }

    /// The steps as a JSON array of `{event, change}`.
    public static func json(_ steps: [AuditStep]) -> JSONValue { .array(steps.map(\.json)) }

    /// The steps as text, one block of lines per event.
    public static func lines(_ steps: [AuditStep]) -> [String] { steps.flatMap(\.lines) }

    /// Rows `seq | occurred | type | summary | source | change`.
    public static func table(_ steps: [AuditStep]) -> Table {
        Table(header: ["seq", "occurred", "type", "summary", "source", "change"],
              rows: steps.map { s in
                  [String(s.seq), s.occurred.description, s.type.rawValue, s.summary, s.source,
                   s.change.lines.joined(separator: "; ")]
              })
    }
}
