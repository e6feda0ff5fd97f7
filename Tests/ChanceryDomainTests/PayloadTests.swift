import Testing
@testable import ChanceryDomain

@Suite struct PayloadTests {
    static let payloads: [EventData] = [
        .visitStarted(VisitStarted(visitor: "IR", host: "KZ", leader: "Masoud Pezeshkian", level: .official, place: "Astana", firstEver: true)),
        .visitStarted(VisitStarted(visitor: "KZ", host: "TJ", level: .state, status: .planned)),
        .talksHeld(TalksHeld(parties: ["KZ", "IR"], participants: ["Kassym-Jomart Tokayev"], format: .narrow)),
        .agreementSigned(AgreementSigned(parties: ["TJ", "KZ"], title: "Одақтастық қатынастар туралы шарт", kind: .treaty, status: .planned)),
        .agreementSigned(AgreementSigned(parties: ["IR", "KZ"], kind: .documents, count: 12)),
        .tradeFigureReported(TradeFigureReported(parties: ["IR", "KZ"], metric: .investment, value: 17_800_000, unit: "USD",
                                                 period: Period(from: "2025-01", to: "2025-12"), direction: TradeDirection(from: "IR", to: "KZ"))),
        .tradeFigureReported(TradeFigureReported(parties: ["IR", "KZ"], metric: .tradeTurnover, value: 40, unit: "percent", change: .increase)),
        .eventCorroborated(EventCorroborated(event: "abc")),
        .eventRetracted(EventRetracted(event: "abc", reason: "wrong pair")),
    ]

    @Test(arguments: payloads)
    func roundTrips(_ data: EventData) throws {
        let json = try JSONParser.parse(CanonicalJSON.string(data.json))
        #expect(try EventData(type: data.type, json: json) == data)
    }

    @Test(arguments: [
        (EventType.visitStarted, #"{"visitor":"IR","host":"IR","level":"official","status":"happened"}"#, "host"),
        (.visitStarted, #"{"visitor":"IR","host":"KZ","level":"royal","status":"happened"}"#, "level"),
        (.talksHeld, #"{"parties":["KZ"],"format":"narrow","status":"happened"}"#, "parties"),
        (.agreementSigned, #"{"parties":["IR","KZ"],"title":"","kind":"documents","count":"x","status":"signed"}"#, "count"),
        (.tradeFigureReported, #"{"parties":["IR","KZ"],"metric":"trade_turnover","unit":"USD"}"#, "value"),
        (.eventRetracted, #"{"event":"x"}"#, "reason"),
    ])
    func rejectsInvalid(_ type: EventType, _ text: String, _ field: String) throws {
        let json = try JSONParser.parse(text)
        #expect { try EventData(type: type, json: json) } throws: { ($0 as? PayloadError)?.field == field }
    }

    @Test func upcastsOlderPayloadsOnRead() throws {
        // A synthetic version 0 of VisitStarted that called the visitor "guest".
        var registry = Upcasters()
        registry.register(.visitStarted, from: 0) { old in
            guard case .object(var o) = old else { return old }
            o["visitor"] = o.removeValue(forKey: "guest")
            return .object(o)
        }
        registry.register(.visitStarted, from: 1) { $0 }  // a no-op step up to a version 2
        let v0 = try JSONParser.parse(#"{"guest":"IR","host":"KZ","level":"official","status":"happened"}"#)
        let up = try registry.upcast(type: .visitStarted, version: 0, data: v0)
        #expect(try EventData(type: .visitStarted, json: up) == .visitStarted(VisitStarted(visitor: "IR", host: "KZ", level: .official)))
        #expect(throws: UpcastError.self) { try registry.upcast(type: .visitStarted, version: 3, data: v0) }
        #expect(throws: UpcastError.self) { try Upcasters.standard.upcast(type: .talksHeld, version: 0, data: v0) }
    }
}
