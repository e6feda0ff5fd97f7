import ChanceryDomain
import ChanceryExtraction
import Testing
@testable import ChanceryCore

@Suite struct DeciderTests {
    static let article = ArticleIdentity(sha256: String(repeating: "a", count: 64), name: "new.txt")
    static let irkz = StreamID("IR", "KZ")!

    static func candidate(_ data: EventData, _ date: String, until: String? = nil, quote: String = "A sentence.") -> Candidate {
        Candidate(data: data, occurred: FuzzyDate(date)!, occurredUntil: until.flatMap(FuzzyDate.init), quote: quote, span: 0..<quote.utf8.count, rule: "test")
    }

    static func known(_ id: String, _ data: EventData, _ date: String, until: String? = nil) -> KnownFact {
        KnownFact(id: id, stream: StreamID(data.parties![0], data.parties![1])!, occurred: FuzzyDate(date)!, occurredUntil: until.flatMap(FuzzyDate.init), data: data)
    }

    static let visit = EventData.visitStarted(VisitStarted(visitor: "IR", host: "KZ", level: .official))
    static let narrow = EventData.talksHeld(TalksHeld(parties: ["IR", "KZ"], format: .narrow))
    static let expanded = EventData.talksHeld(TalksHeld(parties: ["IR", "KZ"], format: .expanded))
    static let turnover = EventData.tradeFigureReported(TradeFigureReported(parties: ["IR", "KZ"], metric: .tradeTurnover, value: 40, unit: "percent", change: .increase))

    @Test func newFactBecomesDomainEvent() {
        let out = Decider.decide(known: [], candidates: [Self.candidate(Self.visit, "2025-12-10")], article: Self.article)
        #expect(out.count == 1)
        #expect(out[0].data == Self.visit)
        #expect(out[0].source.article == Self.article.sha256)
        #expect(out[0].id.count == 20)
    }

    @Test(arguments: [
        ("same day", "2025-12-10", nil as String?, true),
        ("a day later", "2025-12-11", nil, true),
        ("inside the span", "2025-12-12", nil, true),
        ("three days later", "2025-12-14", nil, false),
        ("a year later", "2026-12-10", nil, false),
        ("month only", "2025-12", nil, true),
        ("year unknown, same day", "--12-10", nil, true),
        ("year unknown, other month", "--11-10", nil, false),
    ])
    func visitCorroborationByDate(_ what: String, _ date: String, _ until: String?, _ corroborates: Bool) {
        let k = Self.known("orig", Self.visit, "2025-12-10", until: "2025-12-11")
        let out = Decider.decide(known: [k], candidates: [Self.candidate(Self.visit, date, until: until)], article: Self.article)
        #expect(out.count == 1)
        #expect((out[0].data == .eventCorroborated(EventCorroborated(event: "orig"))) == corroborates, "\(what)")
    }

    @Test func differentFormatsOnOneDayAreTwoFacts() {
        let k = Self.known("n", Self.narrow, "2025-12-11")
        let out = Decider.decide(known: [k], candidates: [Self.candidate(Self.expanded, "2025-12-11"), Self.candidate(Self.narrow, "2025-12-11")], article: Self.article)
        #expect(out.map(\.data) == [Self.expanded, .eventCorroborated(EventCorroborated(event: "n"))])
    }

    /// A call held and a meeting in person agreed in it are two facts; a call announced and
    /// reported in one article is one (its sentences vote on the status).
    @Test(arguments: [
        (TalksFormat.phone, FactStatus.happened, TalksFormat.unspecified, FactStatus.planned, 2),
        (.video, .happened, .narrow, .planned, 2),
        (.phone, .planned, .unspecified, .happened, 1),
        (.phone, .happened, .unspecified, .happened, 1),
        (.unspecified, .happened, .unspecified, .planned, 1),
    ])
    func aCallAndAMeetingAgreedInItAreTwoFacts(_ f1: TalksFormat, _ s1: FactStatus, _ f2: TalksFormat, _ s2: FactStatus, _ facts: Int) {
        let call = EventData.talksHeld(TalksHeld(parties: ["IR", "KZ"], format: f1, status: s1))
        let meeting = EventData.talksHeld(TalksHeld(parties: ["IR", "KZ"], format: f2, status: s2))
        let out = Decider.decide(known: [], candidates: [Self.candidate(call, "2025-12-10"), Self.candidate(meeting, "2025-12-10")],
                                 article: Self.article)
        #expect(out.count == facts, "\(out.map(\.data))")
    }

