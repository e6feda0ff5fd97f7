import ChanceryDomain

/// What a trade series measures: a metric, and for directional figures (exports, imports,
/// investment) the direction. Written `trade_turnover` or `investment:IR>KZ`.
public struct TradeSeriesKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var metric: TradeMetric
    public var direction: TradeDirection?

    public init(metric: TradeMetric, direction: TradeDirection? = nil) {
        self.metric = metric
        self.direction = direction
    }

    /// The series a figure belongs to.
    public init(_ figure: TradeFigureReported) {
        self.init(metric: figure.metric, direction: figure.direction)
    }

    /// Reads `metric` or `metric:FROM>TO`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first, let m = TradeMetric(rawValue: first) else { return nil }
        metric = m
        if parts.count == 2 {
            let ends = parts[1].split(separator: ">").map(String.init)
            guard ends.count == 2, let a = CountryCode(ends[0]), let b = CountryCode(ends[1]) else { return nil }
            direction = TradeDirection(from: a, to: b)
        } else {
            direction = nil
        }
    }

    public var description: String {
        guard let d = direction else { return metric.rawValue }
        return "\(metric.rawValue):\(d.from.rawValue)>\(d.to.rawValue)"
    }

    public static func < (a: TradeSeriesKey, b: TradeSeriesKey) -> Bool { a.description < b.description }
}

extension FactRecord {
    /// The payload, when the fact is a trade figure.
    public var tradeFigure: TradeFigureReported? {
        if case .tradeFigureReported(let t) = data { return t }
        return nil
    }

    /// The date a trade figure stands for: the end of its period when it has a readable one,
    /// else when it occurred (was reported).
    public var tradeDate: FuzzyDate {
        if let p = tradeFigure?.period, let end = FuzzyDate(p.to) { return end }
        return occurred
    }

    /// Series order: by the last day of `tradeDate` (year-unknown first), then `seq`.
    /// The latest figure of a series is the last in this order.
    public static func tradeOrder(_ a: FactRecord, _ b: FactRecord) -> Bool {
        let da = a.tradeDate, db = b.tradeDate
        let ka = (da.latestDay ?? da).sortKey, kb = (db.latestDay ?? db).sortKey
        if ka != kb { return ka < kb }
        return a.seq < b.seq
    }
}
