import ChanceryDomain
import ChanceryProjections
import ChanceryStore

/// The read side: the answers to `state`, `history`, `trade`, `agreements`, `partners` and
/// `diff`, over a store, as values with `.json` and `.table`.
///
/// Every query takes a `TimeSlice`. Without a transaction-time bound (`atSeq`, `knownAt`) it
/// reads the persisted rows of the pairs it needs (`ProjectionKeeper`: one index range per
/// pair), cut at `asOf` in valid time: no fold of the log. With one, it folds the events the
/// log held then, of the pairs it needs only (each pair's own events, read through the
/// `events(stream, seq)` index, and the few of other streams that bear on it, as its pair
/// row lists them).
///
/// Before each query the rows are brought up to date with the log when they lag behind it
/// (`ProjectionKeeper.catchUp()`: a no-op when they do not, which is the rule). Not
/// thread-safe, like `EventStore`.
public struct QueryService {
    public let store: EventStore

    public init(store: EventStore) { self.store = store }

    private var keeper: ProjectionKeeper { ProjectionKeeper(store: store) }

    /// Brings the persisted rows up to date with the log; returns the number of events
    /// applied (0 when they were).
    @discardableResult
    public func catchUp() throws -> Int { try keeper.catchUp() }

    // MARK: Queries

    /// `state A B`: the pair's contact span, visits, talks, agreements, latest trade figures
    /// and sources, as `slice` sees them.
    public func state(_ pair: StreamID, slice: TimeSlice = .all) throws -> BilateralSnapshot {
        if slice.boundsTransactionTime {
            return BilateralStateProjection.snapshot(try events(of: [pair], slice: slice), pair: pair, slice: slice)
        }
        return BilateralStateProjection.snapshot(try persisted(BilateralStateProjection.self, [pair]), pair: pair, slice: slice)
    }

    /// `history A B`: every fact of the pair in timeline order (withdrawn ones marked), those
    /// in `period` and of `type` when given.
    public func history(_ pair: StreamID, period: ValidPeriod = .always, type: EventType? = nil,
                        slice: TimeSlice = .all) throws -> History {
        if slice.boundsTransactionTime {
            return TimelineProjection.history(try events(of: [pair], slice: slice), pair: pair, period: period, type: type, slice: slice)
        }
        return TimelineProjection.history(try persisted(TimelineProjection.self, [pair]), pair: pair, period: period, type: type,
                                          slice: slice)
    }

    /// `trade A B`: the pair's trade figures by series (of `metric` when given).
    public func trade(_ pair: StreamID, metric: TradeMetric? = nil, slice: TimeSlice = .all) throws -> TradeSeries {
        if slice.boundsTransactionTime {
            return TradeSeriesProjection.series(try events(of: [pair], slice: slice), pair: pair, metric: metric, slice: slice)
        }
        return TradeSeriesProjection.series(try persisted(TradeSeriesProjection.self, [pair]), pair: pair, metric: metric, slice: slice)
    }

    /// `agreements [A B]`: the agreements of `pair` (of every pair when `nil`) with `status`
    /// (any when `nil`).
    public func agreements(_ pair: StreamID? = nil, status: SigningStatus? = nil, slice: TimeSlice = .all) throws -> AgreementList {
        let pairs = try pair.map { [$0] } ?? self.pairs()
        if slice.boundsTransactionTime {
            return AgreementsProjection.list(try events(of: pairs, slice: slice), pair: pair, status: status, slice: slice)
        }
        return AgreementsProjection.list(try persisted(AgreementsProjection.self, pair.map { [$0] }), pair: pair, status: status,
                                         slice: slice)
    }

    /// `partners C`: the countries `country` has facts with in `period`, most active first.
    public func partners(_ country: CountryCode, period: ValidPeriod = .always, slice: TimeSlice = .all) throws -> PartnerRanking {
        if !slice.boundsTransactionTime { return try streamedPartners(country, period: period, slice: slice) }
        let pairs = try self.pairs().filter { $0.contains(country) }
        return PartnersProjection.ranking(try events(of: pairs, slice: slice), country: country, period: period, slice: slice)
    }

    /// `diff A B --from DATE --to DATE`: the relationship as of `to` against as of `from`.
    /// `slice.asOf` is ignored; its transaction-time bounds apply to both sides.
    public func diffByDate(_ pair: StreamID, from: FuzzyDate, to: FuzzyDate, slice: TimeSlice = .all) throws -> DateDiff {
        if slice.boundsTransactionTime {
            return RelationshipDiff.byDate(try events(of: [pair], slice: slice.withoutAsOf), pair: pair, from: from, to: to, slice: slice)
        }
        return RelationshipDiff.byDate(try persisted(BilateralStateProjection.self, [pair]), pair: pair, from: from, to: to, slice: slice)
    }

    /// `diff A B --from-seq N --to-seq M`: what the log learned about the pair in `(from, to]`.
    public func diffBySeq(_ pair: StreamID, from: Int64, to: Int64) throws -> SeqDiff {
        RelationshipDiff.bySeq(try events(of: [pair], slice: TimeSlice(atSeq: to)), pair: pair, from: from, to: to)
    }

    /// The pair's evolution event by event (`ReplayAudit`), over the events `slice` admits
    /// of those that bear on the pair. (An event of the pair's stream about another pair's
    /// fact, which the store never writes, would show as a step that changes nothing.)
    public func steps(_ pair: StreamID, slice: TimeSlice = .all) throws -> [AuditStep] {
        ReplayAudit.steps(try events(of: [pair], slice: slice.withoutAsOf), pair: pair, slice: slice)
    }

    /// Every pair with at least one fact (withdrawn or not), sorted.
    public func pairs() throws -> [StreamID] {
        try catchUp()
        return try keeper.pairs()
    }

    /// The last seq of the log.
    public func head() throws -> Int64 { try store.head().seq }

    // MARK: Reading

    /// The persisted state of `P` holding `pairs` (every pair when `nil`).
    func persisted<P: LedgerProjection>(_: P.Type, _ pairs: [StreamID]?) throws -> P.State {
        try catchUp()
        return P.State(parts: try keeper.parts(pairs), checkpoint: try keeper.checkpoint())
    }

    /// The events that bear on `pairs` and that `slice` may admit in transaction time
    /// (bounded by `atSeq`), in seq order: each pair's own events and those its row lists
    /// from other streams. The fold applies the rest of `slice`.
    func events(of pairs: [StreamID], slice: TimeSlice) throws -> [RecordedEvent] {
        try catchUp()
        var foreign = Set<Int64>()
        for p in pairs {
            for s in try keeper.pairRow(p)?.foreign ?? [] where slice.atSeq.map({ s <= $0 }) ?? true { foreign.insert(s) }
        }
        var out = [RecordedEvent]()
        let wanted = Set(pairs)
        for p in pairs {
            try store.forEachEvent(EventFilter(stream: p.description, throughSeq: slice.atSeq)) { out.append($0) }
        }
        for s in foreign.sorted() {
            try store.forEachEvent(EventFilter(sinceSeq: s - 1, throughSeq: s)) { e in
                if !wanted.contains(e.stream) { out.append(e) }
            }
        }
        if pairs.count > 1 || !foreign.isEmpty { out.sort { $0.seq < $1.seq } }
        return out
    }
}
