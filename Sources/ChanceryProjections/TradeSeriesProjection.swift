import ChanceryDomain

/// The trade figures of every pair that still stand (retracted ones dropped), for series
/// per metric and direction. Queried with `series(_:pair:metric:slice:)`.
public enum TradeSeriesProjection: LedgerProjection {
    public typealias State = LedgerState<TradeSeriesProjection>
    public static let name = "trade"
    public static let policy = FactLedger.Policy(types: [.tradeFigureReported], keepsRetracted: false)

    /// What `trade A B [--metric M]` shows: the figures of `pair` (of `metric` when given)
    /// by series, each in series order (period end or occurred, then seq), as of
    /// `slice.asOf`. Transaction-time bounds are applied by `fold(_:slice:)`.
    public static func series(_ state: State, pair: StreamID, metric: TradeMetric? = nil, slice: TimeSlice = .all) -> TradeSeries {
        var lines = [TradeSeriesKey: [FactRecord]]()
        for f in state.facts(of: pair, slice: slice) {
            guard let t = f.tradeFigure, metric == nil || t.metric == metric else { continue }
            lines[TradeSeriesKey(t), default: []].append(f)
        }
        let out = lines.keys.sorted().map { TradeSeries.Line(key: $0, points: lines[$0]!.sorted(by: FactRecord.tradeOrder)) }
        return TradeSeries(pair: pair, metric: metric, slice: slice, lines: out)
    }

    /// Folds `events` with `slice` and takes the series of `pair`.
    public static func series(_ events: some Sequence<RecordedEvent>, pair: StreamID, metric: TradeMetric? = nil,
                              slice: TimeSlice = .all) -> TradeSeries {
        series(fold(events, slice: slice), pair: pair, metric: metric, slice: slice)
    }
}

/// The dated trade figures of a pair: the answer to `trade A B`.
public struct TradeSeries: Hashable, Sendable {
    /// One series: its figures, oldest first.
    public struct Line: Hashable, Sendable {
        public var key: TradeSeriesKey
        public var points: [FactRecord]
        public init(key: TradeSeriesKey, points: [FactRecord]) { self.key = key; self.points = points }
    }

    public var pair: StreamID
    public var metric: TradeMetric?
    public var slice: TimeSlice
    /// The series, by key.
    public var lines: [Line]

    public init(pair: StreamID, metric: TradeMetric?, slice: TimeSlice, lines: [Line]) {
        self.pair = pair; self.metric = metric; self.slice = slice; self.lines = lines
    }

    /// `{"pair","metric","asOf","atSeq","knownAt","series":{key:[items]}}`, items as
    /// `FactRecord.itemJSON` (`id`, `occurred`, `date`, `value`, `unit`, `change`, `period`,
    /// `direction`, `reportedBy`, `sources` count, `files`).
    public var json: JSONValue {
        var o = slice.echo
        o["pair"] = .string(pair.description)
        o["metric"] = metric.map { .string($0.rawValue) } ?? .null
        var s = [String: JSONValue]()
        for l in lines { s[l.key.description] = .array(l.points.map(\.itemJSON)) }
        o["series"] = .object(s)
        return .object(o)
    }

    /// Rows `series | date | value | period | occurred | sources | files | id`.
    public var table: Table {
        Table(header: TradeSeries.tableHeader, rows: lines.flatMap { l in l.points.compactMap { TradeSeries.row($0, series: l.key) } })
    }

    /// The header of `table`.
    public static let tableHeader = ["series", "date", "value", "period", "occurred", "sources", "files", "id"]

    /// The row of one figure of `series` (`nil` for another fact).
    public static func row(_ p: FactRecord, series: TradeSeriesKey) -> [String]? {
        guard let t = p.tradeFigure else { return nil }
        return [series.description, p.tradeDate.description, FactText.amount(t), t.period.map(FactText.period) ?? "",
                p.occurred.description, String(p.sourceCount), p.files.joined(separator: ", "), p.id]
    }
}
