import Foundation

/// A small, seeded, reproducible random number generator (SplitMix64).
struct SeededRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates synthetic diplomatic news articles in Kazakh, Russian and English from our own
/// sentence templates. Articles draw their facts from a shared pool, so the same visit,
/// talks, signing or trade figure is told by several articles (in several languages): the
/// first one ingested adds the fact, the others corroborate it.
enum ArticleGenerator {
    enum Lang: String, CaseIterable, Sendable { case kk, ru, en }

    /// A partner country with the forms our templates need.
    struct Partner: Sendable {
        let code: String
        // English
        let en: String, enLeader: String, enCity: String
        // Russian: nominative, genitive, instrumental; leader; city (nominative, prepositional, accusative)
        let ru: String, ruGen: String, ruIns: String, ruLeader: String, ruCity: String, ruCityPrep: String
        // Kazakh: nominative, locative city, leader, leader with -мен/-пен
        let kk: String, kkLeader: String, kkLeaderWith: String, kkCityLoc: String
    }

    static let partners: [Partner] = [
        Partner(code: "UZ", en: "Uzbekistan", enLeader: "Shavkat Mirziyoyev", enCity: "Tashkent",
                ru: "Узбекистан", ruGen: "Узбекистана", ruIns: "Узбекистаном", ruLeader: "Шавкат Мирзиёев", ruCity: "Ташкент", ruCityPrep: "Ташкенте",
                kk: "Өзбекстан", kkLeader: "Шавкат Мирзиёев", kkLeaderWith: "Шавкат Мирзиёевпен", kkCityLoc: "Ташкентте"),
        Partner(code: "KG", en: "Kyrgyzstan", enLeader: "Sadyr Japarov", enCity: "Bishkek",
                ru: "Кыргызстан", ruGen: "Кыргызстана", ruIns: "Кыргызстаном", ruLeader: "Садыр Жапаров", ruCity: "Бишкек", ruCityPrep: "Бишкеке",
                kk: "Қырғызстан", kkLeader: "Садыр Жапаров", kkLeaderWith: "Садыр Жапаровпен", kkCityLoc: "Бішкекте"),
        Partner(code: "TJ", en: "Tajikistan", enLeader: "Emomali Rahmon", enCity: "Dushanbe",
                ru: "Таджикистан", ruGen: "Таджикистана", ruIns: "Таджикистаном", ruLeader: "Эмомали Рахмон", ruCity: "Душанбе", ruCityPrep: "Душанбе",
                kk: "Тәжікстан", kkLeader: "Эмомали Рахмон", kkLeaderWith: "Эмомали Рахмонмен", kkCityLoc: "Душанбеде"),
        Partner(code: "AZ", en: "Azerbaijan", enLeader: "Ilham Aliyev", enCity: "Baku",
                ru: "Азербайджан", ruGen: "Азербайджана", ruIns: "Азербайджаном", ruLeader: "Ильхам Алиев", ruCity: "Баку", ruCityPrep: "Баку",
                kk: "Әзербайжан", kkLeader: "Ильхам Әлиев", kkLeaderWith: "Ильхам Әлиевпен", kkCityLoc: "Бакуде"),
        Partner(code: "TR", en: "Türkiye", enLeader: "Recep Tayyip Erdoğan", enCity: "Ankara",
                ru: "Турция", ruGen: "Турции", ruIns: "Турцией", ruLeader: "Реджеп Тайип Эрдоган", ruCity: "Анкара", ruCityPrep: "Анкаре",
                kk: "Түркия", kkLeader: "Режеп Тайып Ердоған", kkLeaderWith: "Режеп Тайып Ердоғанмен", kkCityLoc: "Анкарада"),
        Partner(code: "TM", en: "Turkmenistan", enLeader: "Serdar Berdimuhamedov", enCity: "Ashgabat",
                ru: "Туркменистан", ruGen: "Туркменистана", ruIns: "Туркменистаном", ruLeader: "Сердар Бердымухамедов", ruCity: "Ашхабад", ruCityPrep: "Ашхабаде",
                kk: "Түрікменстан", kkLeader: "Сердар Бердімұхамедов", kkLeaderWith: "Сердар Бердімұхамедовпен", kkCityLoc: "Ашғабатта"),
    ]

