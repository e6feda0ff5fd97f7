import Testing
import ChanceryDomain
@testable import ChanceryExtraction

@Suite struct ReadingPublicationDateTests {
    static let rows: [(String, Language, String?)] = [
        ("    09:40, 3 Наурыз 2024 | GMT +5\n\n    Екі ел министрлері кездесті\n", .kk, "2024-03-03"),
        (" date 2024-06-17 Министрлер кездесуі Астанада өтті\nМәтін.", .kk, "2024-06-17"),
        ("Тараптар келіссөз жүргізді\n\n7 Қыркүйек, 10:15 321\n\nМәтін басталады.", .kk, "--09-07"),
        ("18 октября 2023 года министры двух стран подписали меморандум.", .ru, "2023-10-18"),
        ("Министры провели встречу\n18 октября 2023, 11:20\nТекст новости.", .ru, "2023-10-18"),
        ("Тараптар кездесті\nАЛМАТЫ, 2 сәуір – Sputnik. Екі ел өкілдері жиналды.", .kk, "--04-02"),
        ("Встреча прошла в столице\n05.03.2024 14:10\nТекст.", .ru, "2024-03-05"),
        ("Talks in Astana\nMarch 5, 2024\nThe ministers met.", .en, "2024-03-05"),
        ("Talks in Astana\n5 March 2024, 09:30\nThe ministers met.", .en, "2024-03-05"),
        ("2024-03-05\nThe ministers met in Astana.", .en, "2024-03-05"),
        ("ASTANA, Feb. 14 (Agency) - The ministers met.", .en, "--02-14"),
        ("NUR-SULTAN, 14 February 2021 – The ministers met.", .en, "2021-02-14"),
        ("Ташкент, 9 июня. Делегации провели переговоры.", .ru, "--06-09"),
        ("АСТАНА, 30 мар — Агентство. Стороны встретились.", .ru, "--03-30"),
        ("Министр иностранных дел посетил страну\n17 Май 2024 г., 08:05\n\nТекст.", .ru, "2024-05-17"),
        ("Published: 21.11.2022\nTrade grew.", .en, "2022-11-21"),
        ("Жарияланды: 2022 жылғы 21 қараша\nМәтін.", .kk, "2022-11-21"),
        ("Пятница, 8 декабря 2023\nТекст новости.", .ru, "2023-12-08"),
        // A day-month dateline completed by a later line with the year.
        ("АСТАНА, 4 шілде – Агенттік\n4 шілде 2024 жыл\nМәтін.", .kk, "2024-07-04"),
        // Not date lines.
        ("Министры встретились вчера.\nНовость без даты.", .ru, nil),
        ("5 февраля Токаев провёл встречу с министром.", .ru, nil),
        ("В субботу, 24 декабря, президенты поговорили по телефону.", .ru, nil),
        ("The ministers met on May 16 in Astana.", .en, nil),
        ("Updated: 12.12.2023\nText.", .en, nil),
        ("Заголовок\nПодзаголовок\nТретья строка\nЧетвёртая строка\nПятая строка\n11 декабря 2025 года событие.", .ru, nil),
        ("A title line\n\nThe time is 16:51 and nothing else here.", .en, nil),
        ("", .en, nil),
    ]

    @Test(arguments: rows)
    func readsReadingPublicationDate(_ row: (String, Language, String?)) {
        let got = PublicationDateReader.read(row.0, language: row.1)
        #expect(got?.description == row.2, "\(row.0)")
    }

    @Test func readingPublicationDateLooksOnlyNearTheTop() {
        let filler = String(repeating: "Мәтін жолы осында жалғасады.\n", count: 30)
        #expect(PublicationDateReader.read(filler + "11.12.2025\n", language: .kk) == nil)
    }
}