    @Test func sameFactTwiceInOneArticleIsOneFact() {
        let vague = EventData.visitStarted(VisitStarted(visitor: "IR", host: "KZ", leader: "Masoud Pezeshkian"))
        let out = Decider.decide(known: [], candidates: [Self.candidate(vague, "2025-12-10"), Self.candidate(Self.visit, "2025-12-10")], article: Self.article)
        #expect(out.count == 1)
        #expect(out[0].data == .visitStarted(VisitStarted(visitor: "IR", host: "KZ", leader: "Masoud Pezeshkian", level: .official)))
    }

    @Test func oneCorroborationPerFactAndArticle() {
        let k = Self.known("orig", Self.turnover, "2025-12-11")
        let out = Decider.decide(known: [k], candidates: [Self.candidate(Self.turnover, "2025-12-11"), Self.candidate(Self.turnover, "2025-12-12")], article: Self.article)
        #expect(out.count == 1)
    }

    @Test(arguments: [
        (40.0, "percent", TradeMetric.tradeTurnover, true),
        (40.3, "percent", .tradeTurnover, true),
        (41.0, "percent", .tradeTurnover, false),
        (40.0, "USD", .tradeTurnover, false),
        (40.0, "percent", .exports, false),
    ])
    func tradeFiguresMatchWithinOnePercent(_ value: Double, _ unit: String, _ metric: TradeMetric, _ corroborates: Bool) {
        let k = Self.known("t", Self.turnover, "2025-12-11")
        let c = EventData.tradeFigureReported(TradeFigureReported(parties: ["IR", "KZ"], metric: metric, value: value, unit: unit, change: .increase))
        let out = Decider.decide(known: [k], candidates: [Self.candidate(c, "2026-02-01")], article: Self.article)
        #expect((out[0].type == .eventCorroborated) == corroborates)
    }

    @Test func happenedIsNewOverPlanned() {
        let planned = EventData.visitStarted(VisitStarted(visitor: "IR", host: "KZ", level: .official, status: .planned))
        let k = Self.known("p", planned, "2025-12-10")
        let out = Decider.decide(known: [k], candidates: [Self.candidate(Self.visit, "2025-12-10")], article: Self.article)
        #expect(out[0].data == Self.visit)
        let back = Decider.decide(known: [Self.known("h", Self.visit, "2025-12-10")], candidates: [Self.candidate(planned, "2025-12-10")], article: Self.article)
        #expect(back[0].type == .eventCorroborated)
    }

    @Test func retractedFactsAreNotCorroborated() {
        let src = Provenance(article: "x", file: "x.txt", quote: "q", span: [0, 1], rule: "r")
        let events = [
            RecordedEvent(seq: 1, id: "v", stream: Self.irkz, occurred: FuzzyDate("2025-12-10")!, recordedAt: "t", data: Self.visit, source: src, prevHash: "", hash: ""),
            RecordedEvent(seq: 2, id: "r", stream: Self.irkz, occurred: FuzzyDate("2025-12-10")!, recordedAt: "t", data: .eventRetracted(EventRetracted(event: "v", reason: "wrong")), source: src, prevHash: "", hash: ""),
        ]
        #expect(KnownFact.from(events).isEmpty)
    }

    @Test func idsAreStableAndDistinct() {
        let a = Decider.decide(known: [], candidates: [Self.candidate(Self.narrow, "2025-12-11"), Self.candidate(Self.expanded, "2025-12-11")], article: Self.article)
        let b = Decider.decide(known: [], candidates: [Self.candidate(Self.narrow, "2025-12-11"), Self.candidate(Self.expanded, "2025-12-11")], article: Self.article)
        #expect(a.map(\.id) == b.map(\.id))
        #expect(Set(a.map(\.id)).count == 2)
    }
}
