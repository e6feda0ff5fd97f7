import ChanceryDomain
import ChanceryProjections
import ChanceryStore

/// `state --json` and `history --json` written a fact at a time, so that answering for a
/// pair with 100 000 facts takes memory for about 70 bytes a fact, not for the facts.
///
/// From the persisted rows (no transaction-time bound), two passes over the pair's fact
/// rows: the first reads each fact to learn whether it belongs, where it sorts in the
/// timeline and what it adds to the state's summary, keeping the whole fact only while the
/// answer has at most `keptFacts`; the second writes the facts in timeline order, reading
/// again those not kept. With a transaction-time bound the answer is folded from the
/// events as `QueryService.state`/`history` do, then written. Either way the bytes are those
/// of `JSONText.pretty` of the answer's `json`.
extension QueryService {
    /// How many facts an answer keeps in memory between its two passes (a state's three
    /// lists a third each); beyond, the facts are read twice.
    public static let keptFacts = 2_000

    /// Writes `JSONText.pretty(state(pair, slice: slice).json)` to `sink`, in chunks.
    public func writeStateJSON(_ pair: StreamID, slice: TimeSlice = .all, keptFacts: Int = QueryService.keptFacts,
                               to sink: @escaping JSONStream.Sink) throws {
        try writeJSON(slice, to: sink, whole: { try state(pair, slice: slice).json }) { out in
            try withStreamedState(pair, slice: slice, keptFacts: keptFacts) { try $0.write(into: &out) }
        }
    }

    /// `JSONText.pretty` of `whole()` when `slice` bounds transaction time (such answers are
    /// folded whole), else what `streamed` writes; then the final newline.
    private func writeJSON(_ slice: TimeSlice, to sink: @escaping JSONStream.Sink, whole: () throws -> JSONValue,
                           streamed: (inout JSONStream) throws -> Void) throws {
        var out = JSONStream(sink: sink)
        if slice.boundsTransactionTime {
            try out.value(try whole(), indent: 0)
        } else {
            try streamed(&out)
        }
        out.text("\n")
        try out.flush()
    }

    /// Writes `JSONText.pretty(history(pair, period:, type:, slice:).json)` to `sink`, in chunks.
    public func writeHistoryJSON(_ pair: StreamID, period: ValidPeriod = .always, type: EventType? = nil,
                                 slice: TimeSlice = .all, keptFacts: Int = QueryService.keptFacts,
                                 to sink: @escaping JSONStream.Sink) throws {
        try writeJSON(slice, to: sink, whole: { try history(pair, period: period, type: type, slice: slice).json }) { out in
            try withStreamedHistory(pair, period: period, type: type, slice: slice, keptFacts: keptFacts) { h in
                out.openArray(indent: 0)
                try h.forEach { try out.element($0.historyJSON) }
                out.closeArray()
            }
        }
    }

    /// Writes `JSONText.pretty(agreements(pair, status:, slice:).json)` to `sink`, in chunks.
    public func writeAgreementsJSON(_ pair: StreamID? = nil, status: SigningStatus? = nil, slice: TimeSlice = .all,
                                    keptFacts: Int = QueryService.keptFacts, to sink: @escaping JSONStream.Sink) throws {
        try writeJSON(slice, to: sink, whole: { try agreements(pair, status: status, slice: slice).json }) { out in
            try withStreamedAgreements(pair, status: status, slice: slice, keptFacts: keptFacts) { list in
                out.openArray(indent: 0)
                try list.forEach { try out.element(AgreementList.itemJSON($0)) }
                out.closeArray()
            }
        }
    }

    /// Runs `body` with `agreements(pair, status:, slice:)` to be read a pair at a time,
    /// inside one read transaction. `slice` must not bound transaction time.
    public func withStreamedAgreements<T>(_ pair: StreamID? = nil, status: SigningStatus? = nil, slice: TimeSlice = .all,
                                          keptFacts: Int = QueryService.keptFacts,
                                          _ body: (StreamedAgreements) throws -> T) throws -> T {
        precondition(!slice.boundsTransactionTime, "streamed agreements read the persisted rows")
        try catchUp()
        let pairs = try pair.map { [$0] } ?? self.pairs()
        return try store.reading {
            try body(StreamedAgreements(store: store, pairs: pairs, status: status, slice: slice, keptFacts: keptFacts))
        }
    }