    static let enMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let ruMonths = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    static let kkMonths = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
    static let kkMonthsLoc = ["қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда", "қыркүйекте", "қазанда", "қарашада", "желтоқсанда"]

    struct Day: Sendable, Hashable {
        let year: Int, month: Int, day: Int
        var en: String { "\(day) \(ArticleGenerator.enMonths[month - 1]) \(year)" }
        var ru: String { "\(day) \(ArticleGenerator.ruMonths[month - 1]) \(year) года" }
        var kk: String { "\(year) жылғы \(day) \(ArticleGenerator.kkMonthsLoc[month - 1])" }
        var kkLine: String { "\(day) \(ArticleGenerator.kkMonths[month - 1].capitalized) \(year)" }
    }

    /// One fact of the pool, told in any language.
    enum Fact: Sendable, Hashable {
        case talks(Int, Day)                  // partner index, day
        case visit(Int, Day)                  // the partner's leader comes to Astana
        case signed(Int, Day, Int)            // number of documents
        case trade(Int, Int, Int)             // year, value in tenths of a billion US dollars
    }

    /// A pool of distinct facts: per partner, dates at least a week apart (so no two facts
    /// of a stream are "within a day" of each other) and trade figures far more than 1 % apart.
    static func pool(_ rng: inout SeededRNG) -> [Fact] {
        var out = [Fact]()
        for p in partners.indices {
            var dayOfYear = Int.random(in: 5...20, using: &rng)
            for k in 0..<4 {
                let month = min(12, 1 + dayOfYear / 30), day = 1 + dayOfYear % 28
                let d = Day(year: 2025, month: month, day: day)
                switch k {
                case 0: out.append(.talks(p, d))
                case 1: out.append(.visit(p, d))
                case 2: out.append(.signed(p, d, Int.random(in: 3...19, using: &rng)))
                default: out.append(.talks(p, d))
                }
                dayOfYear += Int.random(in: 40...70, using: &rng)
            }
            out.append(.trade(p, 2024, 10 * (p + 1) + 3))
            out.append(.trade(p, 2023, 10 * (p + 1) + 7))
        }
        return out
    }

    static func sentence(_ f: Fact, _ lang: Lang) -> String {
        switch (f, lang) {
        case (.talks(let i, let d), .en):
            let p = partners[i]
            return "Kassym-Jomart Tokayev held talks with the President of \(p.en) \(p.enLeader) in \(p.enCity) on \(d.en)."
        case (.talks(let i, let d), .ru):
            let p = partners[i]
            return "\(d.ru) Касым-Жомарт Токаев и Президент \(p.ruGen) \(p.ruLeader) провели переговоры в \(p.ruCityPrep)."
        case (.talks(let i, let d), .kk):
            let p = partners[i]
            return "Қасым-Жомарт Тоқаев \(d.kk) \(p.kkCityLoc) \(p.kk) Президенті \(p.kkLeaderWith) келіссөз жүргізді."
        case (.visit(let i, let d), .en):
            let p = partners[i]
            return "On \(d.en), the President of \(p.en) \(p.enLeader) arrived in Astana on an official visit to Kazakhstan."
        case (.visit(let i, let d), .ru):
            let p = partners[i]
            return "\(d.ru) Президент \(p.ruGen) \(p.ruLeader) прибыл в Астану с официальным визитом в Казахстан."
        case (.visit(let i, let d), .kk):
            let p = partners[i]
            return "\(d.kk) \(p.kk) Президенті \(p.kkLeader) Қазақстанға ресми сапармен келді."
        case (.signed(let i, let d, let n), .en):
            let p = partners[i]
            return "On \(d.en), Kazakhstan and \(p.en) signed \(n) documents on cooperation in Astana."
        case (.signed(let i, let d, let n), .ru):
            let p = partners[i]
            return "\(d.ru) Казахстан и \(p.ru) подписали \(n) документов о сотрудничестве."
        case (.signed(let i, let d, let n), .kk):
            let p = partners[i]
            return "\(d.kk) Қазақстан мен \(p.kk) ынтымақтастық туралы \(n) құжатқа қол қойды."
        case (.trade(let i, let y, let v), .en):
            let p = partners[i]
            return "In \(y), trade turnover between Kazakhstan and \(p.en) reached \(v / 10).\(v % 10) billion US dollars."
        case (.trade(let i, let y, let v), .ru):
            let p = partners[i]
            return "По итогам \(y) года товарооборот между Казахстаном и \(p.ruIns) составил \(v / 10),\(v % 10) млрд долларов США."
        case (.trade(let i, let y, let v), .kk):
            let p = partners[i]
            return "\(y) жылы Қазақстан мен \(p.kk) арасындағы тауар айналымы \(v / 10),\(v % 10) млрд АҚШ долларын құрады."
        }
    }

