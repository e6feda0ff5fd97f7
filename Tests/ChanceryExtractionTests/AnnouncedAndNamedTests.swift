import ChanceryDomain
import Testing
@testable import ChanceryExtraction

/// Constructions written for these tests: arrivals "at the invitation of" (done, not
/// planned), meetings the sides "agreed to hold" or an "upcoming" visit (planned), and a
/// named document listed with a count of others (two facts).
@Suite struct AnnouncedAndNamedTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let lang: Language, text: String, expected: Set<String>
        var testDescription: String { "\(lang): \(text.prefix(60))" }
    }

    static let rows: [Row] = [
        // An arrival at someone's invitation has happened.
        Row(lang: .en, text: "President Kassym-Jomart Tokayev arrived in Berlin on an official visit at the invitation of German Chancellor Olaf Scholz.",
            expected: ["visit KZ>DE official happened"]),
        Row(lang: .ru, text: "По приглашению Федерального канцлера Германии Олафа Шольца Президент Казахстана Касым-Жомарт Токаев прибыл в Берлин с официальным визитом.",
            expected: ["visit KZ>DE official happened"]),
        Row(lang: .kk, text: "Германия Федералды канцлері Олаф Шольцтың шақыруымен Қасым-Жомарт Тоқаев Берлинге ресми сапармен барды.",
            expected: ["visit KZ>DE official happened"]),
        // An invitation alone announces.
        Row(lang: .en, text: "Kassym-Jomart Tokayev invited Olaf Scholz to pay an official visit to Kazakhstan.",
            expected: ["visit DE>KZ official planned"]),
        // Talks the sides agreed to hold are planned.
        Row(lang: .en, text: "Kazakhstan and Germany agreed to hold the next round of talks in Astana.",
            expected: ["talks DE-KZ unspecified planned"]),
        Row(lang: .ru, text: "Казахстан и Германия договорились провести следующий раунд переговоров в Астане.",
            expected: ["talks DE-KZ unspecified planned"]),
        Row(lang: .kk, text: "Қазақстан мен Германия келесі келіссөздерді Астанада өткізуге уағдаласты.",
            expected: ["talks DE-KZ unspecified planned"]),
        // An upcoming visit is planned.
        Row(lang: .en, text: "Kazakhstan's and Türkiye's foreign ministers discussed preparations for the upcoming visit of President Recep Tayyip Erdogan to Astana.",
            expected: ["visit TR>KZ unspecified planned"]),
        Row(lang: .ru, text: "Министры иностранных дел Казахстана и Турции обсудили подготовку к предстоящему визиту Президента Турции Реджепа Тайипа Эрдогана в Астану.",
            expected: ["visit TR>KZ unspecified planned"]),
        // A named document and a count of others: two facts.
        Row(lang: .en, text: "On Tuesday, Kazakhstan and Germany signed a Treaty on Strategic Partnership and 8 other documents.",
            expected: ["agreement DE-KZ treaty signed", "agreement DE-KZ documents signed"]),
        Row(lang: .ru, text: "Во вторник Казахстан и Германия подписали Договор о стратегическом партнерстве и еще 8 документов.",
            expected: ["agreement DE-KZ treaty signed", "agreement DE-KZ documents signed"]),
        Row(lang: .kk, text: "Сейсенбі күні Қазақстан мен Германия Стратегиялық әріптестік туралы шартқа және тағы 8 құжатқа қол қойды.",
            expected: ["agreement DE-KZ treaty signed", "agreement DE-KZ documents signed"]),
    ]

    @Test(arguments: rows)
    func factsOfTheSentence(row: Row) {
        let got = ArticleRuleTests.summary(Run.facts(row.text, row.lang, published: "2025-03-12"))
        #expect(got.isSuperset(of: row.expected), "\(got)")
        // And not the same fact with the other status.
        let flipped = row.expected.map { fact -> String in
            let done = fact.hasPrefix("agreement") ? "signed" : "happened"
            var words = fact.split(separator: " ").map(String.init)
            words[words.count - 1] = words.last == "planned" ? done : "planned"
            return words.joined(separator: " ")
        }
        #expect(got.isDisjoint(with: flipped), "\(got)")
    }

    @Test(arguments: [
        (Language.ru, "Во вторник Казахстан и Германия подписали Договор о стратегическом партнерстве и еще 8 документов.", "Договор о стратегическом партнерстве"),
        (.en, "On Tuesday, Kazakhstan and Germany signed a Treaty on Strategic Partnership and 8 other documents.", "Treaty on Strategic Partnership"),
        (.ru, "Казахстан и Германия подписали Соглашение о воздушном сообщении и 5 меморандумов.", "Соглашение о воздушном сообщении"),
    ])
    func aTitleEndsWhereTheListGoesOn(lang: Language, text: String, title: String) {
        let titles = Run.agreements(Run.facts(text, lang, published: "2025-03-12")).map(\.title).filter { !$0.isEmpty }
        #expect(titles == [title])
    }
}
