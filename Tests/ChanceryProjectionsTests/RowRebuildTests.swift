import ChanceryDomain
@testable import ChanceryStore
import Testing
@testable import ChanceryCore
@testable import ChanceryProjections

/// `randomLog` with every corroboration and retraction moved into the stream of the fact it
/// names, as the store's writers record them (those naming unknown ids stay where they are).
func streamLocalLog(seed: UInt64, count: Int) -> [RecordedEvent] {
    var streamOf = [String: StreamID]()
    return randomLog(seed: seed, count: count).map { e in
        var e = e
        switch e.data {
        case .eventCorroborated(let c): if let s = streamOf[c.event] { e.stream = s }
        case .eventRetracted(let r): if let s = streamOf[r.event] { e.stream = s }
        default: break
        }
        streamOf[e.id] = e.stream
        return e
    }
}

@Suite struct RowRebuildTests {
    /// The rows spliced from the stored columns are the fold's rows, byte for byte, and the
    /// row path (not the fold) wrote them.
    @Test(arguments: 1...16 as ClosedRange<UInt64>)
    func rowsEqualTheFoldsRows(seed: UInt64) throws {
        let events = streamLocalLog(seed: seed, count: 160)
        let store = try appendInBatches(events, seed: seed)
        let keeper = ProjectionKeeper(store: store)
        let folded = try store.write { tx in try keeper.rebuildByFolding(in: tx) }
        let byFold = try allRows(store)
        let byRows = try store.write { tx in try RowRebuild(store: store).run(in: tx) }
        #expect(byRows.changed.isEmpty, "seed \(seed): pairs whose rows differ: \(byRows.changed.map(\.description))")
        #expect(byRows.facts == folded.facts && byRows.pairs == folded.pairs && byRows.checkpoint == folded.checkpoint)
        let rows = try allRows(store)
        #expect(rows.map(\.key) == byFold.map(\.key))
        for (a, b) in zip(rows, byFold) where a.value != b.value {
            Issue.record("seed \(seed) \(a.key):\n rows: \(a.value)\n fold: \(b.value)")
            break
        }
        #expect(difference(try keeper.state(), try foldOfTheLog(store)) == nil)
    }

    /// A pair read in several passes (each holding the facts of its share of the ids) gives
    /// the rows of one pass, byte for byte, from nothing and over stale rows.
    @Test(arguments: [(UInt64(1), 1), (2, 2), (3, 3), (4, 7), (5, 1), (6, 13), (7, 2), (8, 40)])
    func rowsInPassesEqualTheFoldsRows(seed: UInt64, factsPerPass: Int) throws {
        let store = try appendInBatches(streamLocalLog(seed: seed, count: 200), seed: seed)
        let keeper = ProjectionKeeper(store: store)
        let folded = try store.write { tx in try keeper.rebuildByFolding(in: tx) }
        let byFold = try allRows(store)
        // Over the fold's rows: nothing differs.
        let same = try store.write { tx in try RowRebuild(store: store, factsPerPass: factsPerPass).run(in: tx) }
        #expect(same.changed.isEmpty, "seed \(seed): \(same.changed.map(\.description))")
        #expect(same.facts == folded.facts && same.pairs == folded.pairs)
        // From nothing, and over rows of which some are wrong, missing or of no fact.
        for damage in [false, true] {
            try store.write { tx in
                if damage {
                    let rows = try store.projectionRows(ProjectionKeeper.factsName)
                    try tx.putProjection(ProjectionKeeper.factsName, key: rows[0].key, value: #"{"seq":1}"#)
                    try tx.removeProjection(ProjectionKeeper.factsName, key: rows[rows.count / 2].key)
                    try tx.putProjection(ProjectionKeeper.factsName, key: "IR-KZ/zz-no-such-fact", value: #"{"seq":2}"#)
                } else {
                    for name in [ProjectionKeeper.factsName, ProjectionKeeper.pairsName] { try tx.clearProjection(name) }
                }
            }
            let r = try store.write { tx in try RowRebuild(store: store, factsPerPass: factsPerPass).run(in: tx) }
            #expect(!r.changed.isEmpty && r.facts == folded.facts)
            let rows = try allRows(store)
            #expect(rows.map(\.key) == byFold.map(\.key), "seed \(seed), damaged \(damage)")
            for (a, b) in zip(rows, byFold) where a.value != b.value {
                Issue.record("seed \(seed) \(a.key):\n passes: \(a.value)\n fold: \(b.value)")
                break
            }
        }
    }

    /// An event naming another pair's fact is found whatever the number of passes: the pass
    /// whose share takes the id named looks it up.
    @Test(arguments: [1, 2, 3, 5, 1_000])
    func eventsAcrossPairsAreFoundInPasses(factsPerPass: Int) throws {
        for seed in [3, 4, 6] as [UInt64] {
            let store = try appendInBatches(randomLog(seed: seed, count: 120), seed: seed)
            #expect(throws: RowRebuild.Unsupported.self, "seed \(seed)") {
                try store.write { tx in try RowRebuild(store: store, factsPerPass: factsPerPass).run(in: tx) }
            }
        }
    }

    /// The shares of the ids split any ids about evenly, and every id has one.
    @Test func sharesSpreadIds() {
        for passes in [1, 2, 3, 7] {
            var counts = [Int](repeating: 0, count: passes)
            for n in 0..<7_000 { counts[RowRebuild.Share.of("e-\(n)", passes: passes)] += 1 }
            let low = counts.min()!, high = counts.max()!
            #expect(low > 7_000 / passes * 8 / 10 && high < 7_000 / passes * 12 / 10, "\(passes): \(counts)")
        }
    }

    /// A corroboration recorded in another pair's stream is left to the fold (the row path
    /// refuses it), and `rebuild()` still gives the fold's rows.
    @Test func anEventNamingAnotherPairsFactFallsBackToTheFold() throws {
        let events = randomLog(seed: 3, count: 120)
        let foreign = events.contains { e in
            if case .eventCorroborated = e.data { return e.stream.description.contains("ZZ") } else { return false }
        }
        #expect(foreign)
        let store = try appendInBatches(events, seed: 3)
        #expect(throws: RowRebuild.Unsupported.self) {
            try store.write { tx in try RowRebuild(store: store).run(in: tx) }
        }
        let keeper = ProjectionKeeper(store: store)
        let before = try allRows(store)
        let rebuilt = try keeper.rebuild()
        #expect(rebuilt.changed.isEmpty)
        #expect(try allRows(store).map(\.value) == before.map(\.value))
    }

