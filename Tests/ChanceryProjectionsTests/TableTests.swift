import ChanceryDomain
import Foundation
import Testing
@testable import ChanceryProjections

/// A big answer stays readable: one long cell does not widen its column for every row.
@Suite struct TableTests {
    @Test(arguments: [
        ([["a", "bb"], ["ccc", "d"]], [3, 2]),
        ([["section", "summary"], ["visit", String(repeating: "x", count: 201)], ["talks", "short"]], [7, 7]),
        ([["section", "summary"], ["visit", String(repeating: "x", count: 200)]], [7, 200]),
        ([[String]](), [Int]()),
    ] as [([[String]], [Int])])
    func columnWidthsLeaveOutOverlongCells(rows: [[String]], widths: [Int]) {
        #expect(Table.columnWidths(rows) == widths)
    }

    @Test(arguments: [
        (["a", "b"], 3, "a, b"),
        (["a", "b", "c"], 3, "a, b, c"),
        (["a", "b", "c", "d", "e"], 3, "a, b, c … and 2 more"),
    ])
    func listsAreCutAfterTheLimit(items: [String], limit: Int, text: String) {
        #expect(FactText.list(items, upTo: limit) == text)
    }

    /// The sources row of `state` names the first 12 files and counts the rest.
    @Test func theSourcesRowOfABigPairNamesTwelveFiles() throws {
        let pair = StreamID("IR", "KZ")!
        let talks = EventData.talksHeld(TalksHeld(parties: ["IR", "KZ"], format: .phone))
        let at = "2026-01-01T00:00:00Z"
        var facts = [FactRecord]()
        for n in 0..<20 {
            let seq = Int64(n + 1), file = String(format: "%03d.txt", n), article = String(format: "%064d", n)
            let source = SourceRef(event: "f\(n)", seq: seq, recordedAt: at, article: article, file: file, quote: "q")
            facts.append(FactRecord(id: "f\(n)", seq: seq, stream: pair, occurred: .day(year: 2020, month: 1, day: n + 1),
                                    recordedAt: at, data: talks, sources: [source]))
        }
        let table = BilateralSnapshot(pair: pair, facts: facts, slice: .all).table
        let sources = try #require(table.rows.last)
        #expect(sources[0] == "sources" && sources[4] == "20")
        #expect(sources[2] == (0..<12).map { String(format: "%03d.txt", $0) }.joined(separator: ", ") + " … and 8 more")
    }
}
