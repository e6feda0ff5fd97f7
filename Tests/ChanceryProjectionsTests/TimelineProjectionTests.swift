import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct TimelineProjectionTests {
    @Test func historyListsTheVisitWithTwoSourceArticles() {
        let h = TimelineProjection.history(seedLog().events, pair: irkz)
        #expect(h.items.map(\.id) == ["ir-kz-visit", "ir-kz-turnover-40", "ir-kz-talks-narrow", "ir-kz-talks-expanded",
                                      "ir-kz-documents", "ir-kz-target-3bn", "ir-kz-fdi"])
        guard case .array(let items) = h.json else { Issue.record("not an array"); return }
        #expect(items[0] == json("""
        {"id":"ir-kz-visit","seq":1,"type":"VisitStarted","occurred":"2025-12-10","occurredUntil":"2025-12-11",
         "recordedAt":"2026-01-01T00:01:00Z",
         "data":{"visitor":"IR","host":"KZ","leader":"Masoud Pezeshkian","level":"official","place":"Astana","status":"happened"},
         "summary":"IR → KZ official visit, Masoud Pezeshkian, Astana",
         "sources":["000.txt","001.txt"],"corroborations":1,"retracted":false,
         "evidence":[{"file":"000.txt","article":"sha-000.txt","quote":"quote in 000.txt","seq":1,"event":"ir-kz-visit"},
                     {"file":"001.txt","article":"sha-001.txt","quote":"quote in 001.txt","seq":4,"event":"c-visit-001"}]}
        """))
    }

    @Test func retractedFactsStayMarkedWithTheirReason() {
        var log = seedLog()
        log.retract("ir-kz-documents", id: "r-docs", reason: "no signing reported")
        let h = TimelineProjection.history(log.events, pair: irkz)
        let docs = h.items.first { $0.id == "ir-kz-documents" }!
        #expect(docs.retraction?.reason == "no signing reported")
        guard case .array(let items) = h.json else { Issue.record("not an array"); return }
        let j = items.first { $0["id"] == .string("ir-kz-documents") }!
        #expect(j["retracted"] == .bool(true))
        #expect(j["retraction"] == json(#"{"event":"r-docs","seq":16,"recordedAt":"2026-01-01T00:16:00Z","reason":"no signing reported"}"#))
        #expect(h.table.rows.first { $0.last == "ir-kz-documents" }?[6] == "yes: no signing reported")
        // Before the retraction was recorded, the fact stood.
        let before = TimelineProjection.history(log.events, pair: irkz, slice: TimeSlice(atSeq: 15))
        #expect(before.items.allSatisfy { $0.retraction == nil })
    }

    @Test func fuzzyDatesOrderYearUnknownFirstThenCoarserFirstThenSeq() {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "day-b", "2024-08-22", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "unknown-year", "--08-22", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "month", "2024-08", file: "a.txt")
        log.fact(visit("IR", "KZ"), id: "day-c", "2024-08-22", file: "b.txt")
        log.fact(agreement("IR", "KZ"), id: "year", "2024", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "earlier", "2023-12-31", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "unknown-earlier", "--01-05", file: "a.txt")
        let h = TimelineProjection.history(log.events, pair: irkz)
        #expect(h.items.map(\.id) == ["unknown-earlier", "unknown-year", "earlier", "year", "month", "day-b", "day-c"])
        let snap = BilateralStateProjection.snapshot(log.events, pair: irkz)
        #expect(snap.contact == ContactSpan(first: FuzzyDate("2023-12-31"), last: FuzzyDate("2024-08-22")))
        #expect(snap.talks.map(\.id) == ["unknown-earlier", "unknown-year", "earlier", "month"])
    }

    @Test func historyFiltersByPeriodAndType() {
        let events = seedLog().events
        let state = TimelineProjection.fold(events)
        let talks = TimelineProjection.history(state, pair: irkz, type: .talksHeld)
        #expect(talks.items.map(\.id) == ["ir-kz-talks-narrow", "ir-kz-talks-expanded"])
        let firstDay = TimelineProjection.history(state, pair: irkz, period: ValidPeriod(from: FuzzyDate("2025-12-10"), to: FuzzyDate("2025-12-10")))
        #expect(firstDay.items.map(\.id) == ["ir-kz-visit", "ir-kz-turnover-40"])
        let fromEleventh = TimelineProjection.history(state, pair: irkz, period: ValidPeriod(from: FuzzyDate("2025-12-11")))
        #expect(fromEleventh.items.count == 5)
        // Year-unknown facts only in an unbounded period.
        #expect(TimelineProjection.history(state, pair: kztj).items.count == 3)
        #expect(TimelineProjection.history(state, pair: kztj, period: ValidPeriod(to: FuzzyDate("2100"))).items.isEmpty)
    }

    @Test func historyTableRows() {
        let h = TimelineProjection.history(seedLog().events, pair: irkz, type: .visitStarted)
        #expect(h.table == Table(header: ["seq", "occurred", "type", "summary", "sources", "corroborations", "retracted", "id"],
                                 rows: [["1", "2025-12-10..2025-12-11", "VisitStarted", "IR → KZ official visit, Masoud Pezeshkian, Astana",
                                         "000.txt, 001.txt", "1", "", "ir-kz-visit"]]))
    }
}
