import ChanceryDomain
import Testing
@testable import ChanceryExtraction

/// One-sentence (or few-sentence) articles written for these tests, one row per variant.
enum Run {
    static func facts(_ text: String, _ lang: Language, published: String? = "2025-12-11") -> [Candidate] {
        FactExtractor.extract(Article(name: "t.txt", text: text, language: lang, published: published.flatMap(FuzzyDate.init)))
    }

    static func visits(_ c: [Candidate]) -> [VisitStarted] { c.compactMap { if case .visitStarted(let v) = $0.data { return v }; return nil } }
    static func talks(_ c: [Candidate]) -> [TalksHeld] { c.compactMap { if case .talksHeld(let v) = $0.data { return v }; return nil } }
    static func agreements(_ c: [Candidate]) -> [AgreementSigned] { c.compactMap { if case .agreementSigned(let v) = $0.data { return v }; return nil } }
    static func trade(_ c: [Candidate]) -> [TradeFigureReported] { c.compactMap { if case .tradeFigureReported(let v) = $0.data { return v }; return nil } }
}

struct VisitRow: Sendable, CustomTestStringConvertible {
    let lang: Language, text: String, visitor: CountryCode, host: CountryCode, level: VisitLevel, status: FactStatus
    var testDescription: String { "\(lang): \(text.prefix(60))" }
}

struct TalksRow: Sendable, CustomTestStringConvertible {
    let lang: Language, text: String, pair: [CountryCode], format: TalksFormat, status: FactStatus
    var testDescription: String { "\(lang): \(text.prefix(60))" }
}

struct AgreementRow: Sendable, CustomTestStringConvertible {
    let lang: Language, text: String, pair: [CountryCode], kind: AgreementKind, count: Int?, status: SigningStatus
    var testDescription: String { "\(lang): \(text.prefix(60))" }
}

struct TradeRow: Sendable, CustomTestStringConvertible {
    let lang: Language, text: String, metric: TradeMetric, value: Double, unit: String, change: Change?, periodFrom: String?
    var testDescription: String { "\(lang): \(text.prefix(60))" }
}

@Suite struct VisitRuleTests {
    static let rows: [VisitRow] = [
        VisitRow(lang: .kk, text: "Бүгін Астанаға мемлекеттік сапармен Түркия Президенті Режеп Тайып Ердоған келді.", visitor: "TR", host: "KZ", level: .state, status: .happened),
        VisitRow(lang: .kk, text: "Қасым-Жомарт Тоқаев Өзбекстанға ресми сапармен барды.", visitor: "KZ", host: "UZ", level: .official, status: .happened),
        VisitRow(lang: .kk, text: "Мемлекет басшысы Ақордада жұмыс сапарымен келген Қырғызстан Президенті Садыр Жапаровты қарсы алды.", visitor: "KG", host: "KZ", level: .working, status: .happened),
        VisitRow(lang: .kk, text: "Келесі аптада Қытай Төрағасы Си Цзиньпин Қазақстанға мемлекеттік сапармен келеді.", visitor: "CN", host: "KZ", level: .state, status: .planned),
        VisitRow(lang: .kk, text: "Тоқаев Мәскеуге жұмыс сапарымен барады деп күтілуде.", visitor: "KZ", host: "RU", level: .working, status: .planned),
        VisitRow(lang: .ru, text: "Президент Ирана Масуд Пезешкиан прибыл в Астану с официальным визитом.", visitor: "IR", host: "KZ", level: .official, status: .happened),
        VisitRow(lang: .ru, text: "Касым-Жомарт Токаев прибыл с государственным визитом в Турцию.", visitor: "KZ", host: "TR", level: .state, status: .happened),
        VisitRow(lang: .ru, text: "Премьер-министр Индии посетит Казахстан с рабочим визитом в следующем месяце.", visitor: "IN", host: "KZ", level: .working, status: .planned),
        VisitRow(lang: .ru, text: "Глава государства принял в Акорде министра иностранных дел Азербайджана, находящегося в Казахстане с визитом.", visitor: "AZ", host: "KZ", level: .unspecified, status: .happened),
        VisitRow(lang: .en, text: "Kazakh President Kassym-Jomart Tokayev arrived in Tokyo on an official visit.", visitor: "KZ", host: "JP", level: .official, status: .happened),
        VisitRow(lang: .en, text: "President Tokayev welcomed Uzbek President Shavkat Mirziyoyev, who arrived in Astana on a state visit.", visitor: "UZ", host: "KZ", level: .state, status: .happened),
        VisitRow(lang: .en, text: "The Prime Minister of Malaysia will pay a working visit to Kazakhstan next week.", visitor: "MY", host: "KZ", level: .working, status: .planned),
        VisitRow(lang: .en, text: "German Chancellor Olaf Scholz is expected to visit Kazakhstan in September.", visitor: "DE", host: "KZ", level: .unspecified, status: .planned),
    ]

