import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct BilateralStateProjectionTests {
    /// A tiny log: a visit, its corroboration, talks, and the retraction of the talks.
    func tinyLog() -> TestLog {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "f1", "2025-12-10", file: "a.txt")
        log.corroborate("f1", id: "c2", file: "b.txt")
        log.fact(talks("IR", "KZ"), id: "f3", "2025-12-11", file: "a.txt")
        log.retract("f3", id: "r4", reason: "wrong")
        return log
    }

    @Test func wholeStateAfterFactCorroborationAndRetraction() throws {
        let state = BilateralStateProjection.fold(tinyLog().events)
        let expected = try BilateralStateProjection.State(json: json("""
        {"projection":"bilateral","checkpoint":4,"ledger":{
          "index":{"f1":{"stream":"IR-KZ","type":"VisitStarted"},"c2":{"corroborates":"f1"},
                   "f3":{"stream":"IR-KZ","type":"TalksHeld"}},
          "streams":{"IR-KZ":{"facts":[
            {"id":"f1","seq":1,"stream":"IR-KZ","type":"VisitStarted","occurred":"2025-12-10",
             "recordedAt":"2026-01-01T00:01:00Z",
             "data":{"visitor":"IR","host":"KZ","level":"unspecified","status":"happened"},
             "sources":[
               {"event":"f1","seq":1,"recordedAt":"2026-01-01T00:01:00Z","article":"sha-a.txt","file":"a.txt","quote":"quote in a.txt"},
               {"event":"c2","seq":2,"recordedAt":"2026-01-01T00:02:00Z","article":"sha-b.txt","file":"b.txt","quote":"quote in b.txt"}]}
          ]}}}}
        """))
        #expect(state == expected)
        #expect(state.ledger.streams[irkz]?.articleRefs == ["sha-a.txt": 1, "sha-b.txt": 1])
        #expect(state.ledger.index["r4"] == nil)
    }

    @Test func timelineKeepsTheRetractedFactMarked() throws {
        let state = TimelineProjection.fold(tinyLog().events)
        let talks = try #require(state.ledger.fact("f3"))
        #expect(talks.retraction == Retraction(event: "r4", seq: 4, recordedAt: "2026-01-01T00:04:00Z", reason: "wrong"))
        // A withdrawn fact no longer counts towards the stream's articles: a.txt is cited by f1 only.
        #expect(state.ledger.streams[irkz]?.articleRefs == ["sha-a.txt": 1, "sha-b.txt": 1])
    }

    @Test func seedsState() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: irkz)
        #expect(snap.json == json("""
        {"pair":"IR-KZ","asOf":null,"atSeq":null,"knownAt":null,
         "firstContact":"2025-12-10","lastContact":"2025-12-11",
         "visits":[{"id":"ir-kz-visit","occurred":"2025-12-10","occurredUntil":"2025-12-11","visitor":"IR","host":"KZ",
                    "leader":"Masoud Pezeshkian","level":"official","place":"Astana","status":"happened",
                    "sources":2,"files":["000.txt","001.txt"]}],
         "talks":[{"id":"ir-kz-talks-narrow","occurred":"2025-12-11","parties":["IR","KZ"],"participants":[],
                   "format":"narrow","status":"happened","sources":2,"files":["000.txt","002.txt"]},
                  {"id":"ir-kz-talks-expanded","occurred":"2025-12-11","parties":["IR","KZ"],"participants":[],
                   "format":"expanded","status":"happened","sources":1,"files":["002.txt"]}],
         "agreements":[{"id":"ir-kz-documents","occurred":"2025-12-11","parties":["IR","KZ"],"title":"","kind":"documents",
                        "status":"signed","sources":1,"files":["002.txt"]}],
         "trade":{
           "trade_turnover":{"id":"ir-kz-turnover-40","occurred":"2025-12-10","parties":["IR","KZ"],"metric":"trade_turnover",
                             "value":40,"unit":"percent","change":"increase","period":{"from":"2025-01","to":"2025-10"},
                             "sources":2,"files":["000.txt","002.txt"],"series":"trade_turnover","date":"2025-10"},
           "trade_target":{"id":"ir-kz-target-3bn","occurred":"2025-12-11","parties":["IR","KZ"],"metric":"trade_target",
                           "value":3000000000,"unit":"USD","sources":1,"files":["002.txt"],"series":"trade_target",
                           "date":"2025-12-11"},
           "investment:IR>KZ":{"id":"ir-kz-fdi","occurred":"2025-12-11","parties":["IR","KZ"],"metric":"investment",
                               "value":17800000,"unit":"USD","period":{"from":"2025-01","to":"2025-12"},
                               "direction":{"from":"IR","to":"KZ"},"sources":1,"files":["002.txt"],
                               "series":"investment:IR>KZ","date":"2025-12"}},
         "sources":3,"files":["000.txt","001.txt","002.txt"],
         "counts":{"visits":{"byDirection":{"IR>KZ":1},"byLevel":{"official":1},"byStatus":{"happened":1}},
                   "talks":{"byFormat":{"narrow":1,"expanded":1},"byStatus":{"happened":2}},
                   "agreements":{"byStatus":{"signed":1},"documents":{"signed":1}}}}
        """))
    }

    @Test func yearUnknownFactsAreListedButNotContact() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: kztj)
        #expect(snap.visits.map(\.id) == ["kz-tj-visit"])
        #expect(snap.talks.map(\.id) == ["kz-tj-talks-narrow"])
        #expect(snap.agreements.map(\.id) == ["kz-tj-allied-treaty"])
        #expect(snap.contact == ContactSpan())
        #expect(snap.json["firstContact"] == .null)
        #expect(snap.sources == 1)
    }

    @Test func asOfBeforeTheVisitIsEmpty() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: irkz, slice: TimeSlice(asOf: FuzzyDate("2025-12-09")))
        #expect(snap.isEmpty)
        #expect(snap.sources == 0)
        #expect(snap.json["asOf"] == .string("2025-12-09"))
        #expect(snap.json["firstContact"] == .null)
    }

    @Test func asOfTheFirstDayShowsTheVisitCutAtThatDay() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: irkz, slice: TimeSlice(asOf: FuzzyDate("2025-12-10")))
        #expect(snap.visits.map(\.id) == ["ir-kz-visit"])
        #expect(snap.talks.isEmpty && snap.agreements.isEmpty)
        #expect(snap.trade.keys.map(\.description) == ["trade_turnover"])
        #expect(snap.contact == ContactSpan(first: FuzzyDate("2025-12-10"), last: FuzzyDate("2025-12-10")))
        // A month admits its whole month.
        let month = BilateralStateProjection.snapshot(seedLog().events, pair: irkz, slice: TimeSlice(asOf: FuzzyDate("2025-12")))
        #expect(month.talks.count == 2 && month.agreements.count == 1)
        // Year-unknown facts are left out as soon as asOf is given.
        let tj = BilateralStateProjection.snapshot(seedLog().events, pair: kztj, slice: TimeSlice(asOf: FuzzyDate("2030")))
        #expect(tj.isEmpty)
    }

    @Test func atSeqBeforeTheSecondArticleShowsOnlyTheNarrowTalks() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: irkz, slice: TimeSlice(atSeq: 4))
        #expect(snap.talks.map(\.id) == ["ir-kz-talks-narrow"])
        #expect(snap.talks[0].sourceCount == 1)
        #expect(snap.agreements.isEmpty)
        #expect(snap.visits[0].files == ["000.txt", "001.txt"])
        #expect(snap.json["atSeq"] == .int(4))
    }

    @Test func knownAtIsTransactionTimeLikeAtSeq() {
        let events = seedLog().events
        let bySeq = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(atSeq: 5))
        let byTime = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(knownAt: "2026-01-01T00:05:00Z"))
        let byOffset = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(knownAt: "2026-01-01T05:05:30.5+05:00"))
        #expect(bySeq.facts == byTime.facts)
        #expect(byTime.facts == byOffset.facts)
        #expect(byTime.talks.map(\.sourceCount) == [2])
        #expect(byTime.json["knownAt"] == .string("2026-01-01T00:05:00Z"))
        // A bare date means the whole day: everything.
        let day = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(knownAt: "2026-01-01"))
        #expect(day.facts == BilateralStateProjection.snapshot(events, pair: irkz).facts)
    }

    @Test func theTwoTimesAreIndependent() {
        var log = seedLog()
        // Learned late (seq 16) about an early fact (2025-06-01).
        log.fact(talks("IR", "KZ", format: .phone), id: "early-call", "2025-06-01", file: "005.txt")
        let events = log.events
        let asOf = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(asOf: FuzzyDate("2025-06-30")))
        #expect(asOf.talks.map(\.id) == ["early-call"])
        #expect(asOf.contact == ContactSpan(first: FuzzyDate("2025-06-01"), last: FuzzyDate("2025-06-01")))
        let atSeq = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(atSeq: 15))
        #expect(!atSeq.talks.map(\.id).contains("early-call"))
        #expect(atSeq.contact.first == FuzzyDate("2025-12-10"))
        let both = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(asOf: FuzzyDate("2025-06-30"), atSeq: 15))
        #expect(both.isEmpty)
    }

    @Test func retractedFactsAreExcludedUnlessTheRetractionIsLater() {
        var log = seedLog()
        log.retract("ir-kz-documents", id: "r-docs", reason: "no signing reported") // 16
        let events = log.events
        let now = BilateralStateProjection.snapshot(events, pair: irkz)
        #expect(now.agreements.isEmpty)
        #expect(now.sources == 3) // 002.txt is still cited by other facts
        #expect(now.counts["agreements"] == json(#"{"byStatus":{},"documents":{}}"#))
        let before = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(atSeq: 15))
        #expect(before.agreements.map(\.id) == ["ir-kz-documents"])
        let known = BilateralStateProjection.snapshot(events, pair: irkz, slice: TimeSlice(knownAt: "2026-01-01T00:15:59Z"))
        #expect(known.agreements.map(\.id) == ["ir-kz-documents"])
    }

    @Test func retractingTheOnlyFactOfAnArticleDropsTheArticle() {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "v", "2025-12-10", file: "a.txt")
        log.fact(talks("IR", "KZ"), id: "t", "2025-12-10", file: "b.txt")
        log.corroborate("t", id: "c", file: "c.txt")
        log.retract("t", id: "r", reason: "misread")
        let state = BilateralStateProjection.fold(log.events)
        #expect(state.ledger.streams[irkz]?.sourceCount == 1)
        #expect(BilateralStateProjection.snapshot(state, pair: irkz).files == ["a.txt"])
        // A corroboration of a withdrawn fact changes nothing.
        log.corroborate("t", id: "c2", file: "d.txt")
        let later = BilateralStateProjection.fold(log.events)
        #expect(later.ledger == state.ledger)
    }

    @Test func corroborationsAddDistinctArticles() {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "v", "2025-12-10", file: "a.txt")
        log.corroborate("v", id: "c1", file: "b.txt")
        log.corroborate("v", id: "c2", file: "b.txt")   // same article again
        log.corroborate("nope", id: "c3", file: "c.txt") // unknown fact: ignored
        let state = BilateralStateProjection.fold(log.events)
        let v = state.ledger.fact("v")!
        #expect(v.sources.map(\.event) == ["v", "c1", "c2"])
        #expect(v.sourceCount == 2)
        #expect(v.corroborations == 2)
        #expect(v.files == ["a.txt", "b.txt"])
        #expect(state.ledger.index["c3"] == nil)
        #expect(BilateralStateProjection.snapshot(state, pair: irkz).sources == 2)
    }

    @Test func retractingACorroborationRemovesItsSource() {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "v", "2025-12-10", file: "a.txt")
        log.corroborate("v", id: "c1", file: "b.txt")
        log.corroborate("v", id: "c2", file: "b.txt")
        log.retract("c1", id: "r1", reason: "not about this visit")
        var state = BilateralStateProjection.fold(log.events)
        #expect(state.ledger.fact("v")!.sources.map(\.event) == ["v", "c2"])
        #expect(state.ledger.streams[irkz]?.articleRefs == ["sha-a.txt": 1, "sha-b.txt": 1])
        log.retract("c2", id: "r2", reason: "neither")
        state = BilateralStateProjection.fold(log.events)
        #expect(state.ledger.fact("v")!.sources.map(\.event) == ["v"])
        #expect(state.ledger.streams[irkz]?.articleRefs == ["sha-a.txt": 1])
    }

    @Test func factsAreFoundByIdAcrossTheWholeLog() {
        // The corroboration's envelope names another stream; the fact's id decides.
        var log = TestLog()
        log.fact(visit("KZ", "UZ"), id: "v", "2025-11-15", file: "a.txt")
        log.corroborate("v", id: "c", file: "b.txt", stream: irkz)
        let state = BilateralStateProjection.fold(log.events)
        #expect(state.ledger.fact("v")?.sourceCount == 2)
        #expect(state.ledger.streams[irkz] == nil)
        #expect(state.ledger.stream(of: "c") == kzuz)
    }

    @Test func latestTradeFigureIsByPeriodEndThenSeq() {
        var log = TestLog()
        log.fact(trade("IR", "KZ", .tradeTurnover, 1_000_000, "USD", period: ("2025-01", "2025-10")), id: "a", "2025-12-10", file: "a.txt")
        log.fact(trade("IR", "KZ", .tradeTurnover, 2_000_000, "USD"), id: "b", "2025-06-01", file: "b.txt")
        var snap = BilateralStateProjection.snapshot(log.events, pair: irkz)
        #expect(snap.trade[TradeSeriesKey(metric: .tradeTurnover)]?.id == "a")
        log.fact(trade("IR", "KZ", .tradeTurnover, 3_000_000, "USD", period: ("2025-01", "2025-10")), id: "c", "2025-12-01", file: "c.txt")
        snap = BilateralStateProjection.snapshot(log.events, pair: irkz)
        #expect(snap.trade[TradeSeriesKey(metric: .tradeTurnover)]?.id == "c")
        log.retract("c", id: "r", reason: "duplicate")
        snap = BilateralStateProjection.snapshot(log.events, pair: irkz)
        #expect(snap.trade[TradeSeriesKey(metric: .tradeTurnover)]?.id == "a")
        log.retract("a", id: "r2", reason: "wrong")
        log.retract("b", id: "r3", reason: "wrong")
        snap = BilateralStateProjection.snapshot(log.events, pair: irkz)
        #expect(snap.trade.isEmpty)
    }

    @Test func evolveSkipsEventsAtOrBeforeTheCheckpoint() {
        let events = seedLog().events
        var state = BilateralStateProjection.fold(events)
        let once = state
        for e in events { BilateralStateProjection.evolve(&state, e) }
        #expect(state == once)
        #expect(state.checkpoint == 15)
    }

    @Test func tableHasOneRowPerFactPlusContactAndSources() {
        let snap = BilateralStateProjection.snapshot(seedLog().events, pair: irkz)
        let t = snap.table
        #expect(t.header == ["section", "occurred", "summary", "status", "sources", "id"])
        #expect(t.rows.count == 2 + 1 + 2 + 1 + 3 + 1)
        #expect(t.rows.allSatisfy { $0.count == t.header.count })
        #expect(t.rows[2] == ["visit", "2025-12-10..2025-12-11", "IR → KZ official visit, Masoud Pezeshkian, Astana", "happened", "2", "ir-kz-visit"])
        #expect(t.rows.last == ["sources", "", "000.txt, 001.txt, 002.txt", "", "3", ""])
    }

    @Test func restoringTheWrongProjectionFails() {
        let timeline = TimelineProjection.fold(seedLog().events)
        #expect(throws: StateDecodingError.self) { try BilateralStateProjection.State(json: timeline.json) }
        #expect(throws: StateDecodingError(path: "checkpoint", problem: "missing or not an integer")) {
            try BilateralStateProjection.State(json: json(#"{"projection":"bilateral","ledger":{}}"#))
        }
    }
}
