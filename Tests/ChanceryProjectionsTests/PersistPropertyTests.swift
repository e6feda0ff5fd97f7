import ChanceryCore
import ChanceryDomain
import ChanceryStore
import Testing
@testable import ChanceryProjections

/// Appends a generated log to a fresh in-memory store as writers would: in transactions of
/// one to four events (each event keeps its id, stream, payload, source and recording time),
/// calling the keeper's hook inside each when `keeping` says so for that transaction. The
/// store gives the same seqs, since the store starts empty. `check` runs after each commit.
func appendInBatches(_ events: [RecordedEvent], seed: UInt64, keeping: (Int) -> Bool = { _ in true },
                     check: (EventStore, Int) throws -> Void = { _, _ in }) throws -> EventStore {
    let store = try EventStore.inMemory()
    var g = SeededGenerator(seed: seed ^ 0x5EED)
    var i = 0, batch = 0
    while i < events.count {
        let n = min(Int.random(in: 1...4, using: &g), events.count - i)
        let chunk = events[i..<(i + n)]
        try store.write { tx in
            var appended = [RecordedEvent]()
            for e in chunk {
                let p = PendingEvent(id: e.id, stream: e.stream, occurred: e.occurred, occurredUntil: e.occurredUntil,
                                     data: e.data, source: e.source)
                appended += try tx.append([p], to: e.stream, expected: .any, recordedAt: e.recordedAt)
            }
            if keeping(batch) { try ProjectionKeeper.hook(store)(tx, appended) }
        }
        i += n
        batch += 1
        try check(store, batch)
    }
    return store
}

/// Every projection row the keeper writes, as `projection/key` and value.
func allRows(_ store: EventStore) throws -> [(key: String, value: String)] {
    try [ProjectionKeeper.factsName, ProjectionKeeper.pairsName].flatMap { name in
        try store.projectionRows(name).map { (key: name + "/" + $0.key, value: $0.value) }
    }
}

/// Where two sets of states differ (projection, then pair or index), `nil` when they do not:
/// a short failure message instead of two whole states.
func difference(_ a: ProjectionSet, _ b: ProjectionSet) -> String? {
    func ledger(_ name: String, _ x: FactLedger, _ y: FactLedger) -> [String] {
        var out = [String]()
        for pair in Set(x.streams.keys).union(y.streams.keys).sorted() where x.streams[pair] != y.streams[pair] {
            out.append("\(name) \(pair)")
        }
        let ids = Set(x.index.keys).union(y.index.keys).filter { x.index[$0] != y.index[$0] }
        if !ids.isEmpty { out.append("\(name) index: \(ids.sorted().prefix(5).joined(separator: ", "))") }
        return out
    }
    var out = ledger("bilateral", a.bilateral.ledger, b.bilateral.ledger) + ledger("timeline", a.timeline.ledger, b.timeline.ledger)
        + ledger("trade", a.trade.ledger, b.trade.ledger) + ledger("agreements", a.agreements.ledger, b.agreements.ledger)
        + ledger("partners", a.partners.ledger, b.partners.ledger)
    if a.checkpoint != b.checkpoint { out.append("checkpoint \(a.checkpoint) ≠ \(b.checkpoint)") }
    if out.isEmpty && a != b { out.append("checkpoints of single projections") }
    return out.isEmpty ? nil : out.joined(separator: "; ")
}

/// The five states folded from the store's whole log.
func foldOfTheLog(_ store: EventStore) throws -> ProjectionSet {
    AllProjections.fold(try store.events())
}

@Suite struct PersistPropertyTests {
    /// The property of issue 4: the rows kept by every append = a fold of the whole log =
    /// what `replay` rebuilds (row for row, byte for byte).
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func persistedEqualsFoldEqualsReplay(seed: UInt64) throws {
        let events = randomLog(seed: seed, count: 60 + Int(seed % 4) * 50)
        let store = try appendInBatches(events, seed: seed, check: { store, batch in
            // Now and then, mid-way: the rows hold exactly the fold of the log so far.
            if batch % 9 == 0 {
                let kept = try ProjectionKeeper(store: store).state(), fold = try foldOfTheLog(store)
                let diff = difference(kept, fold)
                #expect(diff == nil, "seed \(seed) after batch \(batch)")
            }
        })
        #expect(try store.eventCount() == events.count)
        let keeper = ProjectionKeeper(store: store)
        let fold = try foldOfTheLog(store)
        #expect(try keeper.checkpoint() == Int64(events.count))
        let persisted = try keeper.state()
        let diff = difference(persisted, fold)
        #expect(diff == nil, "seed \(seed)")
        let same = persisted == fold
        #expect(same)

        let before = try allRows(store)
        let rebuilt = try keeper.rebuild()
        #expect(rebuilt.changed.isEmpty, "seed \(seed): rows differed from the replay: \(rebuilt.changed.map(\.description))")
        #expect(rebuilt.pairs == fold.pairs.count)
        #expect(rebuilt.facts == fold.timeline.ledger.streams.values.map(\.facts.count).reduce(0, +))
        let after = try allRows(store)
        #expect(after.map { $0.key } == before.map { $0.key })
        let sameRows = after.map { $0.value } == before.map { $0.value }
        #expect(sameRows)
        let replayed = difference(try keeper.state(), fold)
        #expect(replayed == nil)
    }