    /// An imported log may carry payloads in another canonical form than this build writes
    /// (an extra member, a `null` member): the rows still equal the fold's.
    @Test func importedPayloadsInAnotherFormGiveTheFoldsRows() throws {
        let source = try appendInBatches(streamLocalLog(seed: 7, count: 80), seed: 7)
        var lines = [[UInt8]]()
        try source.exportLines { lines.append($0) }
        // Rewrite every domain event's data with extra members, then re-chain the log.
        var prev = Hashing.genesis
        var rewritten = [[UInt8]]()
        for line in lines {
            guard case .object(var o) = try JSONParser.parse(line), case .object(var data)? = o["data"] else { continue }
            if let t = o["type"]?.stringValue, EventType(rawValue: t)?.isDomain == true {
                data["x-note"] = .string("from another tool")
                if data["place"] == nil { data["place"] = .null }
            }
            o["data"] = .object(data)
            o["prevHash"] = .string(prev)
            o.removeValue(forKey: "hash")
            let hash = Hashing.chain(prevHash: prev, body: CanonicalJSON.bytes(.object(o)))
            o["hash"] = .string(hash)
            prev = hash
            rewritten.append(CanonicalJSON.bytes(.object(o)))
        }
        let target = try EventStore.inMemory()
        try target.importLog(rewritten)
        #expect(try target.importedThrough() == Int64(rewritten.count))
        let keeper = ProjectionKeeper(store: target)
        _ = try target.write { tx in try keeper.rebuildByFolding(in: tx) }
        let byFold = try allRows(target)
        let r = try target.write { tx in try RowRebuild(store: target).run(in: tx) }
        #expect(r.changed.isEmpty)
        #expect(try allRows(target).map(\.value) == byFold.map(\.value))
    }

