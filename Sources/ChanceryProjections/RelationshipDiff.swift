import ChanceryDomain

/// What changed in a relationship between two valid dates, or what the log learned about it
/// between two positions.
public enum RelationshipDiff {
    /// `diff A B --from DATE --to DATE`: the relationship as of `to` against as of `from`
    /// (visits, talks, agreements added; trade series old → new), from a bilateral state
    /// folded without a valid-time bound. `slice` carries transaction-time bounds to echo;
    /// its `asOf` is ignored.
    public static func byDate(_ state: BilateralStateProjection.State, pair: StreamID, from: FuzzyDate, to: FuzzyDate,
                              slice: TimeSlice = .all) -> DateDiff {
        var a = slice, b = slice
        a.asOf = from
        b.asOf = to
        let old = BilateralStateProjection.snapshot(state, pair: pair, slice: a)
        let new = BilateralStateProjection.snapshot(state, pair: pair, slice: b)
        return DateDiff(pair: pair, from: from, to: to, slice: slice.withoutAsOf, change: StateChange(from: old, to: new))
    }

    /// Folds `events` with the transaction-time bounds of `slice` and diffs two valid dates.
    public static func byDate(_ events: some Sequence<RecordedEvent>, pair: StreamID, from: FuzzyDate, to: FuzzyDate,
                              slice: TimeSlice = .all) -> DateDiff {
        byDate(BilateralStateProjection.fold(events, slice: slice.withoutAsOf), pair: pair, from: from, to: to, slice: slice)
    }

    /// `diff A B --from-seq N --to-seq M`: the facts of `pair` appended in `(from, to]`, the
    /// corroborations and retractions of its facts recorded there, and the change they made
    /// to the bilateral state (at `from` against at `to`). One pass over `events`.
    public static func bySeq(_ events: some Sequence<RecordedEvent>, pair: StreamID, from: Int64, to: Int64) -> SeqDiff {
        var before = BilateralStateProjection.State(), after = BilateralStateProjection.State()
        var timeline = TimelineProjection.State()
        for e in events where e.seq <= to {
            if e.seq <= from { BilateralStateProjection.evolve(&before, e) }
            BilateralStateProjection.evolve(&after, e)
            TimelineProjection.evolve(&timeline, e)
        }
        let old = BilateralStateProjection.snapshot(before, pair: pair, slice: TimeSlice(atSeq: from))
        let new = BilateralStateProjection.snapshot(after, pair: pair, slice: TimeSlice(atSeq: to))
        let records = timeline.facts(of: pair)
        var corroborations = [SeqDiff.Corroboration](), retractions = [FactRecord]()
        for r in records {
            for s in r.sources.dropFirst() where s.seq > from && s.seq <= to {
                corroborations.append(SeqDiff.Corroboration(source: s, fact: r))
            }
            if let x = r.retraction, x.seq > from, x.seq <= to { retractions.append(r) }
        }
        corroborations.sort { $0.source.seq < $1.source.seq }
        retractions.sort { $0.retraction!.seq < $1.retraction!.seq }
        return SeqDiff(pair: pair, fromSeq: from, toSeq: to, facts: records.filter { $0.seq > from && $0.seq <= to },
                       corroborations: corroborations, retractions: retractions, change: StateChange(from: old, to: new))
    }
}

/// The relationship between two valid dates: the answer to `diff A B --from --to`.
public struct DateDiff: Hashable, Sendable {
    public var pair: StreamID
    public var from: FuzzyDate
    public var to: FuzzyDate
    /// Transaction-time bounds the state was folded with.
    public var slice: TimeSlice
    public var change: StateChange

    public init(pair: StreamID, from: FuzzyDate, to: FuzzyDate, slice: TimeSlice, change: StateChange) {
        self.pair = pair; self.from = from; self.to = to; self.slice = slice; self.change = change
    }

