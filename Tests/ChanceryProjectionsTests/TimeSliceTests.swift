import ChanceryDomain
import Testing
@testable import ChanceryProjections

@Suite struct TimeSliceTests {
    @Test(arguments: [
        ("2026-03-01T10:00:00Z", "2026-03-01T15:00:00+05:00", 0),
        ("2026-03-01T10:00:00.5Z", "2026-03-01T10:00:00.500000Z", 0),
        ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.001Z", -1),
        ("2026-02-28T23:59:59Z", "2026-03-01T00:00:00Z", -1),
        ("2024-12-31T23:00:00-02:00", "2025-01-01T00:30:00Z", 1),
        ("1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", -1),
    ])
    func instantsCompareAcrossOffsets(a: String, b: String, order: Int) throws {
        let x = try #require(Instant(rfc3339: a)), y = try #require(Instant(rfc3339: b))
        #expect((x < y ? -1 : (x == y ? 0 : 1)) == order)
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-03-01 10:00", "yesterday", "2026-03-01T10:00:00+0500", "2026-02-30"])
    func badInstants(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func aBareDateIsTheWholeDay() {
        let s = TimeSlice(knownAt: "2026-03-01")
        #expect(s.knownAtIsValid)
        #expect(s.admitsTransaction(seq: 1, recordedAt: "2026-03-01T23:59:59Z"))
        #expect(!s.admitsTransaction(seq: 1, recordedAt: "2026-03-02T00:00:00Z"))
        #expect(!TimeSlice(knownAt: "soon").knownAtIsValid)
    }

    @Test func validTimeUsesTheEarliestDayAndTheLastDayOfAsOf() {
        let s = TimeSlice(asOf: FuzzyDate("2025-12"))
        #expect(s.admitsValid(FuzzyDate("2025-12-31")!))
        #expect(s.admitsValid(FuzzyDate("2025")!))        // starts 2025-01-01
        #expect(!s.admitsValid(FuzzyDate("2026-01")!))
        #expect(!s.admitsValid(FuzzyDate("--01-01")!))     // year unknown
        #expect(TimeSlice.all.admitsValid(FuzzyDate("--01-01")!))
        #expect(!TimeSlice(asOf: FuzzyDate("--12-31")).admitsValid(FuzzyDate("2000")!))
    }

    @Test func bookkeepingEventsPassValidTimeButNotTransactionTime() {
        var log = TestLog()
        log.fact(visit("IR", "KZ"), id: "v", "2030-01-01", file: "a.txt")
        let c = log.corroborate("v", id: "c", file: "b.txt", occurred: "2030-01-02")
        #expect(TimeSlice(asOf: FuzzyDate("2020")).admits(c))
        #expect(!TimeSlice(asOf: FuzzyDate("2020")).admits(log.events[0]))
        #expect(!TimeSlice(atSeq: 1).admits(c))
    }

    @Test func echo() {
        #expect(JSONValue.object(TimeSlice(asOf: FuzzyDate("2025-12-09"), atSeq: 7).echo)
                == json(#"{"asOf":"2025-12-09","atSeq":7,"knownAt":null}"#))
    }

    @Test func validPeriods() {
        let p = ValidPeriod(from: FuzzyDate("2025-11"), to: FuzzyDate("2025-12"))
        #expect(p.contains(FuzzyDate("2025-11-01")!))
        #expect(p.contains(FuzzyDate("2025-12-31")!))
        #expect(!p.contains(FuzzyDate("2025-10-31")!))
        #expect(!p.contains(FuzzyDate("2025")!))
        #expect(!p.contains(FuzzyDate("--11-15")!))
        #expect(ValidPeriod.always.contains(FuzzyDate("--11-15")!))
    }
}