    /// Rows left from a pair that no longer has facts are removed, and a changed row is named.
    @Test func staleRowsAreRemovedAndChangesNamed() throws {
        let store = try appendInBatches(streamLocalLog(seed: 5, count: 60), seed: 5)
        try store.write { tx in
            try tx.putProjection(ProjectionKeeper.pairsName, key: "AA-ZZ", value: #"{"facts":1,"foreign":[]}"#)
            try tx.putProjection(ProjectionKeeper.factsName, key: "AA-ZZ/x", value: "{}")
        }
        let r = try ProjectionKeeper(store: store).rebuild()
        #expect(r.changed.map(\.description) == ["AA-ZZ"])
        #expect(try store.projectionRows(ProjectionKeeper.factsName, keyPrefix: "AA-ZZ/").isEmpty)
        #expect(try store.projection(ProjectionKeeper.pairsName, key: "AA-ZZ") == nil)
    }
}

@Suite struct FactRowTests {
    /// A rebuild rewrites a row that differs, puts back one that is missing and removes one of
    /// a fact that does not exist; the pair is named, the others' rows are left as they were.
    @Test func aRebuildWritesOnlyWhatDiffers() throws {
        let store = try appendInBatches(streamLocalLog(seed: 11, count: 120), seed: 11)
        let keeper = ProjectionKeeper(store: store)
        #expect(try keeper.rebuild().changed.isEmpty)
        let good = try allRows(store)
        let facts = try store.projectionRows(ProjectionKeeper.factsName)
        let (first, second) = (facts[0], facts[facts.count - 1])
        let pairA = String(first.key.prefix { $0 != "/" }), pairB = String(second.key.prefix { $0 != "/" })
        try store.write { tx in
            try tx.putProjection(ProjectionKeeper.factsName, key: first.key, value: #"{"seq":1}"#)
            try tx.removeProjection(ProjectionKeeper.factsName, key: second.key)
            try tx.putProjection(ProjectionKeeper.factsName, key: pairA + "/no-such-fact", value: #"{"seq":2}"#)
        }
        let r = try keeper.rebuild()
        #expect(r.changed.map(\.description) == Array(Set([pairA, pairB])).sorted())
        let after = try allRows(store)
        #expect(after.map(\.key) == good.map(\.key))
        #expect(after.map(\.value) == good.map(\.value))
        #expect(difference(try keeper.state(), try foldOfTheLog(store)) == nil)
    }

    /// A store whose rows held whole facts (checkpoint `ledger`) is rebuilt at its first
    /// query: the rows become seq rows, the old checkpoint goes, the state is the fold's.
    @Test func rowsOfTheOldFormAreRebuiltOnFirstUse() throws {
        let store = try appendInBatches(streamLocalLog(seed: 12, count: 100), seed: 12, keeping: { _ in false })
        let fold = try foldOfTheLog(store)
        try store.write { tx in
            for part in fold.parts().values.flatMap({ $0.split() }) {
                try tx.putProjection(ProjectionKeeper.factsName, key: ProjectionKeeper.key(part.stream, part.facts[0].id),
                                     value: CanonicalJSON.string(.object(["fact": part.facts[0].json])))
            }
            try tx.setCheckpoint(ProjectionKeeper.legacyCheckpointName, seq: try store.head().seq)
        }
        let pairs = try QueryService(store: store).pairs()
        #expect(!pairs.isEmpty)
        #expect(try store.checkpoint(ProjectionKeeper.legacyCheckpointName) == 0)
        #expect(try store.checkpoint(ProjectionKeeper.checkpointName) == store.head().seq)
        for row in try store.projectionRows(ProjectionKeeper.factsName) {
            #expect(!row.value.contains("\"fact\""), "\(row.key) still holds a whole fact")
        }
        #expect(difference(try ProjectionKeeper(store: store).state(), fold) == nil)
    }

    /// A row is read back from the events it names, and refused when its seq is not its fact's.
    @Test func aRowNamingAnotherEventIsRefused() throws {
        let store = try appendInBatches(streamLocalLog(seed: 13, count: 60), seed: 13)
        let rows = try store.projectionRows(ProjectionKeeper.factsName)
        let row = try ProjectionKeeper.FactRow(text: rows[0].value, key: rows[0].key)
        let part = try row.load(from: store, key: rows[0].key)
        #expect(ProjectionKeeper.key(part.stream, part.facts[0].id) == rows[0].key)
        #expect(ProjectionKeeper.FactRow(part: part) == row)
        var wrong = row
        wrong.seq = try ProjectionKeeper.FactRow(text: rows[1].value, key: rows[1].key).seq
        #expect(throws: StateDecodingError.self) { try wrong.load(from: store, key: rows[0].key) }
        wrong.seq = try store.head().seq + 1
        #expect(throws: StateDecodingError.self) { try wrong.load(from: store, key: rows[0].key) }
        #expect(throws: StateDecodingError.self) { try ProjectionKeeper.FactRow(text: #"{"sources":[1]}"#, key: rows[0].key) }
    }
}

@Suite struct CanonicalMemberTests {
    /// The value of top-level `"event"`, as its bytes ("" when absent).
    @Test(arguments: [
        (#"{"a":1,"event":"x-1","z":[1,{"event":"no"}]}"#, #""x-1""#),
        (#"{"b":{"event":"nested"},"event":"top"}"#, #""top""#),
        (#"{"quote":"he said \"event\":\"no\"","event":"ok"}"#, #""ok""#),
        (#"{ "event" : "spaced" }"#, #""spaced""#),
        (#"{"n":-1.5e3,"event":null}"#, "null"),
        (#"{"n":[1,2]}"#, ""),
        (#"{}"#, ""),
        (#"[1,"event"]"#, ""),
        (#"{"event":"unterminated}"#, ""),
    ])
    func findsTopLevelMembersOnly(json: String, expected: String) {
        let bytes = Array(json.utf8)
        let found = bytes.withUnsafeBytes { b -> String in
            guard let r = CanonicalJSON.member("event", in: b) else { return "" }
            return String(decoding: b[r], as: UTF8.self)
        }
        #expect(found == expected, "\(json)")
    }

    @Test func decodesEscapedStrings() {
        let bytes = Array(#"{"event":"a\"b\u00e9"}"#.utf8)
        #expect(bytes.withUnsafeBytes { CanonicalJSON.stringMember("event", in: $0) } == "a\"bé")
    }
}