    /// `{"pair","from","to","atSeq","knownAt"}` and the members of `StateChange.json`.
    public var json: JSONValue {
        var o = change.members
        o["pair"] = .string(pair.description)
        o["from"] = .string(from.description)
        o["to"] = .string(to.description)
        o["atSeq"] = slice.atSeq.map { .int($0) } ?? .null
        o["knownAt"] = slice.knownAt.map { .string($0) } ?? .null
        return .object(o)
    }

    /// `StateChange.table`.
    public var table: Table { change.table }
}

/// What the log learned about a relationship between two positions: the answer to
/// `diff A B --from-seq --to-seq`.
public struct SeqDiff: Hashable, Sendable {
    /// A corroboration recorded in the window, with the fact it names (as known at `toSeq`).
    public struct Corroboration: Hashable, Sendable {
        public var source: SourceRef
        public var fact: FactRecord
        public init(source: SourceRef, fact: FactRecord) { self.source = source; self.fact = fact }
    }

    public var pair: StreamID
    public var fromSeq: Int64
    public var toSeq: Int64
    /// Facts appended in the window, in timeline order, as known at `toSeq`.
    public var facts: [FactRecord]
    /// Corroborations recorded in the window, by seq.
    public var corroborations: [Corroboration]
    /// Facts whose retraction was recorded in the window, by the retraction's seq.
    public var retractions: [FactRecord]
    /// The bilateral state at `toSeq` against at `fromSeq`.
    public var change: StateChange

    public init(pair: StreamID, fromSeq: Int64, toSeq: Int64, facts: [FactRecord], corroborations: [Corroboration],
                retractions: [FactRecord], change: StateChange) {
        self.pair = pair; self.fromSeq = fromSeq; self.toSeq = toSeq; self.facts = facts
        self.corroborations = corroborations; self.retractions = retractions; self.change = change
    }

    /// `{"pair","fromSeq","toSeq","facts":[history items],"corroborations":[{"seq","id","event",
    /// "type","occurred","summary","source","article"}],"retractions":[{"seq","id","event","type",
    /// "occurred","summary","reason"}],"change":StateChange}`.
    public var json: JSONValue {
        .object([
            "pair": .string(pair.description), "fromSeq": .int(fromSeq), "toSeq": .int(toSeq),
            "facts": .array(facts.map(\.historyJSON)),
            "corroborations": .array(corroborations.map { c in
                .object(["seq": .int(c.source.seq), "id": .string(c.source.event), "event": .string(c.fact.id),
                         "type": .string(c.fact.type.rawValue), "occurred": .string(c.fact.occurred.description),
                         "summary": .string(c.fact.summary), "source": .string(c.source.file),
                         "article": .string(c.source.article)])
            }),
            "retractions": .array(retractions.map { r in
                .object(["seq": .int(r.retraction!.seq), "id": .string(r.retraction!.event), "event": .string(r.id),
                         "type": .string(r.type.rawValue), "occurred": .string(r.occurred.description),
                         "summary": .string(r.summary), "reason": .string(r.retraction!.reason)])
            }),
            "change": change.json,
        ])
    }

    /// Rows `seq | learned | occurred | summary | detail`, by seq: new facts (detail: their
    /// files), corroborations (the new file), retractions (the reason). The state change
    /// has its own `change.table`.
    public var table: Table {
        var rows = [(Int64, [String])]()
        for f in facts {
            rows.append((f.seq, [String(f.seq), "fact", f.when, f.summary, f.sources[0].file]))
        }
        for c in corroborations {
            rows.append((c.source.seq, [String(c.source.seq), "corroboration", c.fact.when, c.fact.summary, c.source.file]))
        }
        for r in retractions {
            let x = r.retraction!
            rows.append((x.seq, [String(x.seq), "retraction", r.when, r.summary, x.reason]))
        }
        return Table(header: ["seq", "learned", "occurred", "summary", "detail"],
                     rows: rows.sorted { $0.0 < $1.0 }.map(\.1))
    }
}
