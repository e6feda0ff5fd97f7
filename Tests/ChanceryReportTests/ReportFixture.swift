import Foundation
import ChanceryDomain
import ChanceryProjections
@testable import ChanceryReport

/// A hand-built log of one pair and the report the projections make of it.
struct ReportFixture {
    static let pair = StreamID("IR-KZ")!
    var events: [RecordedEvent] = []
    var rules: [String: String] = [:]

    /// Appends an event with the next seq; its source quotes `quote` from `file`.
    @discardableResult
    mutating func append(_ data: EventData, id: String, occurred: String, until: String? = nil,
                         quote: String = "A sentence.", file: String = "a.txt", rule: String = "test.rule") -> String {
        let seq = Int64(events.count + 1)
        events.append(RecordedEvent(seq: seq, id: id, stream: ReportFixture.pair, occurred: FuzzyDate(occurred)!,
                                    occurredUntil: until.map { FuzzyDate($0)! }, recordedAt: "2026-01-01T00:00:\(seq < 10 ? "0" : "")\(seq)Z",
                                    data: data, source: Provenance(article: "sha-" + file, file: file, quote: quote, span: [0, 1], rule: rule),
                                    prevHash: "", hash: "h\(seq)"))
        rules[id] = rule
        return id
    }

    static func visit(_ status: FactStatus = .happened, leader: String? = "Masoud Pezeshkian") -> EventData {
        .visitStarted(VisitStarted(visitor: "IR", host: "KZ", leader: leader, level: .official, place: "Astana", status: status))
    }

    static func talks(_ format: TalksFormat = .narrow, _ status: FactStatus = .happened) -> EventData {
        .talksHeld(TalksHeld(parties: ["IR", "KZ"], format: format, status: status))
    }

    static func agreement(_ title: String = "", _ status: SigningStatus = .signed) -> EventData {
        .agreementSigned(AgreementSigned(parties: ["IR", "KZ"], title: title, kind: .documents, status: status))
    }

    static func trade(_ metric: TradeMetric, _ value: Double, _ unit: String, change: Change? = nil, period: (String, String)? = nil,
                      direction: TradeDirection? = nil) -> EventData {
        .tradeFigureReported(TradeFigureReported(parties: ["IR", "KZ"], metric: metric, value: value, unit: unit, change: change,
                                                 period: period.map { Period(from: $0.0, to: $0.1) }, direction: direction))
    }

    mutating func corroborate(_ fact: String, id: String, file: String, quote: String = "Another sentence.") {
        append(.eventCorroborated(EventCorroborated(event: fact)), id: id, occurred: "2025-12-12", quote: quote, file: file)
    }

    mutating func retract(_ fact: String, id: String, reason: String) {
        append(.eventRetracted(EventRetracted(event: fact, reason: reason)), id: id, occurred: "2026-01-01", file: "manual", rule: "manual")
    }

    /// The report of the log as `slice` sees it, built from the four query results.
    func report(_ slice: TimeSlice = .all) -> RelationshipReport {
        let p = ReportFixture.pair
        var articles = [String: ReportContext.Article]()
        for e in events { articles[e.source.article] = .init(sha256: e.source.article, name: e.source.file, published: "2025-12-11", language: "kk") }
        return RelationshipReport(
            pair: p, names: ["IR": "Iran", "KZ": "Kazakhstan"],
            state: BilateralStateProjection.snapshot(events, pair: p, slice: slice),
            history: TimelineProjection.history(events, pair: p, slice: slice),
            trade: TradeSeriesProjection.series(events, pair: p, slice: slice),
            agreements: AgreementsProjection.list(events, pair: p, slice: slice),
            context: ReportContext(head: .init(seq: Int64(events.count), hash: "feedface"), articles: articles, rules: rules))
    }

    /// A log with one fact of each type on the same day, a second talks round and two trade figures.
    static var seedsLike: ReportFixture {
        var f = ReportFixture()
        let v = f.append(visit(), id: "visit1", occurred: "2025-12-11", quote: "Пезешкиан Астанаға келді.", file: "000.txt")
        f.append(talks(.narrow), id: "talks1", occurred: "2025-12-11", file: "000.txt")
        f.append(talks(.expanded), id: "talks2", occurred: "2025-12-11", file: "002.txt")
        f.append(agreement(), id: "agr1", occurred: "2025-12-11", file: "002.txt")
        f.append(trade(.tradeTurnover, 40, "percent", change: .increase, period: ("2025-01", "2025-10")), id: "turn40",
                 occurred: "2025-12-11", file: "000.txt")
        f.append(trade(.tradeTarget, 3e9, "USD"), id: "target3bn", occurred: "2025-12-11", file: "002.txt")
        f.corroborate(v, id: "corr1", file: "001.txt")
        return f
    }
}

extension String {
    /// The number of non-overlapping occurrences of `s`.
    func count(of s: String) -> Int { components(separatedBy: s).count - 1 }
}