    /// Parts taken from a fold and put back together give the fold.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func partsPutBackTogetherGiveTheState(seed: UInt64) throws {
        let events = randomLog(seed: seed, count: 200)
        var g = SeededGenerator(seed: seed)
        let fold = AllProjections.fold(events)
        let parts = fold.parts()
        let together = difference(ProjectionSet(parts: parts.values, checkpoint: fold.checkpoint), fold)
        #expect(together == nil)
        // Through their JSON text, as rows hold them.
        let restored = try parts.values.map { try StreamPart(json: JSONParser.parse(CanonicalJSON.string($0.json))) }
        let throughText = difference(ProjectionSet(parts: restored, checkpoint: fold.checkpoint), fold)
        #expect(throughText == nil)
        // A subset of pairs gives those pairs' share of each ledger.
        for pair in fold.pairs {
            let one = ProjectionSet(parts: [parts[pair]!], checkpoint: fold.checkpoint)
            #expect(one.bilateral.ledger.streams[pair] == fold.bilateral.ledger.streams[pair])
            #expect(one.timeline.ledger.streams[pair] == fold.timeline.ledger.streams[pair])
            #expect(one.parts()[pair] == parts[pair])
            // A fact at a time, as the rows hold them, and joined again.
            let split = parts[pair]!.split()
            #expect(StreamPart(stream: pair, joining: split.reversed()) == parts[pair])
            var set = ProjectionSet()
            for p in split.shuffled(using: &g) { set.insert(p) }
            #expect(set.bilateral.ledger == one.bilateral.ledger && set.timeline.ledger == one.timeline.ledger)
        }
    }

    /// Events appended without the keeper (another tool, an older build) are applied by the
    /// catch-up from the checkpoint, and a query catches up by itself.
    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func catchUpAppliesWhatTheCheckpointMissed(seed: UInt64) throws {
        let events = randomLog(seed: seed, count: 150)
        // Every third transaction skips the keeper; the next keeper call fills the gap.
        let store = try appendInBatches(events, seed: seed, keeping: { $0 % 3 != 1 })
        let keeper = ProjectionKeeper(store: store)
        let fold = try foldOfTheLog(store)
        _ = try keeper.catchUp()
        #expect(try keeper.checkpoint() == Int64(events.count))
        let caughtUp = difference(try keeper.state(), fold)
        #expect(caughtUp == nil)

        // A store whose last transactions skipped the keeper: queries catch up first.
        let lagging = try appendInBatches(events, seed: seed, keeping: { $0 < 5 })
        #expect(try ProjectionKeeper(store: lagging).checkpoint() < Int64(events.count))
        let service = QueryService(store: lagging)
        for pair in fold.pairs {
            #expect(try service.state(pair).json == BilateralStateProjection.snapshot(fold.bilateral, pair: pair).json)
        }
        let lagged = difference(try ProjectionKeeper(store: lagging).state(), fold)
        #expect(lagged == nil)
    }

    /// Import brings the rows up to date in its own transaction.
    @Test(arguments: 1...4 as ClosedRange<UInt64>)
    func importKeepsTheProjections(seed: UInt64) throws {
        let source = try appendInBatches(randomLog(seed: seed, count: 120), seed: seed, keeping: { _ in false })
        var lines = [[UInt8]]()
        try source.exportLines { lines.append(Array($0.dropLast())) }
        let target = try EventStore.inMemory()
        try target.importLog(lines, then: { tx in try ProjectionKeeper(store: target).catchUp(in: tx) })
        #expect(try ProjectionKeeper(store: target).isCurrent())
        let imported = difference(try ProjectionKeeper(store: target).state(), try foldOfTheLog(source))
        #expect(imported == nil)
    }

    /// Every query of the service, persisted or folded (stream-filtered, with the other
    /// streams' events its row lists), equals the query over a fold of the whole log, under
    /// both time axes.
    @Test(arguments: 1...10 as ClosedRange<UInt64>)
    func queriesEqualQueriesOverTheWholeLog(seed: UInt64) throws {
        let events = randomLog(seed: seed, count: 160)
        let store = try appendInBatches(events, seed: seed)
        let log = try store.events()
        let service = QueryService(store: store)
        let fold = AllProjections.fold(log)
        var g = SeededGenerator(seed: seed)
        for slice in randomSlices(seed: seed, events: log) {
            for pair in fold.pairs {
                #expect(try service.state(pair, slice: slice).json == BilateralStateProjection.snapshot(log, pair: pair, slice: slice).json,
                        "state \(pair) \(slice)")
                let period = ValidPeriod(from: FuzzyDate("2024-03"), to: FuzzyDate("2025-10-15"))
                #expect(try service.history(pair, slice: slice).json == TimelineProjection.history(log, pair: pair, slice: slice).json,
                        "history \(pair) \(slice)")
                #expect(try service.history(pair, period: period, type: .talksHeld, slice: slice).json
                        == TimelineProjection.history(log, pair: pair, period: period, type: .talksHeld, slice: slice).json)
                #expect(try service.trade(pair, slice: slice).json == TradeSeriesProjection.series(log, pair: pair, slice: slice).json)
                #expect(try service.agreements(pair, status: .signed, slice: slice).json
                        == AgreementsProjection.list(log, pair: pair, status: .signed, slice: slice).json)
                let from = pick(["2023", "2024-06", "2025-03-15"], &g), to = pick(["2025", "2025-12-31", "2026-06"], &g)
                #expect(try service.diffByDate(pair, from: FuzzyDate(from)!, to: FuzzyDate(to)!, slice: slice).json
                        == RelationshipDiff.byDate(log, pair: pair, from: FuzzyDate(from)!, to: FuzzyDate(to)!, slice: slice).json)
            }
            #expect(try service.agreements(slice: slice).json == AgreementsProjection.list(log, slice: slice).json)
            for c in ["IR", "KZ", "TJ", "UZ", "CN", "ZZ"] as [CountryCode] {
                #expect(try service.partners(c, slice: slice).json == PartnersProjection.ranking(log, country: c, slice: slice).json,
                        "partners \(c) \(slice)")
                let period = ValidPeriod(from: FuzzyDate("2024-02"), to: FuzzyDate("2025-11-30"))
                #expect(try service.partners(c, period: period, slice: slice).json
                        == PartnersProjection.ranking(log, country: c, period: period, slice: slice).json, "partners \(c) in a period")
            }
        }
        for pair in fold.pairs {
            let a = Int64.random(in: 0...Int64(log.count), using: &g), b = Int64.random(in: a...Int64(log.count), using: &g)
            #expect(try service.diffBySeq(pair, from: a, to: b).json == RelationshipDiff.bySeq(log, pair: pair, from: a, to: b).json,
                    "diff \(pair) \(a)...\(b)")
            // The same steps, but for events of the pair's stream about other pairs' facts,
            // which the stream-filtered audit shows as changing nothing.
            let changing = { (steps: [AuditStep]) in steps.filter { $0.change.ignored == nil } }
            #expect(try changing(service.steps(pair)) == changing(ReplayAudit.steps(log, pair: pair)))
        }
    }

    /// An append reads and writes the rows of the facts it touches, not the others.
    @Test func anAppendRewritesOnlyTheRowsOfTheFactsItTouches() throws {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "a", "2025-12-10", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "b", "2025-12-10", file: "a.txt")
        log.fact(talks("KZ", "UZ"), id: "c", "2025-11-15", file: "b.txt")
        let store = try appendInBatches(log.events, seed: 1)
        let before = try allRows(store)
        #expect(before.map { $0.key } == ["facts/IR-KZ/a", "facts/IR-KZ/b", "facts/KZ-UZ/c", "pairs/IR-KZ", "pairs/KZ-UZ"])
        var more = TestLog()
        more.events = log.events
        more.corroborate("a", id: "d", file: "d.txt", stream: StreamID("KZ-UZ")!)   // recorded in another stream
        try store.write { tx in
            let e = more.events.last!
            let appended = try tx.append([PendingEvent(id: e.id, stream: e.stream, occurred: e.occurred, data: e.data, source: e.source)],
                                         to: e.stream, expected: .any, recordedAt: e.recordedAt)
            try ProjectionKeeper(store: store).apply(appended, in: tx)
        }
        let after = try allRows(store)
        #expect(after.map { $0.key } == before.map { $0.key })
        for (b, a) in zip(before, after) {
            #expect((a.value == b.value) == !["facts/IR-KZ/a", "pairs/IR-KZ"].contains(a.key), "\(a.key)")
        }
        let keeper = ProjectionKeeper(store: store)
        #expect(try keeper.pairRow(StreamID("IR-KZ")!) == ProjectionKeeper.PairRow(facts: 2, foreign: [4]))
        #expect(try keeper.part(StreamID("IR-KZ")!).facts.first { $0.id == "a" }?.sources.count == 2)
        let kept = difference(try keeper.state(), try foldOfTheLog(store))
        #expect(kept == nil)
    }
}