    /// Writes `JSONText.pretty(trade(pair, metric:, slice:).json)` to `sink`, in chunks.
    public func writeTradeJSON(_ pair: StreamID, metric: TradeMetric? = nil, slice: TimeSlice = .all,
                               keptFacts: Int = QueryService.keptFacts, to sink: @escaping JSONStream.Sink) throws {
        try writeJSON(slice, to: sink, whole: { try trade(pair, metric: metric, slice: slice).json }) { out in
            try withStreamedTrade(pair, metric: metric, slice: slice, keptFacts: keptFacts) { t in
                var members = slice.echo
                members["pair"] = .string(pair.description)
                members["metric"] = metric.map { .string($0.rawValue) } ?? .null
                members["series"] = .null
                out.text("{")
                for (n, k) in members.keys.sorted().enumerated() {
                    out.key(k, indent: 2, first: n == 0)
                    guard k == "series" else { try out.value(members[k]!, indent: 2); continue }
                    let keys = t.series.sorted { $0.description < $1.description }
                    if keys.isEmpty { out.text("{}"); continue }
                    out.text("{")
                    for (m, key) in keys.enumerated() {
                        out.key(key.description, indent: 4, first: m == 0)
                        out.openArray(indent: 4)
                        try t.forEach(key) { try out.element($0.itemJSON) }
                        out.closeArray()
                    }
                    out.closeObject(indent: 2)
                }
                out.closeObject(indent: 0)
            }
        }
    }

    /// Runs `body` with `trade(pair, metric:, slice:)` after its first pass, inside one read
    /// transaction. `slice` must not bound transaction time.
    public func withStreamedTrade<T>(_ pair: StreamID, metric: TradeMetric? = nil, slice: TimeSlice = .all,
                                     keptFacts: Int = QueryService.keptFacts, _ body: (StreamedTrade) throws -> T) throws -> T {
        precondition(!slice.boundsTransactionTime, "a streamed series reads the persisted rows")
        try catchUp()
        return try store.reading {
            var lines = [TradeSeriesKey: Listing]()
            var kept = keptFacts
            try ProjectionKeeper(store: store).forEachFact(of: pair) { key, f in
                guard TradeSeriesProjection.policy.accepts(f.type), f.retraction == nil, slice.admitsValid(f.occurred),
                      let t = f.tradeFigure, metric == nil || t.metric == metric else { return }
                let series = TradeSeriesKey(t)
                if lines[series] == nil {
                    // The facts kept go to the first series met; the others read theirs again.
                    lines[series] = Listing(keeping: kept)
                    kept = 0
                }
                let d = f.tradeDate
                lines[series]!.add(f, key: key, date: d.latestDay ?? d)
            }
            return try body(StreamedTrade(store: store, pair: pair, lines: lines))
        }
    }

    /// `partners(country, period:, slice:)` read a fact at a time, a pair after another
    /// (memory for one pair's distinct articles, not for its facts). `slice` must not bound
    /// transaction time.
    public func streamedPartners(_ country: CountryCode, period: ValidPeriod = .always,
                                 slice: TimeSlice = .all) throws -> PartnerRanking {
        precondition(!slice.boundsTransactionTime, "streamed partners read the persisted rows")
        let pairs = try self.pairs().filter { $0.contains(country) }
        return try store.reading {
            var out = [PartnerActivity]()
            let keeper = ProjectionKeeper(store: store)
            for pair in pairs {
                guard let partner = pair.other(than: country) else { continue }
                var tally = PartnerActivity.Tally(partner: partner, pair: pair, slice: slice)
                try keeper.forEachFact(of: pair) { _, f in
                    guard PartnersProjection.policy.accepts(f.type), f.retraction == nil, slice.admitsValid(f.occurred),
                          period.contains(f.occurred) else { return }
                    tally.add(f)
                }
                if tally.activity.facts > 0 { out.append(tally.activity) }
            }
            return PartnerRanking(country: country, period: period, slice: slice, partners: out)
        }
    }

