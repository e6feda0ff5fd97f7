import ChanceryDomain
import Testing
@testable import ChanceryProjections

/// SplitMix64: a small seeded generator, so every failing case can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random logs of facts across a few pairs, with corroborations (some from an article the
/// fact already cites, some naming unknown ids) and retractions (of facts, of
/// corroborations, repeated, of unknown ids), with fuzzy dates of every kind and
/// recording times that sometimes repeat.
func randomLog(seed: UInt64, count: Int) -> [RecordedEvent] {
    var g = SeededGenerator(seed: seed)
    let countries: [CountryCode] = ["IR", "KZ", "TJ", "UZ", "CN"]
    var log = TestLog()
    var facts = [String](), corroborations = [String](), minute = 0
    func pick<T>(_ a: [T]) -> T { a[Int.random(in: 0..<a.count, using: &g)] }
    func date() -> String {
        let y = Int.random(in: 2023...2026, using: &g), m = Int.random(in: 1...12, using: &g), d = Int.random(in: 1...28, using: &g)
        func p(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch Int.random(in: 0..<10, using: &g) {
        case 0: return "--\(p(m))-\(p(d))"
        case 1: return "\(y)"
        case 2, 3: return "\(y)-\(p(m))"
        default: return "\(y)-\(p(m))-\(p(d))"
        }
    }
    for n in 0..<count {
        if Int.random(in: 0..<4, using: &g) > 0 { minute += 1 }
        let at = TestLog.recordedAt(Int64(minute))
        let file = "f\(Int.random(in: 0..<15, using: &g)).txt"
        let roll = Int.random(in: 0..<100, using: &g)
        if roll < 55 || facts.isEmpty {
            let a = pick(countries)
            var b = pick(countries)
            while b == a { b = pick(countries) }
            let status: FactStatus = Bool.random(using: &g) ? .happened : .planned
            let data: EventData
            switch Int.random(in: 0..<4, using: &g) {
            case 0:
                data = .visitStarted(VisitStarted(visitor: a, host: b, leader: Bool.random(using: &g) ? "Leader \(n % 7)" : nil,
                                                  level: pick(VisitLevel.allCases), place: Bool.random(using: &g) ? "City" : nil,
                                                  firstEver: pick([nil, true, false]), status: status))
            case 1:
                data = talks(a, b, format: pick(TalksFormat.allCases), participants: Bool.random(using: &g) ? ["A", "B"] : [],
                             place: Bool.random(using: &g) ? "Place" : nil, status: status)
            case 2:
                data = agreement(a, b, title: Bool.random(using: &g) ? "Title \(n)" : "", kind: pick(AgreementKind.allCases),
                                 count: Bool.random(using: &g) ? Int.random(in: 1...20, using: &g) : nil,
                                 status: Bool.random(using: &g) ? .signed : .planned)
            default:
                let value = Bool.random(using: &g) ? Double(Int.random(in: 1...5_000, using: &g)) * 1e6
                                                   : Double(Int.random(in: 1...100_000, using: &g)) / 7
                data = trade(a, b, pick(TradeMetric.allCases), value, pick(["USD", "percent", "tonnes"]),
                             change: pick([nil, Change.increase, .decrease]),
                             period: Bool.random(using: &g) ? ("2025-01", pick(["2025-06", "2025-10", "2024-12", "bad"])) : nil,
                             direction: Bool.random(using: &g) ? (a, b) : nil)
            }
            let id = "e\(n)"
            let until: String? = Int.random(in: 0..<5, using: &g) == 0 ? "2026-12-31" : nil
            log.fact(data, id: id, date(), until: until, file: file, recordedAt: at)
            facts.append(id)
        } else if roll < 80 {
            let target = Int.random(in: 0..<20, using: &g) == 0 ? "unknown\(n)" : pick(facts)
            let id = "c\(n)"
            log.append(.eventCorroborated(EventCorroborated(event: target)), id: id, stream: StreamID(pick(countries), "ZZ")!,
                       occurred: date(), file: file, recordedAt: at)
            corroborations.append(id)
        } else {
            let target: String
            switch Int.random(in: 0..<10, using: &g) {
            case 0: target = "unknown\(n)"
            case 1, 2: target = corroborations.isEmpty ? pick(facts) : pick(corroborations)
            default: target = pick(facts)
            }
            log.append(.eventRetracted(EventRetracted(event: target, reason: "reason \(n)")), id: "r\(n)",
                       stream: StreamID("KZ", pick(["IR", "TJ"]))!, occurred: date(), file: "manual", recordedAt: at)
        }
    }
    return log.events
}

/// The slices the properties are checked under.
func randomSlices(seed: UInt64, events: [RecordedEvent]) -> [TimeSlice] {
    var g = SeededGenerator(seed: seed ^ 0xABCD)
    let seq = Int64.random(in: 1...Int64(events.count), using: &g)
    let at = events[Int.random(in: 0..<events.count, using: &g)].recordedAt
    let asOf = FuzzyDate(pick(["2024-06", "2025", "2025-03-15", "2026-12-31"], &g))
    return [.all, TimeSlice(asOf: asOf), TimeSlice(atSeq: seq), TimeSlice(knownAt: at),
            TimeSlice(asOf: asOf, atSeq: seq, knownAt: at)]
}

func pick<T>(_ a: [T], _ g: inout SeededGenerator) -> T { a[Int.random(in: 0..<a.count, using: &g)] }

/// Folding `events` at once equals folding a prefix, writing the state as canonical JSON
/// text, reading it back and folding the rest.
func expectCheckpointIsExact<P: Projection>(_: P.Type, _ events: [RecordedEvent], split: Int, slice: TimeSlice,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws {
    let whole = P.fold(events, slice: slice)
    let first = P.fold(events[..<split], slice: slice)
    let text = CanonicalJSON.string(first.json)
    let restored = try P.State(json: JSONParser.parse(text))
    #expect(restored == first, "restore \(P.self) at \(split)", sourceLocation: sourceLocation)
    let continued = P.fold(events[split...], slice: slice, into: restored)
    #expect(continued == whole, "continue \(P.self) from \(split)", sourceLocation: sourceLocation)
}

@Suite struct CheckpointPropertyTests {
    @Test(arguments: 1...24 as ClosedRange<UInt64>)
    func foldingInTwoHalvesThroughJSONEqualsFoldingAtOnce(seed: UInt64) throws {
        let events = randomLog(seed: seed, count: 40 + Int(seed % 5) * 40)
        var g = SeededGenerator(seed: seed)
        for slice in randomSlices(seed: seed, events: events) {
            let split = Int.random(in: 0...events.count, using: &g)
            try expectCheckpointIsExact(BilateralStateProjection.self, events, split: split, slice: slice)
            try expectCheckpointIsExact(TimelineProjection.self, events, split: split, slice: slice)
            try expectCheckpointIsExact(TradeSeriesProjection.self, events, split: split, slice: slice)
            try expectCheckpointIsExact(AgreementsProjection.self, events, split: split, slice: slice)
            try expectCheckpointIsExact(PartnersProjection.self, events, split: split, slice: slice)
            try expectCheckpointIsExact(AllProjections.self, events, split: split, slice: slice)
        }
    }

    @Test func oneFoldOfAllProjectionsEqualsEachFold() {
        let events = randomLog(seed: 7, count: 250)
        let all = AllProjections.fold(events)
        #expect(all.bilateral == BilateralStateProjection.fold(events))
        #expect(all.timeline == TimelineProjection.fold(events))
        #expect(all.trade == TradeSeriesProjection.fold(events))
        #expect(all.agreements == AgreementsProjection.fold(events))
        #expect(all.partners == PartnersProjection.fold(events))
        #expect(all.checkpoint == 250)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func validTimeAtQueryEqualsValidTimeAtFold(seed: UInt64) {
        let events = randomLog(seed: seed, count: 150)
        for slice in randomSlices(seed: seed, events: events) {
            let full = BilateralStateProjection.fold(events, slice: slice.withoutAsOf)
            let cut = BilateralStateProjection.fold(events, slice: slice)
            let timeline = TimelineProjection.fold(events, slice: slice.withoutAsOf)
            let timelineCut = TimelineProjection.fold(events, slice: slice)
            for pair in full.ledger.streams.keys {
                #expect(BilateralStateProjection.snapshot(full, pair: pair, slice: slice).json
                        == BilateralStateProjection.snapshot(cut, pair: pair, slice: slice).json)
                #expect(TimelineProjection.history(timeline, pair: pair, slice: slice).json
                        == TimelineProjection.history(timelineCut, pair: pair, slice: slice).json)
            }
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func projectionsAgreeWithEachOther(seed: UInt64) {
        let events = randomLog(seed: seed, count: 200)
        let bilateral = BilateralStateProjection.fold(events)
        let timeline = TimelineProjection.fold(events)
        let tradeState = TradeSeriesProjection.fold(events)
        let agreements = AgreementsProjection.fold(events)
        let partners = PartnersProjection.fold(events)
        #expect(partners.ledger == bilateral.ledger)
        for (pair, stream) in bilateral.ledger.streams {
            // The live facts of the timeline are the bilateral state's facts.
            let live = timeline.ledger.streams[pair]!.facts.values.filter { $0.retraction == nil }
            #expect(Dictionary(uniqueKeysWithValues: live.map { ($0.id, $0) }) == stream.facts)
            #expect(timeline.ledger.streams[pair]!.articleRefs == stream.articleRefs)
            let snap = BilateralStateProjection.snapshot(bilateral, pair: pair)
            // Sources count articles of live facts.
            #expect(snap.sources == stream.sourceCount)
            // The latest figure of each series is the last point of the series.
            let series = TradeSeriesProjection.series(tradeState, pair: pair)
            #expect(Dictionary(uniqueKeysWithValues: series.lines.map { ($0.key, $0.points.last!.id) }) == snap.trade.mapValues(\.id))
            #expect(AgreementsProjection.list(agreements, pair: pair).items == snap.agreements)
        }
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func theStepperEndsWhereTheStateIs(seed: UInt64) {
        let events = randomLog(seed: seed, count: 200)
        let state = BilateralStateProjection.fold(events)
        for pair in state.ledger.streams.keys {
            let snap = BilateralStateProjection.snapshot(state, pair: pair)
            var sources = 0, contact = ContactSpan(), latest = [TradeSeriesKey: String]()
            var live = Set<String>()
            for step in ReplayAudit.steps(events, pair: pair) {
                if let t = step.change.sources { #expect(t.old == sources); sources = t.new }
                if let t = step.change.firstContact { #expect(t.old == contact.first); contact.first = t.new }
                if let t = step.change.lastContact { #expect(t.old == contact.last); contact.last = t.new }
                if let t = step.change.trade { #expect(latest[t.key] == t.old?.id); latest[t.key] = t.new?.id }
                if let f = step.change.added { live.insert(f.id) }
                if let r = step.change.retracted { #expect(live.remove(r.fact.id) != nil) }
            }
            #expect(sources == snap.sources)
            #expect(contact == snap.contact)
            #expect(latest.compactMapValues { $0 } == snap.trade.mapValues(\.id))
            #expect(live == Set(state.ledger.streams[pair]!.facts.keys))
        }
    }

    @Test func tablesAreRectangular() {
        let events = randomLog(seed: 99, count: 300)
        let b = BilateralStateProjection.fold(events), t = TimelineProjection.fold(events)
        var tables = [Table]()
        for pair in b.ledger.streams.keys {
            tables.append(BilateralStateProjection.snapshot(b, pair: pair).table)
            tables.append(TimelineProjection.history(t, pair: pair).table)
            tables.append(TradeSeriesProjection.series(TradeSeriesProjection.fold(events), pair: pair).table)
            tables.append(RelationshipDiff.byDate(b, pair: pair, from: FuzzyDate("2024")!, to: FuzzyDate("2026")!).table)
            tables.append(RelationshipDiff.bySeq(events, pair: pair, from: 50, to: 250).table)
            tables.append(ReplayAudit.table(ReplayAudit.steps(events, pair: pair)))
        }
        tables.append(AgreementsProjection.list(AgreementsProjection.fold(events)).table)
        tables.append(PartnersProjection.ranking(PartnersProjection.fold(events), country: "KZ").table)
        for table in tables {
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
        #expect(tables.contains { !$0.rows.isEmpty })
    }
}
