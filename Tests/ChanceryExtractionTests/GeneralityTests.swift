import ChanceryDomain
import Testing
@testable import ChanceryExtraction

/// Constructions of news of many outlets and partners, written for these tests: each row
/// is a short article (one or a few sentences), the facts it must give and the facts it
/// must not give (with the dates and trade directions, see `summary`).
@Suite struct GeneralityTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let lang: Language, text: String, published: String?, expected: Set<String>, absent: Set<String>
        init(_ lang: Language, _ text: String, published: String? = "2025-06-12", expected: Set<String> = [], absent: Set<String> = []) {
            self.lang = lang; self.text = text; self.published = published; self.expected = expected; self.absent = absent
        }
        var testDescription: String { "\(lang): \(text.prefix(60))" }
    }

    /// `ArticleRuleTests.summary` with the date, and the direction of a trade figure.
    static func summary(_ c: [Candidate]) -> Set<String> {
        Set(c.map { cand -> String in
            let d = cand.occurred.description
            switch cand.data {
            case .visitStarted(let v): return "visit \(v.visitor)>\(v.host) \(v.level.rawValue) \(v.status.rawValue) \(d)"
            case .talksHeld(let t): return "talks \(t.parties.map(\.rawValue).joined(separator: "-")) \(t.format.rawValue) \(t.status.rawValue) \(d)"
            case .agreementSigned(let a): return "agreement \(a.parties.map(\.rawValue).joined(separator: "-")) \(a.kind.rawValue) \(a.status.rawValue) \(d)"
            case .tradeFigureReported(let t):
                let dir = t.direction.map { " \($0.from)>\($0.to)" } ?? ""
                return "trade \(t.parties.map(\.rawValue).joined(separator: "-")) \(t.metric.rawValue) \(Int64(t.value)) \(t.unit)\(dir)"
            default: return "other"
            }
        })
    }

    static let rows: [Row] = [
        // Russian infinitive and future of "sign" with a planning verb: planned documents.
        Row(.ru, "В ходе визита Президента Монголии в Казахстан планируется подписать ряд соглашений.",
            expected: ["agreement KZ-MN documents planned 2025-06-12"]),
        Row(.ru, "Казахстан подпишет с Монголией меморандум о сотрудничестве в области туризма.",
            expected: ["agreement KZ-MN memorandum planned 2025-06-12"]),
        // "Between the countries": a bilateral figure though only one side is named.
        Row(.ru, "Токаев провел переговоры с Президентом Азербайджана Ильхамом Алиевым. По словам Токаева, товарооборот между странами вырос на 20 процентов.",
            expected: ["trade AZ-KZ trade_turnover 20 percent"]),
        Row(.en, "Tokayev held talks with President of Azerbaijan Ilham Aliyev. According to Tokayev, trade between the countries grew by 20 percent.",
            expected: ["trade AZ-KZ trade_turnover 20 percent"]),
        // A dateline's date dates the article; the sentence's own date dates the fact.
        Row(.ru, "АСТАНА, 20 августа 2025 – Премьер-министр Пакистана посетит Казахстан с официальным визитом 26-27 августа.", published: "2025-08-20",
            expected: ["visit PK>KZ official planned 2025-08-26"], absent: ["visit PK>KZ official planned 2025-08-20"]),
        Row(.en, "Astana, 6 February 2025 – President Kassym-Jomart Tokayev will pay an official visit to Qatar on February 10-11.", published: "2025-02-06",
            expected: ["visit KZ>QA official planned 2025-02-10"]),
        // …but a date after which the sentence goes on with a comma is the sentence's own.
        Row(.en, "On 20 August, Tokayev received Prime Minister of Pakistan Shehbaz Sharif, and on 21 August the two held talks.", published: "2025-08-22",
            expected: ["visit PK>KZ unspecified happened 2025-08-20"]),
        // English destinations: a long-form name after "to the", the object of "visit".
        Row(.en, "ASTANA – President Kassym-Jomart Tokayev will pay an official visit to the State of Qatar on February 10-11.", published: "2025-02-06",
            expected: ["visit KZ>QA official planned 2025-02-10"], absent: ["visit QA>KZ official planned 2025-02-10"]),
        Row(.en, "ASTANA – The President will visit the United Arab Emirates later this month.", published: "2025-02-06",
            expected: ["visit KZ>AE unspecified planned 2025-02-06"], absent: ["visit AE>KZ unspecified planned 2025-02-06"]),
        Row(.en, "Prime Minister Olzhas Bektenov visited the Kyrgyz Republic on a working visit.",
            expected: ["visit KZ>KG working happened 2025-06-12"]),
        // A preposition reaches its noun only across spaces: "In 2024, Kazakhstan's exports".
        Row(.en, "In 2024, Kazakhstan's exports to Germany amounted to $1.3 billion.",
            expected: ["trade DE-KZ exports 1300000000 USD KZ>DE"]),
        // "Took part" in a bloc's meeting: neither a reception nor bilateral talks.
        Row(.ru, "Президент Казахстана провел встречу с Президентом Кыргызстана. Затем Токаев принял участие в заседании Совета глав государств СНГ в узком и расширенном составах.",
            expected: ["talks KG-KZ unspecified happened 2025-06-12"],
            absent: ["visit KG>KZ unspecified happened 2025-06-12", "talks KG-KZ narrow happened 2025-06-12", "talks KG-KZ expanded happened 2025-06-12"]),
        Row(.en, "Tokayev met with the President of Kyrgyzstan. Later, Tokayev took part in the meeting of the SCO Council of Heads of State in an expanded format.",
            expected: ["talks KG-KZ unspecified happened 2025-06-12"], absent: ["talks KG-KZ expanded happened 2025-06-12"]),
        // …while a meeting on a bloc's sidelines with a partner named is bilateral.
        Row(.ru, "На полях саммита ШОС Токаев провел переговоры с Премьер-министром Индии Нарендрой Моди.",
            expected: ["talks IN-KZ unspecified happened 2025-06-12"]),
        // "Upcoming" with a level between it and the visit noun: planned.
        Row(.ru, "Главы государств обсудили подготовку к предстоящему государственному визиту Президента Азербайджана Ильхама Алиева в Казахстан.",
            expected: ["visit AZ>KZ state planned 2025-06-12"], absent: ["visit AZ>KZ state happened 2025-06-12"]),
        Row(.en, "The ministers discussed the agenda of the upcoming official visit of the President of Azerbaijan to Kazakhstan.",
            expected: ["visit AZ>KZ official planned 2025-06-12"], absent: ["visit AZ>KZ official happened 2025-06-12"]),
        // "More than 20 documents" tied to the talks is the talks' signing…
        Row(.kk, "Қазақстан мен Қытай арасындағы келіссөздер қорытындысы бойынша 20-дан астам құжатқа қол қойылды.",
            expected: ["agreement CN-KZ documents signed 2025-06-12"]),
        Row(.ru, "По итогам переговоров между Казахстаном и Китаем подписано более 20 документов.",
            expected: ["agreement CN-KZ documents signed 2025-06-12"]),
        // …a total over the years is not, even beside the same words.
        Row(.kk, "Тәуелсіздік жылдары ішінде Қазақстан мен Қытай арасында 100-ден астам құжатқа қол қойылды.",
            absent: ["agreement CN-KZ documents signed 2025-06-12"]),
        Row(.ru, "За годы независимости по итогам переговоров между Казахстаном и Китаем подписано более 100 документов.",
            absent: ["agreement CN-KZ documents signed 2025-06-12"]),
        // The Shanghai Cooperation Organisation is a bloc, not the city of Shanghai.
        Row(.kk, "Тяньцзинь. Мемлекет басшысы Шанхай ынтымақтастық ұйымының саммиті аясында Үндістан Премьер-министрімен кездесті. Кездесуде екі ел арасындағы сауда талқыланды.",
            expected: ["talks IN-KZ unspecified happened 2025-06-12"], absent: ["talks CN-KZ unspecified happened 2025-06-12"]),
        // Exports and imports in one sentence: each figure's own clause gives its way.
        Row(.en, "In 2024, Kazakhstan's exports to Germany amounted to $1.3 billion, while imports from Germany reached $2.2 billion.",
            expected: ["trade DE-KZ exports 1300000000 USD KZ>DE", "trade DE-KZ imports 2200000000 USD DE>KZ"]),
        Row(.ru, "Экспорт из Казахстана в Монголию составил 160 млн долларов, импорт из Монголии – 27 млн долларов.",
            expected: ["trade KZ-MN exports 160000000 USD KZ>MN", "trade KZ-MN imports 27000000 USD MN>KZ"]),
        Row(.kk, "Қазақстанның Түркияға экспорты 1,9 млрд долларға жетті, ал Түркиядан импорт 1,3 млрд долларды құрады.",
            expected: ["trade KZ-TR exports 1900000000 USD KZ>TR", "trade KZ-TR imports 1300000000 USD TR>KZ"]),
        // "Қазақстан" ends like an ablative but is the bare name; "экономикасына" marks the goal.
        Row(.kk, "Түрік инвесторлары Қазақстан экономикасына биылғы алғашқы жарты жылда 250 млн доллар инвестиция салды.",
            expected: ["trade KZ-TR investment 250000000 USD TR>KZ"]),
        Row(.ru, "Инвестиции Казахстана в экономику Узбекистана за первый квартал составили 50 млн долларов.",
            expected: ["trade KZ-UZ investment 50000000 USD KZ>UZ"]),
        // A meeting of an earlier year is recalled, not reported…
        Row(.en, "In 2019, the presidents of Kazakhstan and Italy met in Rome.",
            absent: ["talks IT-KZ unspecified happened 2025-06-12"]),
        Row(.ru, "В 2019 году президенты Казахстана и Италии встретились в Риме.",
            absent: ["talks IT-KZ unspecified happened 2025-06-12"]),
        Row(.ru, "Напомним, что президенты Казахстана и Италии встретились в Риме в 2019 году.",
            absent: ["talks IT-KZ unspecified happened 2025-06-12"]),
        Row(.kk, "2019 жылы Қазақстан мен Италия президенттері Римде кездескен еді.",
            absent: ["talks IT-KZ unspecified happened 2025-06-12"]),
        Row(.en, "Tokayev and Macron discussed the agreements reached during Macron's visit to Kazakhstan in November 2023.",
            absent: ["talks FR-KZ unspecified happened 2023-11", "visit FR>KZ unspecified happened 2023-11"]),
        // …but a programme for years, or a trade figure of last year, is no recall.
        Row(.ru, "Казахстан и Кыргызстан подписали программу экономического сотрудничества на 2024-2026 годы.",
            expected: ["agreement KG-KZ program signed 2025-06-12"]),
        Row(.en, "Kazakhstan and Kyrgyzstan signed a roadmap for 2024–2026.",
            expected: ["agreement KG-KZ roadmap signed 2025-06-12"]),
        Row(.en, "In 2024, trade between Kazakhstan and Kyrgyzstan amounted to $1.6 billion.",
            expected: ["trade KG-KZ trade_turnover 1600000000 USD"]),
        Row(.kk, "2024 жылғы 22 тамызда Қазақстан мен Тәжікстан президенттері Душанбеде кездесті.",
            expected: ["talks KZ-TJ unspecified happened 2024-08-22"]),
        // A named document, then unnamed documents after it: two facts.
        Row(.ru, "Казахстан и Россия подписали Договор о союзничестве, а также пакет межправительственных документов.",
            expected: ["agreement KZ-RU treaty signed 2025-06-12", "agreement KZ-RU documents signed 2025-06-12"]),
        Row(.en, "Kazakhstan and Japan signed a Memorandum on Energy Cooperation as well as a package of intergovernmental documents.",
            expected: ["agreement JP-KZ memorandum signed 2025-06-12", "agreement JP-KZ documents signed 2025-06-12"]),
        // A named document alone, or a singular "document" naming it, stays one fact.
        Row(.en, "Kazakhstan and Japan signed a Memorandum on Energy Cooperation. The document was signed by the foreign ministers.",
            expected: ["agreement JP-KZ memorandum signed 2025-06-12"], absent: ["agreement JP-KZ documents signed 2025-06-12"]),
        Row(.ru, "Казахстан и Россия подписали Договор о союзничестве. Документ подписан президентами.",
            expected: ["agreement KZ-RU treaty signed 2025-06-12"], absent: ["agreement KZ-RU documents signed 2025-06-12"]),
        // "Adopted a joint statement" is no reception: a document, not a guest.
        Row(.ru, "Президенты Казахстана и Катара приняли совместное заявление об установлении стратегического партнерства.",
            expected: ["agreement KZ-QA joint_statement signed 2025-06-12"],
            absent: ["talks KZ-QA unspecified happened 2025-06-12", "visit KZ>QA unspecified happened 2025-06-12", "visit QA>KZ unspecified happened 2025-06-12"]),
        Row(.kk, "Қазақстан мен Катар президенттері бірлескен мәлімдеме қабылдады.",
            expected: ["agreement KZ-QA joint_statement signed 2025-06-12"],
            absent: ["talks KZ-QA unspecified happened 2025-06-12", "visit QA>KZ unspecified happened 2025-06-12"]),
        // …while receiving a guest still is.
        Row(.ru, "Президент Казахстана принял министра иностранных дел Катара.",
            expected: ["visit QA>KZ unspecified happened 2025-06-12"]),
        // "X was received by Y": X is the guest.
        Row(.en, "BAKU – Kazakh Foreign Minister Yermek Kosherbayev was received by President of Azerbaijan Ilham Aliyev.",
            expected: ["visit KZ>AZ unspecified happened 2025-06-12"], absent: ["visit AZ>KZ unspecified happened 2025-06-12"]),
        // A consultative meeting of a region's leaders is a bloc's meeting.
        Row(.en, "Central Asian leaders gather in Tashkent for Consultative Meeting",
            absent: ["talks KZ-UZ unspecified happened 2025-06-12"]),
        // "expected to … and sign": planned.
        Row(.en, "The presidents of Kazakhstan and Korea are expected to hold talks in narrow and expanded formats and sign a number of agreements.",
            expected: ["agreement KR-KZ documents planned 2025-06-12", "talks KR-KZ narrow planned 2025-06-12"]),
        // Narrow and expanded rounds told without the word "format": two facts.
        Row(.en, "President Kassym-Jomart Tokayev and Italian Prime Minister Giorgia Meloni held one-on-one talks, followed by a meeting with the participation of delegations.",
            expected: ["talks IT-KZ narrow happened 2025-06-12", "talks IT-KZ expanded happened 2025-06-12"]),
        Row(.ru, "Переговоры Президента Казахстана и Президента Франции прошли сначала один на один, а затем с участием делегаций.",
            expected: ["talks FR-KZ narrow happened 2025-06-12", "talks FR-KZ expanded happened 2025-06-12"]),
        // Preparations for a visit: the visit is planned.
        Row(.ru, "Стороны обсудили подготовку к государственному визиту Председателя КНР Си Цзиньпина в Казахстан.",
            expected: ["visit CN>KZ state planned 2025-06-12"], absent: ["visit CN>KZ state happened 2025-06-12"]),
        Row(.en, "The ministers discussed preparations for the state visit of Chinese President Xi Jinping to Kazakhstan.",
            expected: ["visit CN>KZ state planned 2025-06-12"], absent: ["visit CN>KZ state happened 2025-06-12"]),
        Row(.kk, "Тараптар ҚХР Төрағасы Си Цзиньпиннің Қазақстанға мемлекеттік сапарына дайындық барысын талқылады.",
            expected: ["visit CN>KZ state planned 2025-06-12"], absent: ["visit CN>KZ state happened 2025-06-12"]),
        // "expected to meet": planned talks.
        Row(.en, "Tokayev and Turkmen President Serdar Berdimuhamedov are also expected to meet on the sidelines of the summit.",
            expected: ["talks KZ-TM unspecified planned 2025-06-12"]),
        // A country discussed is a topic, not a side.
        Row(.ru, "Лавров встретился с главой МИД Казахстана\n\nМинистр иностранных дел России Сергей Лавров провел переговоры с главой МИД Казахстана. Министры обсудили ситуацию в Афганистане.",
            expected: ["talks KZ-RU unspecified happened 2025-06-12"], absent: ["talks AF-KZ unspecified happened 2025-06-12"]),
        Row(.en, "Lavrov meets Kazakh counterpart\n\nRussian Foreign Minister Sergey Lavrov held talks with the Kazakh Foreign Minister. The ministers discussed the situation in Afghanistan.",
            expected: ["talks KZ-RU unspecified happened 2025-06-12"], absent: ["talks AF-KZ unspecified happened 2025-06-12"]),
        // An article about two foreign countries: "the sides" are those two.
        Row(.kk, "Ресей Президенті Владимир Путин Қытай Төрағасы Си Цзиньпинмен телефон арқылы сөйлесті. Тараптар энергетика саласындағы ынтымақтастықты талқылады.",
            expected: ["talks CN-RU phone happened 2025-06-12"], absent: ["talks CN-KZ unspecified happened 2025-06-12", "talks KZ-RU unspecified happened 2025-06-12"]),
        // Credentials presented by ambassadors: a ceremony, neither a visit nor talks.
        Row(.en, "President Tokayev received the credentials of the newly appointed ambassadors of Japan and Italy.",
            absent: ["visit JP>KZ unspecified happened 2025-06-12", "talks JP-KZ unspecified happened 2025-06-12"]),
        Row(.ru, "Президент Казахстана принял верительные грамоты новоназначенного посла Японии.",
            absent: ["visit JP>KZ unspecified happened 2025-06-12", "talks JP-KZ unspecified happened 2025-06-12"]),
        Row(.kk, "Мемлекет басшысы Жапонияның жаңадан тағайындалған елшісінен сенім грамотасын қабылдады.",
            absent: ["visit JP>KZ unspecified happened 2025-06-12", "talks JP-KZ unspecified happened 2025-06-12"]),
        // Travel, hosting, "may" and "plan to sign": announced.
        Row(.en, "Kazakh President Kassym-Jomart Tokayev will travel to Budapest next week for talks with Hungarian Prime Minister Viktor Orban.",
            expected: ["visit KZ>HU unspecified planned 2025-06-12", "talks HU-KZ unspecified planned 2025-06-12"]),
        Row(.en, "Germany will host the Kazakh president in Berlin on June 20.",
            expected: ["visit KZ>DE unspecified planned 2025-06-20"]),
        Row(.en, "President Tokayev may visit Japan later this year.",
            expected: ["visit KZ>JP unspecified planned 2025-06-12"]),
        Row(.kk, "Үндістан Премьер-министрі Нарендра Моди Қазақстанға сапармен келуі мүмкін.",
            expected: ["visit IN>KZ unspecified planned 2025-06-12"], absent: ["visit IN>KZ unspecified happened 2025-06-12"]),
        Row(.ru, "Премьер-министр Индии может посетить Казахстан осенью.",
            expected: ["visit IN>KZ unspecified planned 2025-06-12"]),
        Row(.en, "Kazakhstan and Pakistan plan to sign an agreement on transit trade during the visit.",
            expected: ["agreement KZ-PK agreement planned 2025-06-12"], absent: ["agreement KZ-PK agreement signed 2025-06-12"]),
        // "May" the month announces nothing.
        Row(.en, "On May 5, Kazakhstan and Pakistan signed an agreement on transit trade.",
            expected: ["agreement KZ-PK agreement signed 2025-05-05"]),
        // A relative clause of place has its own tense: arrived, and will hold talks.
        Row(.ru, "Министр иностранных дел Казахстана прибыл в Ташкент, где проведет переговоры с главой МИД Узбекистана.",
            expected: ["visit KZ>UZ unspecified happened 2025-06-12", "talks KZ-UZ unspecified planned 2025-06-12"]),
        Row(.ru, "Министр иностранных дел Казахстана прибыл в Ташкент, где провел переговоры с главой МИД Узбекистана.",
            expected: ["visit KZ>UZ unspecified happened 2025-06-12", "talks KZ-UZ unspecified happened 2025-06-12"]),
        Row(.en, "The Kazakh Foreign Minister arrived in Tashkent, where he will hold talks with his Uzbek counterpart.",
            expected: ["visit KZ>UZ unspecified happened 2025-06-12", "talks KZ-UZ unspecified planned 2025-06-12"]),
        // A weekday is the latest such day on or before the publication day (2025-06-12 is a Thursday).
        Row(.en, "Kazakh President Kassym-Jomart Tokayev and his Kyrgyz counterpart Sadyr Japarov held talks in Cholpon-Ata on Tuesday.",
            expected: ["talks KG-KZ unspecified happened 2025-06-10"]),
        Row(.en, "On Thursday, Tokayev met with the President of Kyrgyzstan.",
            expected: ["talks KG-KZ unspecified happened 2025-06-12"]),
        Row(.ru, "Во вторник Касым-Жомарт Токаев провел переговоры с Президентом Кыргызстана.",
            expected: ["talks KG-KZ unspecified happened 2025-06-10"]),
        Row(.kk, "Сейсенбі күні Қасым-Жомарт Тоқаев Қырғызстан Президентімен кездесті.",
            expected: ["talks KG-KZ unspecified happened 2025-06-10"]),
        // A meeting that prepares an upcoming visit has happened; the visit is planned.
        Row(.en, "The Kazakh and Qatari foreign ministers met in Doha to discuss the agenda of the upcoming visit.",
            expected: ["talks KZ-QA unspecified happened 2025-06-12"], absent: ["talks KZ-QA unspecified planned 2025-06-12"]),
        Row(.ru, "Министры иностранных дел Казахстана и Катара встретились в Дохе и обсудили подготовку предстоящего визита.",
            expected: ["talks KZ-QA unspecified happened 2025-06-12"], absent: ["talks KZ-QA unspecified planned 2025-06-12"]),
        Row(.ru, "В ходе предстоящего визита пройдут переговоры Президентов Казахстана и Катара.",
            expected: ["talks KZ-QA unspecified planned 2025-06-12"]),
        // Witnessing an exchange of documents: a signing.
        Row(.en, "Tokayev and Pakistan's Prime Minister Shehbaz Sharif witnessed the exchange of documents.",
            expected: ["agreement KZ-PK documents signed 2025-06-12"]),
        Row(.ru, "Токаев и Премьер-министр Пакистана присутствовали при обмене документами.",
            expected: ["agreement KZ-PK documents signed 2025-06-12"]),
        // Commercial agreements are the companies' deals…
        Row(.kk, "Сапар барысында Қазақстан мен Қытай арасында жалпы сомасы 15 млрд долларды құрайтын 40-тан астам коммерциялық келісімге қол қойылды.",
            absent: ["agreement CN-KZ agreement signed 2025-06-12", "agreement CN-KZ documents signed 2025-06-12"]),
        Row(.ru, "В ходе визита казахстанские и китайские компании подписали коммерческие соглашения на 15 млрд долларов.",
            absent: ["agreement CN-KZ agreement signed 2025-06-12", "agreement CN-KZ documents signed 2025-06-12"]),
        Row(.en, "During the visit, Kazakhstan and China signed commercial agreements worth $15 billion.",
            absent: ["agreement CN-KZ agreement signed 2025-06-12", "agreement CN-KZ documents signed 2025-06-12"]),
        // …unless intergovernmental documents are signed beside them.
        Row(.en, "Kazakhstan and China signed 12 intergovernmental and commercial documents.",
            expected: ["agreement CN-KZ documents signed 2025-06-12"]),
        // Business councils are not sides.
        Row(.en, "Business councils of Kazakhstan and Uzbekistan are expected to meet again next spring.",
            absent: ["talks KZ-UZ unspecified planned 2025-06-12"]),
        Row(.ru, "Деловые советы Казахстана и Узбекистана проведут встречу весной.",
            absent: ["talks KZ-UZ unspecified planned 2025-06-12"]),
        // A weekday of what will happen is the coming one (published Thursday 12 June);
        // of what happened, the past one.
        Row(.en, "Prime Minister Olzhas Bektenov will travel to Bishkek on Tuesday for an official visit.",
            expected: ["visit KZ>KG official planned 2025-06-17"], absent: ["visit KZ>KG official planned 2025-06-10"]),
        Row(.ru, "Во вторник Премьер-министр Олжас Бектенов посетит Бишкек с официальным визитом.",
            expected: ["visit KZ>KG official planned 2025-06-17"]),
        Row(.kk, "Сейсенбі күні Премьер-Министр Олжас Бектенов Бішкекке ресми сапармен барады.",
            expected: ["visit KZ>KG official planned 2025-06-17"]),
        Row(.en, "On Tuesday, Prime Minister Olzhas Bektenov arrived in Bishkek on an official visit.",
            expected: ["visit KZ>KG official happened 2025-06-10"]),
        // A later year named alone dates what will happen in it.
        Row(.en, "In 2026, the President of Mongolia will pay a state visit to Kazakhstan.",
            expected: ["visit MN>KZ state planned 2026"]),
        Row(.ru, "В 2026 году Президент Монголии посетит Казахстан с государственным визитом.",
            expected: ["visit MN>KZ state planned 2026"]),
        Row(.kk, "2026 жылы Моңғолия Президенті Қазақстанға мемлекеттік сапармен келеді.",
            expected: ["visit MN>KZ state planned 2026"]),
        // Russian: the object of "посетить" is where the visit goes.
        Row(.ru, "Касым-Жомарт Токаев посетит Улан-Батор в рамках государственного визита.",
            expected: ["visit KZ>MN state planned 2025-06-12"], absent: ["visit MN>KZ state planned 2025-06-12"]),
        // Turnover that "will reach" a sum is a target, not a figure reported.
        Row(.en, "Trade between Kazakhstan and Mongolia will reach 1 billion dollars within three years.",
            expected: ["trade KZ-MN trade_target 1000000000 USD"], absent: ["trade KZ-MN trade_turnover 1000000000 USD"]),
        Row(.ru, "Товарооборот между Казахстаном и Монголией достигнет 1 миллиарда долларов в ближайшие три года.",
            expected: ["trade KZ-MN trade_target 1000000000 USD"]),
        Row(.kk, "Қазақстан мен Моңғолия арасындағы тауар айналымы үш жылда 1 миллиард долларға жетеді.",
            expected: ["trade KZ-MN trade_target 1000000000 USD"]),
        Row(.kk, "Былтыр Қазақстан мен Моңғолия арасындағы тауар айналымы 800 миллион долларға жетті.",
            expected: ["trade KZ-MN trade_turnover 800000000 USD"]),
        // A month named alone (published in June): the last such month for what happened,
        // the next for what will.
        Row(.en, "Tokayev thanked the Emir for the welcome during his official visit to Qatar in February.",
            expected: ["visit KZ>QA official happened 2025-02"]),
        Row(.ru, "Токаев посетит Монголию с государственным визитом в феврале.",
            expected: ["visit KZ>MN state planned 2026-02"]),
        Row(.kk, "Тоқаев шілде айында Моңғолияға мемлекеттік сапармен барады.",
            expected: ["visit KZ>MN state planned 2025-07"]),
        Row(.en, "Tokayev paid a state visit to Mongolia in November.",
            expected: ["visit KZ>MN state happened 2024-11"]),
        // Kazakh "қол қояды" (will sign): a document to be signed.
        Row(.kk, "Қазақстан мен Моңғолия шекара туралы үкіметаралық келісімге қол қояды деп күтілуде.",
            expected: ["agreement KZ-MN agreement planned 2025-06-12"], absent: ["agreement KZ-MN agreement signed 2025-06-12"]),
        Row(.kk, "Сапар барысында Қазақстан мен Моңғолия бірқатар құжаттарға қол қоямыз деп отыр.",
            expected: ["agreement KZ-MN documents planned 2025-06-12"]),
        // Political consultations of ministries are talks.
        Row(.en, "Deputy Foreign Minister Alibek Bakayev held political consultations with the Deputy Foreign Minister of Mongolia in Ulaanbaatar.",
            expected: ["talks KZ-MN unspecified happened 2025-06-12"]),
        Row(.ru, "Заместитель министра иностранных дел Алибек Бакаев провел политические консультации с заместителем министра иностранных дел Монголии в Улан-Баторе.",
            expected: ["talks KZ-MN unspecified happened 2025-06-12"]),
        Row(.kk, "Сыртқы істер министрінің орынбасары Әлібек Бақаев Улан-Баторда Моңғолия Сыртқы істер министрінің орынбасарымен саяси консультациялар өткізді.",
            expected: ["talks KZ-MN unspecified happened 2025-06-12"]),
        // A weekday before "on the sidelines of the summit" dates the meeting, not the summit.
        Row(.ru, "Министр иностранных дел Мурат Нуртлеу в среду встретился с министром иностранных дел Монголии на полях саммита ШОС в Тяньцзине.",
            expected: ["talks KZ-MN unspecified happened 2025-06-11"]),
        Row(.kk, "Сыртқы істер министрі Мұрат Нұртілеу сәрсенбі күні Тяньцзиньде ШЫҰ саммиті аясында Моңғолия Сыртқы істер министрімен кездесті.",
            expected: ["talks KZ-MN unspecified happened 2025-06-11"]),
    ]

    /// A figure with no period of its own takes the period of the figure before it in the
    /// same paragraph, and only there.
    @Test(arguments: [
        (Language.en, "In 2024, trade between Kazakhstan and Kyrgyzstan amounted to $1.6 billion. Kazakhstan's exports to Kyrgyzstan totaled $1.1 billion.\n\nKazakhstan's imports from Kyrgyzstan reached $500 million."),
        (Language.ru, "По итогам 2024 года товарооборот Казахстана и Кыргызстана составил 1,6 млрд долларов. Экспорт из Казахстана в Кыргызстан – 1,1 млрд долларов.\n\nИмпорт из Кыргызстана составил 500 млн долларов."),
        (Language.kk, "2024 жылы Қазақстан мен Қырғызстан арасындағы тауар айналымы 1,6 млрд долларды құрады. Қазақстанның Қырғызстанға экспорты 1,1 млрд долларға жетті.\n\nҚырғызстаннан импорт 500 млн долларды құрады."),
    ])
    func periodCarriesWithinAParagraph(lang: Language, text: String) {
        let figures = Run.trade(Run.facts(text, lang, published: "2025-06-12"))
        #expect(figures.first { $0.metric == .exports }?.period?.from == "2024-01", "\(figures)")
        #expect(figures.first { $0.metric == .imports }.map { $0.period == nil } == true, "\(figures)")
    }

    /// A sentence that only tells what was discussed names the topic's people, not the
    /// participants ("the sides discussed the visit of Xi Jinping").
    @Test func discussionNamesNoParticipants() {
        let c = Run.facts("Министр иностранных дел Казахстана провел переговоры с министром иностранных дел КНР. Стороны обсудили визит Председателя КНР Си Цзиньпина.", .ru, published: "2025-06-12")
        #expect(Run.talks(c).allSatisfy { !$0.participants.contains("Xi Jinping") })
    }

    /// A dateline run into the first sentence is not the meeting's place; a Kazakh roadmap
    /// described after its parties ("Қазақстан мен Моңғолия … жол картасына") has no title.
    @Test func datelineIsNoVenueAndAPartyStartsNoTitle() {
        let talks = Run.talks(Run.facts("Astana, 12 June 2025 - Foreign Minister Murat Nurtleu met the Foreign Minister of Mongolia on the sidelines of the SCO summit in Tianjin.", .en, published: "2025-06-12"))
        #expect(talks.map(\.place) == ["Tianjin"], "\(talks)")
        let docs = Run.agreements(Run.facts("Қазақстан мен Моңғолия көлік саласындағы ынтымақтастық жөніндегі жол картасына қол қойды.", .kk, published: "2025-06-12"))
        #expect(docs.map(\.title) == [""], "\(docs)")
        let named = Run.agreements(Run.facts("Қазақстан мен Моңғолия Стратегиялық әріптестік туралы шартқа қол қойды.", .kk, published: "2025-06-12"))
        #expect(named.map(\.title) == ["Стратегиялық әріптестік туралы шарт"], "\(named)")
    }

    @Test(arguments: rows)
    func factsOfTheArticle(row: Row) {
        let got = Self.summary(Run.facts(row.text, row.lang, published: row.published))
        #expect(got.isSuperset(of: row.expected), "\(got)")
        #expect(got.isDisjoint(with: row.absent), "\(got)")
    }
}
