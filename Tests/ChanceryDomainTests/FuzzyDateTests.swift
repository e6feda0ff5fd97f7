import Testing
@testable import ChanceryDomain

@Suite struct FuzzyDateTests {
    @Test(arguments: [
        ("2025-12-11", FuzzyDate.day(year: 2025, month: 12, day: 11)),
        ("2025-12", FuzzyDate.month(year: 2025, month: 12)),
        ("2025", FuzzyDate.year(2025)),
        ("--08-22", FuzzyDate.monthDay(month: 8, day: 22)),
        ("2024-02-29", FuzzyDate.day(year: 2024, month: 2, day: 29)),
    ])
    func parsesAndPrints(_ text: String, _ date: FuzzyDate) {
        #expect(FuzzyDate(text) == date)
        #expect(date.description == text)
    }

    @Test(arguments: ["2025-13-01", "2025-02-30", "2023-02-29", "25-12-11", "--13-01", "2025/12/11", "", "2025-1-1", "--02-30"])
    func rejects(_ text: String) {
        #expect(FuzzyDate(text) == nil)
    }

    @Test func ordersAndSpans() {
        let d = FuzzyDate("2025-12-31")!
        #expect(d.adding(days: 1) == FuzzyDate("2026-01-01"))
        #expect(FuzzyDate("2024-03-01")!.adding(days: -1) == FuzzyDate("2024-02-29"))
        #expect(FuzzyDate("2025-02")!.latestDay == FuzzyDate("2025-02-28"))
        #expect(FuzzyDate("--08-22")! < FuzzyDate("2020")!)
        #expect(FuzzyDate("2025")! < FuzzyDate("2025-01-01")!)
        #expect(FuzzyDate("--08-22")!.earliestDay == nil)
    }

    @Test func streamIDsAreSortedPairs() {
        #expect(StreamID("KZ-IR")?.description == "IR-KZ")
        #expect(StreamID("kz-ir")?.description == "IR-KZ")
        #expect(StreamID("KZ-KZ") == nil)
        #expect(StreamID("KZ") == nil)
    }
}