    static let filler: [Lang: [String]] = [
        .en: [
            "The sides discussed cooperation in energy, transport and agriculture.",
            "Particular attention was paid to the development of transit corridors across the Caspian Sea.",
            "The two leaders also exchanged views on regional and international issues.",
            "Experts note that the number of joint ventures has grown steadily over the past decade.",
            "The press service of the head of state reported this on its official channel.",
            "Business councils of the two countries are expected to meet again next spring.",
        ],
        .ru: [
            "Стороны обсудили сотрудничество в энергетике, транспорте и сельском хозяйстве.",
            "Особое внимание было уделено развитию транзитных коридоров через Каспийское море.",
            "Лидеры также обменялись мнениями по региональной и международной повестке.",
            "По словам экспертов, число совместных предприятий за последние годы заметно выросло.",
            "Об этом сообщает пресс-служба главы государства.",
            "Деловые советы двух стран, как ожидается, снова соберутся весной.",
        ],
        .kk: [
            "Тараптар энергетика, көлік және ауыл шаруашылығы салаларындағы ынтымақтастықты талқылады.",
            "Каспий теңізі арқылы өтетін транзиттік дәліздерді дамытуға ерекше назар аударылды.",
            "Екі ел басшысы өңірлік және халықаралық мәселелер бойынша пікір алмасты.",
            "Сарапшылардың айтуынша, соңғы жылдары бірлескен кәсіпорындар саны айтарлықтай өсті.",
            "Бұл туралы Мемлекет басшысының баспасөз қызметі хабарлады.",
            "Екі елдің іскерлік кеңестері көктемде қайта бас қосады деп күтілуде.",
        ],
    ]

    /// Text about no two countries: articles that state no fact.
    static let culture: [Lang: [String]] = [
        .en: [
            "A new exhibition of contemporary art opened at the national museum on Monday.",
            "Visitors can see more than two hundred works by young painters and sculptors.",
            "The city theatre will show a new production of an old comedy this winter.",
            "Heavy snow is expected in the northern regions at the weekend, forecasters said.",
        ],
        .ru: [
            "В национальном музее в понедельник открылась выставка современного искусства.",
            "Посетители увидят более двухсот работ молодых художников и скульпторов.",
            "Городской театр этой зимой покажет новую постановку старой комедии.",
            "Синоптики обещают сильный снег в северных регионах в выходные.",
        ],
        .kk: [
            "Ұлттық музейде дүйсенбі күні заманауи өнер көрмесі ашылды.",
            "Келушілер жас суретшілер мен мүсіншілердің екі жүзден астам жұмысын көре алады.",
            "Қалалық театр осы қыста ескі комедияның жаңа қойылымын көрсетеді.",
            "Синоптиктер демалыс күндері солтүстік өңірлерде қалың қар жауады деп болжайды.",
        ],
    ]

