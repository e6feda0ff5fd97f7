import ChanceryDomain
import ChanceryStore
import Testing
@testable import ChanceryCore

@Suite struct CuratorTests {
    @Test func recordThenRetract() throws {
        let store = try EventStore.inMemory()
        var curator = Curator(store: store)
        curator.recordedAt = { "2026-01-01T00:00:00Z" }
        let visit = EventData.visitStarted(VisitStarted(visitor: "IR", host: "KZ", level: .official))
        let first = try curator.record(visit, occurred: FuzzyDate("2025-12-10")!, sourceText: "Curator: the visit took place.")
        #expect(first.count == 1 && first[0].source.rule == "manual" && first[0].data == visit)
        let again = try curator.record(visit, occurred: FuzzyDate("2025-12-11")!, sourceText: "Another source says so.")
        #expect(again[0].type == .eventCorroborated)
        let r = try curator.retract(String(first[0].id.prefix(8)), reason: "duplicate of another record")
        #expect(r.data == .eventRetracted(EventRetracted(event: first[0].id, reason: "duplicate of another record")))
        #expect(throws: Curator.Refused.self) { try curator.retract(first[0].id, reason: "again") }
        #expect(throws: Curator.Refused.self) { try curator.retract(r.id, reason: "bookkeeping") }
        #expect(throws: StoreError.self) { try curator.retract("nonexistent", reason: "x") }
        #expect(try store.verify().ok)
        let refs = try store.references(to: first[0].id)
        #expect(refs.map(\.type) == [.eventCorroborated, .eventRetracted])
    }
}
