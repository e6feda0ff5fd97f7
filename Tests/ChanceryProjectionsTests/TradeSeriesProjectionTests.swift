import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct TradeSeriesProjectionTests {
    func log() -> TestLog {
        var log = TestLog()
        log.fact(trade("IR", "KZ", .tradeTurnover, 300_000_000, "USD", period: ("2024-01", "2024-12")), id: "t2024", "2025-02-01", file: "a.txt")
        log.fact(trade("IR", "KZ", .tradeTurnover, 40, "percent", change: .increase, period: ("2025-01", "2025-10")), id: "t40", "2025-12-10", file: "b.txt")
        log.fact(trade("IR", "KZ", .exports, 5_000_000, "USD", direction: ("KZ", "IR")), id: "x-kz", "2025-03-01", file: "a.txt")
        log.fact(trade("IR", "KZ", .exports, 7_500_000, "USD", direction: ("IR", "KZ")), id: "x-ir", "2025-03-01", file: "a.txt")
        log.fact(visit("IR", "KZ"), id: "v", "2025-12-10", file: "b.txt")
        log.corroborate("t40", id: "c", file: "c.txt")
        log.fact(trade("IR", "KZ", .tradeTurnover, 250_000_000, "USD", period: ("2023-01", "2023-12")), id: "t2023", "2025-12-11", file: "c.txt")
        return log
    }

    @Test func seriesByMetricAndDirectionInDateOrder() {
        let s = TradeSeriesProjection.series(log().events, pair: irkz)
        #expect(s.lines.map(\.key.description) == ["exports:IR>KZ", "exports:KZ>IR", "trade_turnover"])
        #expect(s.lines[2].points.map(\.id) == ["t2023", "t2024", "t40"])
        #expect(s.json["series"]?["trade_turnover"]?.arrayValue?[2] == json("""
        {"id":"t40","occurred":"2025-12-10","parties":["IR","KZ"],"metric":"trade_turnover","value":40,"unit":"percent",
         "change":"increase","period":{"from":"2025-01","to":"2025-10"},"sources":2,"files":["b.txt","c.txt"],
         "series":"trade_turnover","date":"2025-10"}
        """))
        #expect(s.table.rows.first == ["exports:IR>KZ", "2025-03-01", "7.5 mn USD", "", "2025-03-01", "1", "a.txt", "x-ir"])
        #expect(s.table.rows.last == ["trade_turnover", "2025-10", "+40 %", "2025-01..2025-10", "2025-12-10", "2", "b.txt, c.txt", "t40"])
    }

    @Test func metricFilterAndAsOf() {
        let state = TradeSeriesProjection.fold(log().events)
        let exports = TradeSeriesProjection.series(state, pair: irkz, metric: .exports)
        #expect(exports.lines.count == 2)
        #expect(exports.json["metric"] == .string("exports"))
        let early = TradeSeriesProjection.series(state, pair: irkz, metric: .tradeTurnover, slice: TimeSlice(asOf: FuzzyDate("2025-06")))
        #expect(early.lines.map { $0.points.map(\.id) } == [["t2024"]])
    }

    @Test func onlyTradeFiguresAreKeptAndRetractionsDropThem() {
        var l = log()
        l.retract("t2024", id: "r", reason: "wrong year")
        let state = TradeSeriesProjection.fold(l.events)
        #expect(state.ledger.index["v"] == nil)
        #expect(state.ledger.fact("t2024") == nil)
        #expect(TradeSeriesProjection.series(state, pair: irkz, metric: .tradeTurnover).lines[0].points.map(\.id) == ["t2023", "t40"])
    }

    @Test func seriesKeysReadBack() {
        #expect(TradeSeriesKey("investment:IR>KZ") == TradeSeriesKey(metric: .investment, direction: TradeDirection(from: "IR", to: "KZ")))
        #expect(TradeSeriesKey("trade_target") == TradeSeriesKey(metric: .tradeTarget))
        #expect(TradeSeriesKey("turnover") == nil)
        #expect(TradeSeriesKey("exports:IR") == nil)
    }

    @Test(arguments: [
        (40.0, "percent", Change.increase, "+40 %"),
        (3_000_000_000, "USD", nil, "3 bn USD"),
        (17_800_000, "USD", nil, "17.8 mn USD"),
        (1_234.5, "tonnes", nil, "1234.5 tonnes"),
        (5.25, "percent", Change.decrease, "−5.25 %"),
    ] as [(Double, String, Change?, String)])
    func amounts(value: Double, unit: String, change: Change?, text: String) {
        #expect(FactText.amount(TradeFigureReported(parties: ["IR", "KZ"], metric: .other, value: value, unit: unit, change: change)) == text)
    }
}
