import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct AgreementsProjectionTests {
    @Test func registryAcrossPairs() {
        let list = AgreementsProjection.list(seedLog().events)
        #expect(list.items.map(\.id) == ["ir-kz-documents", "kz-tj-allied-treaty"])
        #expect(list.json == json("""
        [{"pair":"IR-KZ","id":"ir-kz-documents","occurred":"2025-12-11","parties":["IR","KZ"],"title":"","kind":"documents",
          "status":"signed","sources":1,"files":["002.txt"]},
         {"pair":"KZ-TJ","id":"kz-tj-allied-treaty","occurred":"--08-22","parties":["KZ","TJ"],
          "title":"Одақтастық қатынастар туралы шарт","kind":"treaty","status":"planned","sources":1,"files":["003.txt"]}]
        """))
        #expect(list.table.rows[1] == ["KZ-TJ", "--08-22", "treaty", "Одақтастық қатынастар туралы шарт", "", "planned", "1", "kz-tj-allied-treaty"])
    }

    @Test func filtersByPairAndStatus() {
        let state = AgreementsProjection.fold(seedLog().events)
        #expect(AgreementsProjection.list(state, status: .planned).items.map(\.id) == ["kz-tj-allied-treaty"])
        #expect(AgreementsProjection.list(state, pair: irkz).items.map(\.id) == ["ir-kz-documents"])
        #expect(AgreementsProjection.list(state, pair: irkz, status: .planned).items.isEmpty)
        #expect(AgreementsProjection.list(state, pair: kzuz).items.isEmpty)
        #expect(state.ledger.index.count == 2)
    }

    @Test func retractionDropsTheAgreement() {
        var log = seedLog()
        log.retract("ir-kz-documents", id: "r", reason: "not signed")
        #expect(AgreementsProjection.list(log.events).items.map(\.id) == ["kz-tj-allied-treaty"])
        #expect(AgreementsProjection.list(log.events, slice: TimeSlice(atSeq: 15)).items.count == 2)
    }
}

@Suite struct PartnersProjectionTests {
    @Test func partnersOfKazakhstanRankedByActivity() {
        let ranking = PartnersProjection.ranking(seedLog().events, country: "KZ")
        #expect(ranking.partners.map(\.partner) == ["IR", "TJ", "UZ"])
        #expect(ranking.json == json("""
        [{"partner":"IR","pair":"IR-KZ","facts":7,"sources":3,"visits":1,"talks":2,"agreements":1,"trade":3,
          "firstContact":"2025-12-10","lastContact":"2025-12-11"},
         {"partner":"TJ","pair":"KZ-TJ","facts":3,"sources":1,"visits":1,"talks":1,"agreements":1,"trade":0,
          "firstContact":null,"lastContact":null},
         {"partner":"UZ","pair":"KZ-UZ","facts":2,"sources":1,"visits":1,"talks":1,"agreements":0,"trade":0,
          "firstContact":"2025-11-15","lastContact":"2025-11-15"}]
        """))
        #expect(ranking.table.rows[0] == ["1", "IR", "IR-KZ", "7", "3", "1", "2", "1", "3", "2025-12-10", "2025-12-11"])
    }

    @Test func periodLeavesOutOtherDatesAndUnknownYears() {
        let state = PartnersProjection.fold(seedLog().events)
        let november = PartnersProjection.ranking(state, country: "KZ", period: ValidPeriod(from: FuzzyDate("2025-11"), to: FuzzyDate("2025-11")))
        #expect(november.partners.map(\.partner) == ["UZ"])
        let late2025 = PartnersProjection.ranking(state, country: "KZ", period: ValidPeriod(from: FuzzyDate("2025-11-01")))
        #expect(late2025.partners.map(\.partner) == ["IR", "UZ"])
        #expect(PartnersProjection.ranking(state, country: "IR").partners.map(\.partner) == ["KZ"])
        #expect(PartnersProjection.ranking(state, country: "FR").partners.isEmpty)
    }

    @Test func tiesBreakBySourcesThenCode() {
        var log = TestLog()
        log.fact(visit("KZ", "UZ"), id: "u", "2025-01-01", file: "a.txt")
        log.fact(visit("KZ", "TJ"), id: "t", "2025-01-01", file: "b.txt")
        log.fact(visit("KZ", "CN"), id: "c", "2025-01-01", file: "c.txt")
        log.corroborate("u", id: "cu", file: "d.txt")
        let ranking = PartnersProjection.ranking(log.events, country: "KZ")
        #expect(ranking.partners.map(\.partner) == ["UZ", "CN", "TJ"])
    }
}
