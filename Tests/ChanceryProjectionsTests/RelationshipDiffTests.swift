import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct RelationshipDiffTests {
    @Test func betweenTwoValidDates() {
        let d = RelationshipDiff.byDate(seedLog().events, pair: irkz, from: FuzzyDate("2025-12-10")!, to: FuzzyDate("2025-12-11")!)
        #expect(d.table.rows == [
            ["added", "talks", "2025-12-11", "IR–KZ narrow talks", "", ""],
            ["added", "talks", "2025-12-11", "IR–KZ expanded talks", "", ""],
            ["added", "agreement", "2025-12-11", "IR–KZ documents signed", "", ""],
            ["trade", "investment:IR>KZ", "2025-12", "", "—", "17.8 mn USD (2025-01..2025-12)"],
            ["trade", "trade_target", "2025-12-11", "", "—", "3 bn USD"],
            ["last contact", "", "", "", "2025-12-10", "2025-12-11"],
        ])
        #expect(d.json["talks"]?.arrayValue?.map { $0["id"] } == [.string("ir-kz-talks-narrow"), .string("ir-kz-talks-expanded")])
        #expect(d.json["visits"] == .array([]))
        #expect(d.json["trade"]?["trade_target"]?["old"] == .null)
        #expect(d.json["trade"]?["trade_target"]?["new"]?["value"] == .int(3_000_000_000))
        #expect(d.json["lastContact"] == json(#"{"old":"2025-12-10","new":"2025-12-11"}"#))
        #expect(d.json["sources"] == json(#"{"old":3,"new":3}"#))
        #expect(d.json["from"] == .string("2025-12-10"))
        #expect(d.json["atSeq"] == .null)
    }

    @Test func fromNothingToEverything() {
        let d = RelationshipDiff.byDate(seedLog().events, pair: irkz, from: FuzzyDate("2025-12-09")!, to: FuzzyDate("2025")!)
        #expect(d.change.added.map(\.id) == ["ir-kz-visit", "ir-kz-talks-narrow", "ir-kz-talks-expanded", "ir-kz-documents"])
        #expect(d.change.trade.map(\.key.description) == ["investment:IR>KZ", "trade_target", "trade_turnover"])
        #expect(d.change.firstContact == Transition(old: nil, new: FuzzyDate("2025-12-10")))
        #expect(d.change.sources == Transition(old: 0, new: 3))
        #expect(d.change.removed.isEmpty)
        // The same dates give no change.
        #expect(RelationshipDiff.byDate(seedLog().events, pair: irkz, from: FuzzyDate("2025")!, to: FuzzyDate("2025")!).change.isEmpty)
    }

    @Test func dateDiffHonoursTransactionTime() {
        let d = RelationshipDiff.byDate(seedLog().events, pair: irkz, from: FuzzyDate("2025-12-09")!, to: FuzzyDate("2025-12-31")!,
                                        slice: TimeSlice(atSeq: 3))
        #expect(d.change.added.map(\.id) == ["ir-kz-visit", "ir-kz-talks-narrow"])
        #expect(d.json["atSeq"] == .int(3))
    }

    @Test func whatTheLogLearnedBetweenTwoPositions() {
        let d = RelationshipDiff.bySeq(seedLog().events, pair: irkz, from: 3, to: 10)
        #expect(d.table.rows == [
            ["4", "corroboration", "2025-12-10..2025-12-11", "IR → KZ official visit, Masoud Pezeshkian, Astana", "001.txt"],
            ["5", "corroboration", "2025-12-11", "IR–KZ narrow talks", "002.txt"],
            ["6", "fact", "2025-12-11", "IR–KZ expanded talks", "002.txt"],
            ["7", "fact", "2025-12-11", "IR–KZ documents signed", "002.txt"],
            ["8", "corroboration", "2025-12-10", "IR–KZ trade turnover +40 % (2025-01..2025-10)", "002.txt"],
            ["9", "fact", "2025-12-11", "IR–KZ trade target 3 bn USD", "002.txt"],
            ["10", "fact", "2025-12-11", "IR → KZ investment 17.8 mn USD (2025-01..2025-12)", "002.txt"],
        ])
        #expect(d.change.added.map(\.id) == ["ir-kz-talks-expanded", "ir-kz-documents"])
        #expect(d.change.trade.map(\.key.description) == ["investment:IR>KZ", "trade_target"])
        #expect(d.change.sources == Transition(old: 1, new: 3))
        #expect(d.json["corroborations"]?.arrayValue?.first == json("""
        {"seq":4,"id":"c-visit-001","event":"ir-kz-visit","type":"VisitStarted","occurred":"2025-12-10",
         "summary":"IR → KZ official visit, Masoud Pezeshkian, Astana","source":"001.txt","article":"sha-001.txt"}
        """))
        #expect(d.json["facts"]?.arrayValue?.count == 4)
        #expect(d.json["retractions"] == .array([]))
    }

    @Test func retractionsLearned() {
        var log = seedLog()
        log.retract("ir-kz-documents", id: "r-docs", reason: "not signed")
        let d = RelationshipDiff.bySeq(log.events, pair: irkz, from: 15, to: 16)
        #expect(d.facts.isEmpty && d.corroborations.isEmpty)
        #expect(d.retractions.map(\.id) == ["ir-kz-documents"])
        #expect(d.change.removed.map(\.id) == ["ir-kz-documents"])
        #expect(d.change.added.isEmpty)
        #expect(d.json["retractions"] == json("""
        [{"seq":16,"id":"r-docs","event":"ir-kz-documents","type":"AgreementSigned","occurred":"2025-12-11",
          "summary":"IR–KZ documents signed","reason":"not signed"}]
        """))
        #expect(d.json["change"]?["removed"]?.arrayValue?.first?["kind"] == .string("agreement"))
        #expect(d.table.rows == [["16", "retraction", "2025-12-11", "IR–KZ documents signed", "not signed"]])
        // Another pair learned nothing then.
        let other = RelationshipDiff.bySeq(log.events, pair: kzuz, from: 15, to: 16)
        #expect(other.table.rows.isEmpty && other.change.isEmpty)
    }
}
