import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct ReplayAuditTests {
    func auditedLog() -> TestLog {
        var log = seedLog()
        log.retract("ir-kz-documents", id: "r-docs", reason: "not signed")          // 16
        log.retract("c-visit-001", id: "r-c001", reason: "another visit")           // 17
        log.corroborate("kz-uz-visit", id: "c-uz", file: "005.txt", stream: irkz)   // 18: another pair's fact
        log.corroborate("missing", id: "c-missing", file: "005.txt", stream: irkz)  // 19: unknown fact
        return log
    }

    @Test func stepsOfThePair() {
        let steps = ReplayAudit.steps(auditedLog().events, pair: irkz)
        #expect(steps.map(\.seq) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17, 19])
        #expect(steps[0].json == json("""
        {"event":{"seq":1,"id":"ir-kz-visit","occurred":"2025-12-10","type":"VisitStarted",
                  "summary":"IR → KZ official visit, Masoud Pezeshkian, Astana","source":"000.txt"},
         "change":{"added":{"kind":"visit","item":{"id":"ir-kz-visit","occurred":"2025-12-10","occurredUntil":"2025-12-11",
                    "visitor":"IR","host":"KZ","leader":"Masoud Pezeshkian","level":"official","place":"Astana",
                    "status":"happened","sources":1,"files":["000.txt"]}},
                   "firstContact":{"old":null,"new":"2025-12-10"},"lastContact":{"old":null,"new":"2025-12-11"},
                   "sources":{"old":0,"new":1}}}
        """))
        #expect(steps[3].json["change"] == json("""
        {"sourceAdded":{"fact":"ir-kz-visit","kind":"visit","file":"001.txt","sources":{"old":1,"new":2}},
         "sources":{"old":1,"new":2}}
        """))
        #expect(steps[11].json["change"] == json("""
        {"sourceWithdrawn":{"fact":"ir-kz-visit","kind":"visit","file":"001.txt","sources":{"old":2,"new":1}},
         "sources":{"old":3,"new":2}}
        """))
        #expect(steps[12].json["change"] == json(#"{"ignored":"unknownEvent"}"#))
    }

    @Test func stepsAsText() {
        let lines = ReplayAudit.lines(ReplayAudit.steps(auditedLog().events, pair: irkz))
        #expect(lines == [
            "#1 2025-12-10 VisitStarted  IR → KZ official visit, Masoud Pezeshkian, Astana  [000.txt]",
            "    + visit: IR → KZ official visit, Masoud Pezeshkian, Astana",
            "    first contact: — → 2025-12-10",
            "    last contact: — → 2025-12-11",
            "    sources: 0 → 1",
            "#2 2025-12-11 TalksHeld  IR–KZ narrow talks  [000.txt]",
            "    + talks: IR–KZ narrow talks",
            "#3 2025-12-10 TradeFigureReported  IR–KZ trade turnover +40 % (2025-01..2025-10)  [000.txt]",
            "    + trade: IR–KZ trade turnover +40 % (2025-01..2025-10)",
            "    trade_turnover: — → +40 % (2025-01..2025-10)",
            "#4 2025-12-12 EventCorroborated  corroborates IR → KZ official visit, Masoud Pezeshkian, Astana  [001.txt]",
            "    + source 001.txt for visit ir-kz-visit (articles 1 → 2)",
            "    sources: 1 → 2",
            "#5 2025-12-12 EventCorroborated  corroborates IR–KZ narrow talks  [002.txt]",
            "    + source 002.txt for talks ir-kz-talks-narrow (articles 1 → 2)",
            "    sources: 2 → 3",
            "#6 2025-12-11 TalksHeld  IR–KZ expanded talks  [002.txt]",
            "    + talks: IR–KZ expanded talks",
            "#7 2025-12-11 AgreementSigned  IR–KZ documents signed  [002.txt]",
            "    + agreement: IR–KZ documents signed",
            "#8 2025-12-12 EventCorroborated  corroborates IR–KZ trade turnover +40 % (2025-01..2025-10)  [002.txt]",
            "    + source 002.txt for trade ir-kz-turnover-40 (articles 1 → 2)",
            "#9 2025-12-11 TradeFigureReported  IR–KZ trade target 3 bn USD  [002.txt]",
            "    + trade: IR–KZ trade target 3 bn USD",
            "    trade_target: — → 3 bn USD",
            "#10 2025-12-11 TradeFigureReported  IR → KZ investment 17.8 mn USD (2025-01..2025-12)  [002.txt]",
            "    + trade: IR → KZ investment 17.8 mn USD (2025-01..2025-12)",
            "    investment:IR>KZ: — → 17.8 mn USD (2025-01..2025-12)",
            "#16 2026-01-01 EventRetracted  retracts IR–KZ documents signed: not signed  [manual]",
            "    − agreement retracted: IR–KZ documents signed (not signed)",
            "#17 2026-01-01 EventRetracted  retracts corroboration c-visit-001 (001.txt) of IR → KZ official visit, Masoud Pezeshkian, Astana: another visit  [manual]",
            "    − source 001.txt withdrawn from visit ir-kz-visit (articles 2 → 1)",
            "    sources: 3 → 2",
            "#19 2025-12-12 EventCorroborated  corroborates missing  [005.txt]",
            "    no change (unknownEvent)",
        ])
    }

    @Test func retractingTheLatestFigureAndTheOnlyContact() {
        var log = TestLog()
        log.fact(trade("IR", "KZ", .exports, 1_000_000, "USD", period: ("2024-01", "2024-12")), id: "x24", "2025-01-10", file: "a.txt")
        log.fact(trade("IR", "KZ", .exports, 2_000_000, "USD", period: ("2025-01", "2025-12")), id: "x25", "2026-01-10", file: "b.txt")
        log.fact(trade("IR", "KZ", .exports, 9_000_000, "USD", period: ("2023-01", "2023-12")), id: "x23", "2026-01-11", file: "b.txt")
        log.fact(visit("IR", "KZ"), id: "v", "2025-05-05", file: "a.txt")
        log.retract("x25", id: "r1", reason: "misread")
        log.retract("v", id: "r2", reason: "misread")
        let steps = ReplayAudit.steps(log.events, pair: irkz)
        #expect(steps[1].change.trade?.old?.id == "x24" && steps[1].change.trade?.new?.id == "x25")
        #expect(steps[2].change.trade == nil) // an older period does not change the latest
        #expect(steps[4].change.trade?.old?.id == "x25" && steps[4].change.trade?.new?.id == "x24")
        #expect(steps[4].change.sources == nil) // b.txt still cited by x23
        #expect(steps[5].change.firstContact == Transition(old: FuzzyDate("2025-05-05"), new: nil))
        #expect(steps[5].change.lastContact == Transition(old: FuzzyDate("2025-05-05"), new: nil))
        #expect(ReplayAudit.table(steps).rows[4] == ["5", "2026-01-01", "EventRetracted", "retracts IR–KZ exports 2 mn USD (2025-01..2025-12): misread",
                                                    "manual", "− trade retracted: IR–KZ exports 2 mn USD (2025-01..2025-12) (misread); exports: 2 mn USD (2025-01..2025-12) → 1 mn USD (2024-01..2024-12)"])
    }

    @Test func sliceLimitsTheSteps() {
        let steps = ReplayAudit.steps(auditedLog().events, pair: irkz, slice: TimeSlice(atSeq: 5))
        #expect(steps.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(ReplayAudit.json(steps).arrayValue?.count == 5)
    }
}
