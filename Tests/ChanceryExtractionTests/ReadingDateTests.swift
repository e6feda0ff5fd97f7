import Testing
import ChanceryDomain
@testable import ChanceryExtraction

@Suite struct ReadingDateTests {
    static let pub = FuzzyDate.day(year: 2025, month: 12, day: 11)

    /// Sentence, language, published, expected mentions as "date[..until] @written[~]" (~ = relative).
    static let rows: [(String, Language, FuzzyDate?, [String])] = [
        ("Переговоры прошли 11 декабря 2025 года в Астане.", .ru, nil, ["2025-12-11 @11 декабря 2025 года"]),
        ("Президент 10-11 желтоқсан күндері ресми сапармен болады.", .kk, pub, ["2025-12-10..2025-12-11 @10-11 желтоқсан"]),
        ("Визит пройдёт 10–11 декабря.", .ru, pub, ["2025-12-10..2025-12-11 @10–11 декабря"]),
        ("The visit took place on December 10-11, 2025.", .en, nil, ["2025-12-10..2025-12-11 @December 10-11, 2025"]),
        ("The summit opens on 3 November.", .en, pub, ["2025-11-03 @3 November"]),
        ("The summit opens on 3 November.", .en, nil, ["--11-03 @3 November"]),
        ("Саммит 3 қарашада өтеді.", .kk, pub, ["2025-11-03 @3 қарашада"]),
        ("Келісім 2024 жылғы 22 тамызда жасалды.", .kk, pub, ["2024-08-22 @2024 жылғы 22 тамызда"]),
        ("Құжат 2024 жылғы 5-маусымда қабылданды.", .kk, nil, ["2024-06-05 @2024 жылғы 5-маусымда"]),
        ("Встреча 22.08.2024 прошла в Ташкенте.", .ru, nil, ["2024-08-22 @22.08.2024"]),
        ("The report dated 2024-08-22 was published.", .en, nil, ["2024-08-22 @2024-08-22"]),
        ("Форум прошёл 30 ноября – 2 декабря 2024 года.", .ru, nil, ["2024-11-30..2024-12-02 @30 ноября – 2 декабря 2024 года"]),
        ("He arrived on May 16 and left on May 18.", .en, .day(year: 2024, month: 5, day: 20), ["2024-05-16 @May 16", "2024-05-18 @May 18"]),
        ("The ministers met on Sept. 5th.", .en, .day(year: 2024, month: 9, day: 9), ["2024-09-05 @Sept. 5th"]),
        ("Визит ожидается в октябре 2025 года.", .ru, nil, ["2025-10 @октябре 2025 года"]),
        // The nearest year: an article of January speaking of late December.
        ("Встреча прошла 28 декабря.", .ru, .day(year: 2026, month: 1, day: 10), ["2025-12-28 @28 декабря"]),
        ("Встреча пройдёт 5 января.", .ru, .day(year: 2025, month: 12, day: 20), ["2026-01-05 @5 января"]),
        // Relative words.
        ("Бүгін Астанаға министр келді.", .kk, pub, ["2025-12-11 @Бүгін~"]),
        ("Сегодня состоялись переговоры.", .ru, pub, ["2025-12-11 @Сегодня~"]),
        ("The minister arrived today.", .en, pub, ["2025-12-11 @today~"]),
        ("Кеше келіссөз өтті.", .kk, pub, ["2025-12-10 @Кеше~"]),
        ("Вчера министры встретились.", .ru, .day(year: 2025, month: 3, day: 1), ["2025-02-28 @Вчера~"]),
        ("The delegation arrived yesterday.", .en, .day(year: 2026, month: 1, day: 1), ["2025-12-31 @yesterday~"]),
        ("Он прибыл в Казахстан накануне вечером.", .ru, pub, ["2025-12-10 @накануне~"]),
        ("Ертең құжаттарға қол қойылады.", .kk, pub, ["2025-12-12 @Ертең~"]),
        ("Завтра откроется форум.", .ru, .monthDay(month: 12, day: 31), ["--01-01 @Завтра~"]),
        ("Tomorrow the forum opens.", .en, .day(year: 2024, month: 2, day: 28), ["2024-02-29 @Tomorrow~"]),
        // Relative words without a day to resolve against are skipped.
        ("Бүгін министр келді.", .kk, nil, []),
        ("Сегодня министр прибыл.", .ru, .year(2025), []),
        // Not dates.
        ("Накануне визита стороны подготовили документы.", .ru, pub, []),
        ("Объём вырос на 11,4 процента, составив 12 млрд.", .ru, pub, []),
        ("Рейс вылетел в 16:30.", .ru, pub, []),
        ("Подписано 12 документов.", .ru, pub, []),
    ]

    @Test(arguments: rows)
    func readsReadingDates(_ row: (String, Language, FuzzyDate?, [String])) {
        let got = DateReader.dates(in: row.0, language: row.1, published: row.2).map { m -> String in
            var s = m.date.description
            if let u = m.until { s += "..\(u.description)" }
            return s + " @" + String(row.0[m.range]) + (m.isRelative ? "~" : "")
        }
        #expect(got == row.3, "\(row.0)")
    }
}