    @Test(arguments: rows)
    func visit(_ row: VisitRow) {
        let v = Run.visits(Run.facts(row.text, row.lang))
        #expect(v.count == 1, "\(v)")
        guard let f = v.first else { return }
        #expect(f.visitor == row.visitor && f.host == row.host, "\(f)")
        #expect(f.level == row.level, "\(f)")
        #expect(f.status == row.status, "\(f)")
    }
}

@Suite struct TalksRuleTests {
    static let rows: [TalksRow] = [
        TalksRow(lang: .kk, text: "Қасым-Жомарт Тоқаев пен Шавкат Мирзиёев шағын құрамда келіссөз жүргізді.", pair: ["KZ", "UZ"], format: .narrow, status: .happened),
        TalksRow(lang: .kk, text: "Содан кейін Қазақстан мен Қытай делегациялары кеңейтілген құрамда келіссөз өткізді.", pair: ["CN", "KZ"], format: .expanded, status: .happened),
        TalksRow(lang: .kk, text: "Мемлекет басшысы Әзербайжан Президенті Ильхам Әлиевпен телефон арқылы сөйлесті.", pair: ["AZ", "KZ"], format: .phone, status: .happened),
        TalksRow(lang: .kk, text: "Тоқаев Германия канцлерімен кездесті.", pair: ["DE", "KZ"], format: .unspecified, status: .happened),
        TalksRow(lang: .ru, text: "Касым-Жомарт Токаев и Реджеп Тайип Эрдоган провели переговоры в узком составе.", pair: ["KZ", "TR"], format: .narrow, status: .happened),
        TalksRow(lang: .ru, text: "Затем переговоры продолжились в расширенном составе с участием делегаций Казахстана и Японии.", pair: ["JP", "KZ"], format: .expanded, status: .happened),
        TalksRow(lang: .ru, text: "Состоялся телефонный разговор Президента Казахстана с Президентом России Владимиром Путиным.", pair: ["KZ", "RU"], format: .phone, status: .happened),
        TalksRow(lang: .ru, text: "Лидеры Казахстана и Франции проведут переговоры в Париже.", pair: ["FR", "KZ"], format: .unspecified, status: .planned),
        TalksRow(lang: .en, text: "Tokayev held talks with Chinese President Xi Jinping in a narrow format.", pair: ["CN", "KZ"], format: .narrow, status: .happened),
        TalksRow(lang: .en, text: "Kassym-Jomart Tokayev had a phone conversation with Turkish President Recep Tayyip Erdogan.", pair: ["KZ", "TR"], format: .phone, status: .happened),
        TalksRow(lang: .en, text: "The foreign ministers of Kazakhstan and India met in Astana.", pair: ["IN", "KZ"], format: .unspecified, status: .happened),
        TalksRow(lang: .en, text: "The presidents of Kazakhstan and Kyrgyzstan held a meeting via video conference.", pair: ["KG", "KZ"], format: .video, status: .happened),
    ]