    static let cultureTitle: [Lang: String] = [.en: "Culture and weather", .ru: "Культура и погода", .kk: "Мәдениет және ауа райы"]

    static let headlines: [Lang: String] = [
        .en: "Kazakhstan and %@ deepen their partnership",
        .ru: "Казахстан и %@ углубляют партнерство",
        .kk: "Қазақстан мен %@ әріптестігі тереңдей түседі",
    ]

    struct Article: Sendable {
        let name: String
        let bytes: [UInt8]
        let facts: [Fact]
        let lang: Lang
    }

    /// `count` articles (plus a few exact duplicates under other names, when `duplicates`),
    /// each with one to three facts of the pool and some filler (one in eight about culture
    /// and weather, stating no fact), as UTF-8 `.txt` files.
    static func articles(count: Int, seed: UInt64, duplicates: Int = 0) -> [Article] {
        var rng = SeededRNG(seed: seed)
        let facts = pool(&rng)
        var out = [Article]()
        for n in 0..<count {
            let lang = Lang.allCases.randomElement(using: &rng)!
            // One article in eight states no fact at all (its row must still be all-or-nothing).
            let k = n % 8 == 5 ? 0 : Int.random(in: 1...3, using: &rng)
            var chosen = [Fact]()
            // Facts of one partner per article, so the article reads as one story.
            let partner = Int.random(in: 0..<partners.count, using: &rng)
            let mine = facts.filter {
                switch $0 {
                case .talks(let p, _), .visit(let p, _), .signed(let p, _, _), .trade(let p, _, _): return p == partner
                }
            }
            for _ in 0..<k { let f = mine.randomElement(using: &rng)!; if !chosen.contains(f) { chosen.append(f) } }
            let p = partners[partner]
            var title = headlines[lang]!.replacingOccurrences(of: "%@", with: lang == .en ? p.en : lang == .ru ? p.ru : p.kk)
            // One publication date per partner: a sentence whose fact takes the article's
            // date ("the sides discussed …") then states the same fact in every article of
            // that partner, whatever order they are ingested in (dates a day apart would be
            // merged or not depending on the order, since "within a day" is not transitive).
            var pub = Day(year: 2025, month: 12, day: 1 + partner * 4)
            var body = [String]()
            if k == 0 {
                title = cultureTitle[lang]!
                pub = Day(year: 2025, month: 12, day: 28)
                body = [culture[lang]![n % culture[lang]!.count], culture[lang]![(n + 1) % culture[lang]!.count]]
            }
            var lines = [title, lang == .en ? pub.en : lang == .ru ? pub.ru.replacingOccurrences(of: " года", with: "") : pub.kkLine, ""]
            for f in chosen {
                body.append(sentence(f, lang))
                body.append(filler[lang]!.randomElement(using: &rng)!)
            }
            // A unique closing line keeps every article's bytes (and SHA-256) distinct.
            switch lang {
            case .en: body.append("Report number \(n + 1) of this series was prepared by the foreign desk.")
            case .ru: body.append("Материал номер \(n + 1) подготовлен международной редакцией.")
            case .kk: body.append("Бұл \(n + 1)-материалды халықаралық бөлім дайындады.")
            }
            lines.append(body.joined(separator: " "))
            let text = lines.joined(separator: "\n") + "\n"
            out.append(Article(name: String(format: "art%04d.txt", n), bytes: Array(text.utf8), facts: chosen, lang: lang))
        }
        for d in 0..<duplicates where !out.isEmpty {
            let src = out[Int.random(in: 0..<count, using: &rng)]
            out.append(Article(name: String(format: "dup%03d.txt", d), bytes: src.bytes, facts: src.facts, lang: src.lang))
        }
        return out
    }

    /// Writes `articles` into `dir` (created if needed) and returns their paths.
    @discardableResult
    static func write(_ articles: [Article], to dir: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return try articles.map { a in
            let path = dir + "/" + a.name
            try Data(a.bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }
}