    /// Runs `body` with `state(pair, slice:)` after its first pass, inside one read
    /// transaction. `slice` must not bound transaction time (those answers are folded).
    public func withStreamedState<T>(_ pair: StreamID, slice: TimeSlice = .all, keptFacts: Int = QueryService.keptFacts,
                                     _ body: (StreamedState) throws -> T) throws -> T {
        precondition(!slice.boundsTransactionTime, "a streamed state reads the persisted rows")
        try catchUp()
        return try store.reading {
            var summary = StateSummary(slice: slice)
            let each = keptFacts / 3
            var lists: [StateSummary.Section: Listing] = [.visits: Listing(keeping: each), .talks: Listing(keeping: each),
                                                          .agreements: Listing(keeping: each)]
            try ProjectionKeeper(store: store).forEachFact(of: pair) { key, f in
                guard BilateralStateProjection.policy.accepts(f.type), f.retraction == nil, slice.admitsValid(f.occurred),
                      let section = summary.add(f) else { return }
                lists[section]!.add(f, key: key)
            }
            return try body(StreamedState(store: store, pair: pair, summary: summary, lists: lists))
        }
    }

    /// Runs `body` with `history(pair, period:, type:, slice:)` after its first pass, inside
    /// one read transaction. `slice` must not bound transaction time.
    public func withStreamedHistory<T>(_ pair: StreamID, period: ValidPeriod = .always, type: EventType? = nil,
                                       slice: TimeSlice = .all, keptFacts: Int = QueryService.keptFacts,
                                       _ body: (StreamedHistory) throws -> T) throws -> T {
        precondition(!slice.boundsTransactionTime, "a streamed history reads the persisted rows")
        try catchUp()
        return try store.reading {
            var list = Listing(keeping: keptFacts)
            try ProjectionKeeper(store: store).forEachFact(of: pair) { key, f in
                guard TimelineProjection.policy.accepts(f.type), slice.admitsValid(f.occurred), period.contains(f.occurred),
                      type == nil || f.type == type else { return }
                list.add(f, key: key)
            }
            return try body(StreamedHistory(store: store, pair: pair, list: list))
        }
    }
}

/// `state A B` after its first pass: the summary, and the facts of each list given back in
/// timeline order as often as asked (each time reading again those not kept).
public struct StreamedState {
    let store: EventStore
    public let pair: StreamID
    public let summary: StateSummary
    let lists: [StateSummary.Section: Listing]

    /// The facts of one list, in timeline order.
    public func forEach(_ section: StateSummary.Section, _ body: (FactRecord) throws -> Void) throws {
        try lists[section]!.forEach(in: store, pair: pair, body)
    }

    /// The rows of `BilateralSnapshot.table`, in order.
    public func forEachRow(_ body: ([String]) throws -> Void) throws {
        for r in BilateralSnapshot.contactRows(summary.contact) { try body(r) }
        for section in [StateSummary.Section.visits, .talks, .agreements] {
            try forEach(section) { try body(BilateralSnapshot.factRow($0)) }
        }
        for k in summary.trade.keys.sorted() { try body(BilateralSnapshot.tradeRow(summary.trade[k]!)) }
        try body(BilateralSnapshot.sourcesRow(files: summary.files, sources: summary.sources))
    }

    /// `JSONText.pretty` of the snapshot's `json`, less the final newline.
    func write(into out: inout JSONStream) throws {
        var members = summary.members(pair: pair)
        let streamed = ["agreements": StateSummary.Section.agreements, "talks": .talks, "visits": .visits]
        for k in streamed.keys { members[k] = .null }
        out.text("{")
        for (n, k) in members.keys.sorted().enumerated() {
            out.key(k, indent: 2, first: n == 0)
            if let section = streamed[k] {
                out.openArray(indent: 2)
                try forEach(section) { try out.element($0.itemJSON) }
                out.closeArray()
            } else {
                try out.value(members[k]!, indent: 2)
            }
        }
        out.closeObject(indent: 0)
    }
}

/// `agreements [A B]` to be read a pair at a time: each pair's agreements in timeline order,
/// the pairs in order (each walk reads every pair's rows twice: which agreements belong and
/// in what order, then the agreements).
public struct StreamedAgreements {
    let store: EventStore
    public let pairs: [StreamID]
    let status: SigningStatus?
    let slice: TimeSlice
    let keptFacts: Int