    @Test(arguments: rows)
    func talks(_ row: TalksRow) {
        let t = Run.talks(Run.facts(row.text, row.lang))
        #expect(t.count >= 1, "\(t)")
        guard let f = t.first else { return }
        #expect(f.parties == row.pair, "\(f)")
        #expect(f.format == row.format, "\(f)")
        #expect(f.status == row.status, "\(f)")
    }
}

@Suite struct AgreementRuleTests {
    static let rows: [AgreementRow] = [
        AgreementRow(lang: .kk, text: "Сапар барысында Қазақстан мен Түркия 12 құжатқа қол қойды.", pair: ["KZ", "TR"], kind: .documents, count: 12, status: .signed),
        AgreementRow(lang: .kk, text: "Бүгін Қазақстан мен Қырғызстан арасындағы Стратегиялық әріптестік туралы шартқа қол қойылады.", pair: ["KG", "KZ"], kind: .treaty, count: nil, status: .planned),
        AgreementRow(lang: .kk, text: "Қазақстан мен Өзбекстан президенттері Бірлескен мәлімдеме қабылдады.", pair: ["KZ", "UZ"], kind: .jointStatement, count: nil, status: .signed),
        AgreementRow(lang: .ru, text: "По итогам переговоров Казахстан и Венгрия подписали меморандум о сотрудничестве в области образования.", pair: ["HU", "KZ"], kind: .memorandum, count: nil, status: .signed),
        AgreementRow(lang: .ru, text: "В присутствии глав Казахстана и Китая было подписано 15 документов.", pair: ["CN", "KZ"], kind: .documents, count: 15, status: .signed),
        AgreementRow(lang: .ru, text: "Во время визита будет подписано соглашение между Казахстаном и Италией о воздушном сообщении.", pair: ["IT", "KZ"], kind: .agreement, count: nil, status: .planned),
        AgreementRow(lang: .en, text: "Kazakhstan and Japan signed a roadmap on economic cooperation.", pair: ["JP", "KZ"], kind: .roadmap, count: nil, status: .signed),
        AgreementRow(lang: .en, text: "The sides will sign a strategic partnership agreement between Kazakhstan and Egypt tomorrow.", pair: ["EG", "KZ"], kind: .agreement, count: nil, status: .planned),
        AgreementRow(lang: .en, text: "Kazakhstan and Poland signed 8 documents during the visit.", pair: ["KZ", "PL"], kind: .documents, count: 8, status: .signed),
    ]

    @Test(arguments: rows)
    func agreement(_ row: AgreementRow) {
        let a = Run.agreements(Run.facts(row.text, row.lang))
        #expect(a.count == 1, "\(a)")
        guard let f = a.first else { return }
        #expect(f.parties == row.pair, "\(f)")
        #expect(f.kind == row.kind, "\(f)")
        #expect(f.count == row.count, "\(f)")
        #expect(f.status == row.status, "\(f)")
    }
}

