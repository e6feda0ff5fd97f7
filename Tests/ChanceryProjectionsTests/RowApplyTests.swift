import ChanceryDomain
@testable import ChanceryCore
@testable import ChanceryProjections
@testable import ChanceryStore
import Testing

/// Applying appended events on the rows by seqs and ids (`RowApply`) writes, batch after
/// batch, the rows that folding the same events into the facts writes.
@Suite struct RowApplyTests {
    /// Appends `events` in random batches of 1 to 4 to two stores, one keeping its rows by
    /// `RowApply` where it can, one always by folding; compares every row after each batch.
    /// Returns how many batches went each way in the first.
    static func compare(_ events: [RecordedEvent], seed: UInt64) throws -> [ProjectionKeeper.Path: Int] {
        let byRows = try EventStore.inMemory(), byFold = try EventStore.inMemory()
        var g = SeededGenerator(seed: seed ^ 0xA11)
        var paths = [ProjectionKeeper.Path: Int]()
        var i = 0
        while i < events.count {
            let n = min(Int.random(in: 1...4, using: &g), events.count - i)
            for (store, rows) in [(byRows, true), (byFold, false)] {
                let path = try store.write { tx -> ProjectionKeeper.Path in
                    var appended = [RecordedEvent]()
                    for e in events[i..<(i + n)] {
                        let p = PendingEvent(id: e.id, stream: e.stream, occurred: e.occurred, occurredUntil: e.occurredUntil,
                                             data: e.data, source: e.source)
                        appended += try tx.append([p], to: e.stream, expected: .any, recordedAt: e.recordedAt)
                    }
                    let keeper = ProjectionKeeper(store: store)
                    return try keeper.applied(appended, in: tx, after: appended[0].seq - 1, through: appended.last!.seq, byRows: rows)
                }
                if rows { paths[path, default: 0] += 1 } else { #expect(path == .fold) }
            }
            i += n
            let a = try allRows(byRows), b = try allRows(byFold)
            #expect(a.map(\.key) == b.map(\.key), "seed \(seed) after \(i) events")
            for (x, y) in zip(a, b) where x.value != y.value {
                Issue.record("seed \(seed) after \(i) events, \(x.key):\n rows: \(x.value)\n fold: \(y.value)")
                return paths
            }
        }
        return paths
    }

    /// Logs whose corroborations and retractions name events of their own pair: every batch
    /// goes by the rows.
    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func rowsEqualTheFoldsBatchAfterBatch(seed: UInt64) throws {
        let paths = try Self.compare(streamLocalLog(seed: seed, count: 180), seed: seed)
        #expect(paths[.fold] == nil && (paths[.rows] ?? 0) > 40, "seed \(seed): \(paths)")
    }

    /// Logs with events naming another pair's facts: those batches fold, the rows still agree.
    @Test(arguments: 1...6 as ClosedRange<UInt64>)
    func eventsAcrossPairsFold(seed: UInt64) throws {
        let paths = try Self.compare(randomLog(seed: seed, count: 180), seed: seed)
        #expect((paths[.rows] ?? 0) > 0, "seed \(seed): \(paths)")
    }

    /// The id lists of a row stay in byte order as ids are added.
    @Test(arguments: [
        ([], "b", ["b"]), (["a", "c"], "b", ["a", "b", "c"]), (["b"], "a", ["a", "b"]), (["a"], "b", ["a", "b"]),
        (["Z", "a"], "_", ["Z", "_", "a"]), (["é"], "z", ["z", "é"]),
    ] as [([String], String, [String])])
    func idsStayInByteOrder(ids: [String], id: String, expected: [String]) {
        #expect(ProjectionKeeper.FactRow.inserting(id, into: ids) == expected)
    }
}