    /// The agreements, by pair then timeline order.
    public func forEach(_ body: (FactRecord) throws -> Void) throws {
        let keeper = ProjectionKeeper(store: store)
        for pair in pairs {
            var list = Listing(keeping: keptFacts)
            try keeper.forEachFact(of: pair) { key, f in
                guard AgreementsProjection.policy.accepts(f.type), f.retraction == nil, slice.admitsValid(f.occurred),
                      case .agreementSigned(let a) = f.data, status == nil || a.status == status else { return }
                list.add(f, key: key)
            }
            try list.forEach(in: store, pair: pair, body)
        }
    }

    /// The rows of `AgreementList.table`, in order.
    public func forEachRow(_ body: ([String]) throws -> Void) throws {
        try forEach { f in if let r = AgreementList.row(f) { try body(r) } }
    }
}

/// `trade A B` after its first pass: each series' figures given back in series order
/// (`FactRecord.tradeOrder`) as often as asked.
public struct StreamedTrade {
    let store: EventStore
    public let pair: StreamID
    let lines: [TradeSeriesKey: Listing]

    /// The series, in order.
    public var series: [TradeSeriesKey] { lines.keys.sorted() }

    /// The figures of one series, oldest first.
    public func forEach(_ series: TradeSeriesKey, _ body: (FactRecord) throws -> Void) throws {
        try lines[series]?.forEach(in: store, pair: pair, body)
    }

    /// The rows of `TradeSeries.table`, in order.
    public func forEachRow(_ body: ([String]) throws -> Void) throws {
        for key in series {
            try forEach(key) { f in if let r = TradeSeries.row(f, series: key) { try body(r) } }
        }
    }
}

/// `history A B` after its first pass: the facts given back in timeline order as often as
/// asked (each time reading again those not kept).
public struct StreamedHistory {
    let store: EventStore
    public let pair: StreamID
    let list: Listing

    /// The number of facts.
    public var count: Int { list.count }

    /// The facts in timeline order.
    public func forEach(_ body: (FactRecord) throws -> Void) throws {
        try list.forEach(in: store, pair: pair, body)
    }

    /// The rows of `History.table`, each with whether the fact is withdrawn.
    public func forEachRow(_ body: ([String], Bool) throws -> Void) throws {
        try forEach { try body(History.row($0), $0.isRetracted) }
    }
}

/// The facts of one list of an answer, to be written in timeline order: where each sorts
/// and its row's key (24 bytes and the key's), with the fact itself while there are at most
/// `limit`.
struct Listing {
    struct Entry {
        /// `FuzzyDate.sortKey` packed in order: year (Int32), month, day.
        let date: Int64
        let seq: Int64
        /// The row's key in `keys`.
        let keyStart: UInt32
        let keyCount: UInt32
    }

    let limit: Int
    private var entries = [Entry]()
    private var keys = [UInt8]()
    private var kept = [Int64: FactRecord]()

    init(keeping limit: Int) { self.limit = limit }

    var count: Int { entries.count }

    static func packed(_ d: FuzzyDate) -> Int64 {
        let (y, m, day) = d.sortKey
        let year = Int64(Int32(clamping: y))
        return year << 16 | Int64(m) << 8 | Int64(day)
    }

    /// Adds a fact, to be given back in the order of `date` (its `occurred` when `nil`),
    /// then seq.
    mutating func add(_ f: FactRecord, key: String, date: FuzzyDate? = nil) {
        let start = keys.count
        keys.append(contentsOf: key.utf8)
        entries.append(Entry(date: Listing.packed(date ?? f.occurred), seq: f.seq, keyStart: UInt32(start), keyCount: UInt32(keys.count - start)))
        if entries.count <= limit {
            kept[f.seq] = f
        } else if !kept.isEmpty {
            kept.removeAll()
        }
    }

    /// The facts in timeline order (`FactRecord.timelineOrder`: by date, then seq), those
    /// not kept read again from their rows.
    func forEach(in store: EventStore, pair: StreamID, _ body: (FactRecord) throws -> Void) throws {
        let keeper = ProjectionKeeper(store: store)
        let order = entries.indices.sorted { a, b in
            let x = entries[a], y = entries[b]
            return x.date != y.date ? x.date < y.date : x.seq < y.seq
        }
        for i in order {
            let e = entries[i]
            if let f = kept[e.seq] { try body(f); continue }
            let key = String(decoding: keys[Int(e.keyStart)..<Int(e.keyStart + e.keyCount)], as: UTF8.self)
            try body(try keeper.fact(key: key, of: pair, seq: e.seq))
        }
    }
}