@Suite struct TradeRuleTests {
    static let rows: [TradeRow] = [
        TradeRow(lang: .kk, text: "Биылғы 10 айда Қазақстан мен Иран арасындағы тауар айналымы 40 пайызға артты.", metric: .tradeTurnover, value: 40, unit: "percent", change: .increase, periodFrom: "2025-01"),
        TradeRow(lang: .kk, text: "2024 жылы Қазақстан мен Қытай арасындағы тауар айналымы 43 миллиард долларды құрады.", metric: .tradeTurnover, value: 43e9, unit: "USD", change: nil, periodFrom: "2024-01"),
        TradeRow(lang: .kk, text: "Тараптар Қазақстан мен Түркия арасындағы тауар айналымын 10 млрд долларға жеткізуді көздеп отыр.", metric: .tradeTarget, value: 10e9, unit: "USD", change: nil, periodFrom: nil),
        TradeRow(lang: .ru, text: "По итогам 2024 года товарооборот между Казахстаном и Узбекистаном составил 4,4 млрд долларов.", metric: .tradeTurnover, value: 4.4e9, unit: "USD", change: nil, periodFrom: "2024-01"),
        TradeRow(lang: .ru, text: "С начала года Турция вложила в экономику Казахстана 250 млн долларов.", metric: .investment, value: 250e6, unit: "USD", change: nil, periodFrom: "2025-01"),
        TradeRow(lang: .ru, text: "Стороны договорились довести товарооборот между Казахстаном и Азербайджаном до 1 млрд долларов.", metric: .tradeTarget, value: 1e9, unit: "USD", change: nil, periodFrom: nil),
        TradeRow(lang: .ru, text: "За 9 месяцев текущего года товарооборот Казахстана и России снизился на 5,5%.", metric: .tradeTurnover, value: 5.5, unit: "percent", change: .decrease, periodFrom: "2025-01"),
        TradeRow(lang: .en, text: "In 2023, trade turnover between Kazakhstan and Germany reached $3.6 billion.", metric: .tradeTurnover, value: 3.6e9, unit: "USD", change: nil, periodFrom: "2023-01"),
        TradeRow(lang: .en, text: "Kazakhstan's exports to Italy amounted to US$ 12.5 billion last year.", metric: .exports, value: 12.5e9, unit: "USD", change: nil, periodFrom: "2024-01"),
        TradeRow(lang: .en, text: "The leaders agreed to bring bilateral trade between Kazakhstan and Vietnam to $2bn.", metric: .tradeTarget, value: 2e9, unit: "USD", change: nil, periodFrom: nil),
    ]

    @Test(arguments: rows)
    func trade(_ row: TradeRow) {
        let t = Run.trade(Run.facts(row.text, row.lang))
        #expect(t.contains { $0.metric == row.metric }, "\(t)")
        guard let f = t.first(where: { $0.metric == row.metric }) else { return }
        #expect(abs(f.value - row.value) < 0.001 * row.value, "\(f)")
        #expect(f.unit == row.unit, "\(f)")
        #expect(f.change == row.change, "\(f)")
        #expect(f.period?.from == row.periodFrom, "\(f)")
    }

    @Test func investmentDirection() {
        let t = Run.trade(Run.facts("С начала года Иран вложил в экономику Казахстана 17,8 млн долларов прямых инвестиций.", .ru))
        #expect(t.first?.direction == TradeDirection(from: "IR", to: "KZ"))
        let e = Run.trade(Run.facts("Kazakhstan's exports to China grew to $15 billion in 2024.", .en))
        #expect(e.first?.direction == TradeDirection(from: "KZ", to: "CN"))
    }
}

/// Sentences that state no fact: background, third countries, blocs, totals, press events.
@Suite struct NegativeSentenceTests {
    static let rows: [(Language, String)] = [
        (.ru, "За 33 года дипломатических отношений между Казахстаном и Ираном заключено более пятидесяти соглашений."),
        (.ru, "Основой сотрудничества является Соглашение о свободной торговле между Ираном и Евразийским экономическим союзом."),
        (.ru, "Президенты Казахстана и Узбекистана сделали совместное заявление для прессы."),
        (.kk, "Қазақстан мен Иран арасындағы қарым-қатынастың тарихы тереңде жатыр."),
        (.kk, "Екі ел арасындағы ынтымақтастықтың әлеуеті зор."),
        (.en, "Kazakhstan's total foreign trade turnover reached $140 billion in 2024."),
        (.en, "The two countries have enjoyed friendly relations for more than three decades."),
        (.en, "Astana is a modern capital with a population of over one million people."),
        (.ru, "Казахстан и Россия являются стратегическими партнерами."),
        (.kk, "Биыл елордада халықаралық форум өтеді."),
        (.en, "The company opened a new factory in the Almaty region."),
    ]

    @Test(arguments: rows.indices)
    func yieldsNothing(_ i: Int) {
        let (lang, text) = Self.rows[i]
        let c = Run.facts(text, lang)
        #expect(c.isEmpty, "\(text) → \(c.map(\.data))")
    }
}
