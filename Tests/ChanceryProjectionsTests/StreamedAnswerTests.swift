import ChanceryDomain
@testable import ChanceryCore
@testable import ChanceryProjections
@testable import ChanceryStore
import Testing

/// `state --json` and `history --json` written a fact at a time are, byte for byte, the
/// answers built whole (`JSONText.pretty` of `state(...).json` / `history(...).json`),
/// whether the facts are kept between the two passes or read again.
@Suite struct StreamedAnswerTests {
    static let slices: [TimeSlice] = [
        .all, TimeSlice(asOf: .year(2024)), TimeSlice(asOf: .day(year: 2025, month: 3, day: 14)),
        TimeSlice(asOf: .month(year: 2023, month: 2)), TimeSlice(atSeq: 90), TimeSlice(asOf: .year(2025), atSeq: 150),
    ]

    static func streamed(_ write: (@escaping JSONStream.Sink) throws -> Void) rethrows -> String {
        var bytes = [UInt8]()
        try write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every pair of a store, with each slice and each number of facts kept (0: all read
    /// twice; 3, 6 and 9: one to three per list kept, then none; 30 000: all kept).
    @Test(arguments: [(UInt64(1), 0), (2, 3), (3, 30_000), (4, 0), (5, 9), (6, 30_000), (7, 0), (8, 6)])
    func stateIsTheWholeAnswer(seed: UInt64, kept: Int) throws {
        let store = try appendInBatches(randomLog(seed: seed, count: 220), seed: seed)
        let service = QueryService(store: store)
        var facts = 0
        for pair in try service.pairs() {
            for slice in Self.slices {
                let whole = try service.state(pair, slice: slice)
                facts += whole.visits.count + whole.talks.count + whole.agreements.count
                let text = try Self.streamed { try service.writeStateJSON(pair, slice: slice, keptFacts: kept, to: $0) }
                #expect(text == JSONText.pretty(whole.json), "seed \(seed) \(pair) \(slice.echo)")
            }
        }
        #expect(facts > 100, "the logs must give the lists something to order")
    }

    @Test(arguments: [(UInt64(11), 0), (12, 1), (13, 10_000), (14, 0), (15, 2), (16, 10_000)])
    func historyIsTheWholeAnswer(seed: UInt64, kept: Int) throws {
        let store = try appendInBatches(randomLog(seed: seed, count: 220), seed: seed)
        let service = QueryService(store: store)
        let periods = [ValidPeriod.always, ValidPeriod(from: .year(2024)), ValidPeriod(from: .month(year: 2023, month: 6), to: .year(2025))]
        let types: [EventType?] = [nil, .visitStarted, .tradeFigureReported]
        var withdrawn = 0
        for pair in try service.pairs() {
            for slice in Self.slices {
                for period in periods {
                    for type in types {
                        let whole = try service.history(pair, period: period, type: type, slice: slice)
                        withdrawn += whole.items.filter(\.isRetracted).count
                        let text = try Self.streamed {
                            try service.writeHistoryJSON(pair, period: period, type: type, slice: slice, keptFacts: kept, to: $0)
                        }
                        #expect(text == JSONText.pretty(whole.json), "seed \(seed) \(pair) \(slice.echo) \(period) \(String(describing: type))")
                    }
                }
            }
        }
        #expect(withdrawn > 0, "the logs must hold withdrawn facts")
    }

    /// The rows of the tables (and which are withdrawn), a fact at a time, are the tables of
    /// the answers built whole; asked twice, they come twice the same.
    @Test(arguments: [(UInt64(31), 0), (32, 6), (33, 30_000)])
    func tableRowsAreTheWholeTables(seed: UInt64, kept: Int) throws {
        let store = try appendInBatches(randomLog(seed: seed, count: 220), seed: seed)
        let service = QueryService(store: store)
        for pair in try service.pairs() {
            for slice in Self.slices where !slice.boundsTransactionTime {
                let whole = try service.state(pair, slice: slice).table
                try service.withStreamedState(pair, slice: slice, keptFacts: kept) { s in
                    for _ in 0..<2 {
                        var rows = [[String]]()
                        try s.forEachRow { rows.append($0) }
                        #expect(rows == whole.rows, "seed \(seed) \(pair) \(slice.echo)")
                    }
                }
                let history = try service.history(pair, period: ValidPeriod(from: .year(2024)), slice: slice)
                try service.withStreamedHistory(pair, period: ValidPeriod(from: .year(2024)), slice: slice, keptFacts: kept) { h in
                    #expect(h.count == history.items.count)
                    var rows = [[String]](), marked = [Bool]()
                    try h.forEachRow { rows.append($0); marked.append($1) }
                    #expect(rows == history.table.rows && marked == history.items.map(\.isRetracted), "seed \(seed) \(pair)")
                }
            }
        }
    }

    /// Agreements, of one pair or of all, of each status, a pair and a fact at a time: the
    /// bytes of the whole answer, and its table's rows.
    @Test(arguments: [(UInt64(41), 0), (42, 1), (43, 30_000)])
    func agreementsAreTheWholeAnswer(seed: UInt64, kept: Int) throws {
        let store = try appendInBatches(randomLog(seed: seed, count: 260), seed: seed)
        let service = QueryService(store: store)
        var listed = 0
        for pair in [nil] + (try service.pairs()) {
            for status in [nil, SigningStatus.signed, .planned] {
                for slice in Self.slices {
                    let whole = try service.agreements(pair, status: status, slice: slice)
                    listed += whole.items.count
                    let text = try Self.streamed {
                        try service.writeAgreementsJSON(pair, status: status, slice: slice, keptFacts: kept, to: $0)
                    }
                    #expect(text == JSONText.pretty(whole.json), "seed \(seed) \(String(describing: pair)) \(slice.echo)")
                    guard !slice.boundsTransactionTime else { continue }
                    try service.withStreamedAgreements(pair, status: status, slice: slice, keptFacts: kept) { list in
                        var rows = [[String]]()
                        try list.forEachRow { rows.append($0) }
                        #expect(rows == whole.table.rows)
                    }
                }
            }
        }
        #expect(listed > 50)
    }

    /// Trade series, of every metric and of one, a fact at a time: the bytes of the whole
    /// answer, and its table's rows.
    @Test(arguments: [(UInt64(51), 0), (52, 1), (53, 30_000)])
    func tradeIsTheWholeAnswer(seed: UInt64, kept: Int) throws {
        let store = try appendInBatches(randomLog(seed: seed, count: 260), seed: seed)
        let service = QueryService(store: store)
        var figures = 0
        for pair in try service.pairs() {
            for metric in [nil] + TradeMetric.allCases.prefix(2).map(Optional.some) {
                for slice in Self.slices {
                    let whole = try service.trade(pair, metric: metric, slice: slice)
                    figures += whole.lines.map(\.points.count).reduce(0, +)
                    let text = try Self.streamed { try service.writeTradeJSON(pair, metric: metric, slice: slice, keptFacts: kept, to: $0) }
                    #expect(text == JSONText.pretty(whole.json), "seed \(seed) \(pair) \(String(describing: metric)) \(slice.echo)")
                    guard !slice.boundsTransactionTime else { continue }
                    try service.withStreamedTrade(pair, metric: metric, slice: slice, keptFacts: kept) { t in
                        var rows = [[String]]()
                        try t.forEachRow { rows.append($0) }
                        #expect(rows == whole.table.rows)
                    }
                }
            }
        }
        #expect(figures > 50)
    }

    /// Rows behind the log (events appended by a tool that keeps no projections) are caught
    /// up before any streamed answer reads them: each answer on a fresh lagging store equals
    /// the answer over a fold of the whole log.
    @Test func aLaggingStoreIsCaughtUpFirst() throws {
        let events = randomLog(seed: 61, count: 200)
        func lagging() throws -> QueryService {
            let store = try appendInBatches(events, seed: 61, keeping: { $0 < 20 })
            #expect(try !ProjectionKeeper(store: store).isCurrent())
            return QueryService(store: store)
        }
        let log = try appendInBatches(events, seed: 61).events()
        let pair = StreamID("IR-KZ")!
        var rows = [[String]]()
        #expect(try Self.streamed { try lagging().writeStateJSON(pair, to: $0) }
                == JSONText.pretty(BilateralStateProjection.snapshot(log, pair: pair).json))
        #expect(try Self.streamed { try lagging().writeHistoryJSON(pair, to: $0) }
                == JSONText.pretty(TimelineProjection.history(log, pair: pair).json))
        #expect(try Self.streamed { try lagging().writeTradeJSON(pair, to: $0) }
                == JSONText.pretty(TradeSeriesProjection.series(log, pair: pair).json))
        #expect(try Self.streamed { try lagging().writeAgreementsJSON(pair, to: $0) }
                == JSONText.pretty(AgreementsProjection.list(log, pair: pair).json))
        try lagging().withStreamedAgreements(pair) { try $0.forEachRow { rows.append($0) } }
        #expect(rows == AgreementsProjection.list(log, pair: pair).table.rows)
        #expect(try lagging().partners("KZ").json == PartnersProjection.ranking(log, country: "KZ").json)
    }

    /// A pair with no fact: the empty answers.
    @Test func aPairWithoutFacts() throws {
        let store = try appendInBatches(randomLog(seed: 9, count: 40), seed: 9)
        let service = QueryService(store: store)
        let pair = StreamID("AF-ZW")!
        let state = try Self.streamed { try service.writeStateJSON(pair, to: $0) }
        #expect(state == JSONText.pretty(try service.state(pair).json))
        #expect(state.contains("\"visits\": []"))
        #expect(try Self.streamed { try service.writeHistoryJSON(pair, to: $0) } == "[]\n")
    }

    /// The text reaches the sink in pieces of about 64 KiB, not at the end only.
    @Test func aLongAnswerIsHandedOverInPieces() throws {
        let store = try appendInBatches(randomLog(seed: 21, count: 4_000), seed: 21)
        let service = QueryService(store: store)
        let pair = try service.pairs().max { try! service.history($0).items.count < service.history($1).items.count }!
        var pieces = [Int]()
        try service.writeHistoryJSON(pair, keptFacts: 0) { pieces.append($0.count) }
        #expect(pieces.count > 1)
        #expect(pieces.dropLast().allSatisfy { $0 >= 1 << 16 })
    }
}
