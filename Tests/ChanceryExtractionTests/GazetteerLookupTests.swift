import Testing
import ChanceryDomain
@testable import ChanceryExtraction

/// `kind codes «surface»` for each mention, e.g. `person KZ «Тоқаевқа»`, `compound IR-KZ «ирано-казахский»`.
private func describeMentions(_ text: String, _ language: Language) -> [String] {
    Gazetteer.mentions(in: text, language: language).map { m in
        "\(m.kind) \(m.countries.map(\.rawValue).joined(separator: "-")) «\(text[m.range])»"
    }
}

@Suite struct GazetteerMentionTests {
    @Test(arguments: [
        ("Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада Иран Президенті Масуд Пезешкианды қабылдады.",
         ["person KZ «Қасым-Жомарт Тоқаев»", "city KZ «Ақордада»", "country IR «Иран»", "person IR «Масуд Пезешкианды»"]),
        ("Кеше Тоқаев пен Мирзиёев телефон арқылы сөйлесті.",
         ["person KZ «Тоқаев»", "person UZ «Мирзиёев»"]),
        ("Сапар барысында Түркияның сыртқы істер министрі Хакан Фидан Астанаға келді.",
         ["country TR «Түркияның»", "person TR «Хакан Фидан»", "city KZ «Астанаға»"]),
        ("Оңтүстік Кореямен және Біріккен Араб Әмірліктерімен келісімдерге қол қойылды.",
         ["country KR «Оңтүстік Кореямен»", "country AE «Біріккен Араб Әмірліктерімен»"]),
        ("Қазақ-өзбек және қазақ-иран қатынастары жаңа деңгейге көтерілді.",
         ["compound KZ-UZ «Қазақ-өзбек»", "compound KZ-IR «қазақ-иран»"]),
        ("Биыл АҚШ-пен және ҚХР-мен сауда айналымы өсті.",
         ["country US «АҚШ-пен»", "country CN «ҚХР-мен»"]),
        ("Түркі мемлекеттері ұйымының саммиті Түркістанда өтеді.",
         ["city KZ «Түркістанда»"]),
        ("Ресейдің сыртқы істер министрі Сергей Лавров Мәскеуде қазақстандық әріптесін қабылдады.",
         ["country RU «Ресейдің»", "person RU «Сергей Лавров»", "city RU «Мәскеуде»", "adjective KZ «қазақстандық»"]),
        ("Елімізге келген түрікмен делегациясы Ашғабатқа оралды.",
         ["country KZ «Елімізге»", "adjective TM «түрікмен»", "city TM «Ашғабатқа»"]),
        ("Президент Ердоғанмен кездесуге иран тарапы мен қытай инвесторлары да қатысты.",
         ["person TR «Ердоғанмен»", "adjective IR «иран»", "adjective CN «қытай»"]),
        ("Мемлекет басшысы Қазақстан Республикасының атынан Латын Америкасы елдерімен байланысты атап өтті.",
         ["country KZ «Қазақстан Республикасының»"]),
        ("Шавкат Мирзиёевпен кездесуде Ұлыбритания мен Жапония өкілдері болды.",
         ["person UZ «Шавкат Мирзиёевпен»", "country GB «Ұлыбритания»", "country JP «Жапония»"]),
    ])
    func kazakh(_ text: String, _ expected: [String]) {
        #expect(describeMentions(text, .kk) == expected)
    }

    @Test(arguments: [
        ("Президент Казахстана Касым-Жомарт Токаев провёл переговоры с Президентом Ирана Масудом Пезешкианом.",
         ["country KZ «Казахстана»", "person KZ «Касым-Жомарт Токаев»", "country IR «Ирана»", "person IR «Масудом Пезешкианом»"]),
        ("Ирано-казахские и казахстанско-иранские отношения обсуждались в Тегеране.",
         ["compound IR-KZ «Ирано-казахские»", "compound KZ-IR «казахстанско-иранские»", "city IR «Тегеране»"]),
        ("Делегация Соединённых Штатов Америки прибыла в Астану из Москвы.",
         ["country US «Соединённых Штатов Америки»", "city KZ «Астану»", "city RU «Москвы»"]),
        ("Товарооборот между РФ и КНР, а также между США и ОАЭ вырос.",
         ["country RU «РФ»", "country CN «КНР»", "country US «США»", "country AE «ОАЭ»"]),
        ("Того же мнения придерживаются эксперты из Южной Кореи и Египта.",
         ["country KR «Южной Кореи»", "country EG «Египта»"]),
        ("Российско-казахстанских проектов стало больше, сообщил Алиев в Баку.",
         ["compound RU-KZ «Российско-казахстанских»", "person AZ «Алиев»", "city AZ «Баку»"]),
        ("Встреча прошла в Кремле с участием белорусской делегации и Лукашенко.",
         ["city RU «Кремле»", "adjective BY «белорусской»", "person BY «Лукашенко»"]),
        ("Страны Латинской Америки и Корейский полуостров упомянуты в казахско-турецком заявлении.",
         ["compound KZ-TR «казахско-турецком»"]),
        ("Эрдоган и Си Цзиньпин встретились с Мирзиёевым в Самарканде.",
         ["person TR «Эрдоган»", "person CN «Си Цзиньпин»", "person UZ «Мирзиёевым»", "city UZ «Самарканде»"]),
        ("Туркменистан, Германия, Франция и Беларусь поддержали инициативу Республики Казахстан.",
         ["country TM «Туркменистан»", "country DE «Германия»", "country FR «Франция»", "country BY «Беларусь»",
          "country KZ «Республики Казахстан»"]),
        ("Премьер-министр Японии и министр иностранных дел Турции прибыли в Нур-Султан.",
         ["country JP «Японии»", "country TR «Турции»", "city KZ «Нур-Султан»"]),
    ])
    func russian(_ text: String, _ expected: [String]) {
        #expect(describeMentions(text, .ru) == expected)
    }

    @Test(arguments: [
        ("Kazakh President Kassym-Jomart Tokayev held talks with Iran's President Masoud Pezeshkian in Astana.",
         ["adjective KZ «Kazakh»", "person KZ «Kassym-Jomart Tokayev»", "country IR «Iran's»", "person IR «Masoud Pezeshkian»",
          "city KZ «Astana»"]),
        ("The U.S. and the UAE signed agreements with the PRC.",
         ["country US «U.S.»", "country AE «UAE»", "country CN «PRC»"]),
        ("We met them in Astana, and the US delegation met us in New Delhi.",
         ["city KZ «Astana»", "country US «US»", "city IN «New Delhi»"]),
        ("Kazakh-Chinese and Kazakhstan–Iran relations, as well as Sino-Kazakh trade, grew.",
         ["compound KZ-CN «Kazakh-Chinese»", "compound KZ-IR «Kazakhstan–Iran»", "compound CN-KZ «Sino-Kazakh»"]),
        ("Guinea, Equatorial Guinea, Papua New Guinea and Guinea-Bissau sent envoys; Niger and Nigeria did not.",
         ["country GN «Guinea»", "country GQ «Equatorial Guinea»", "country PG «Papua New Guinea»",
          "country GW «Guinea-Bissau»", "country NE «Niger»", "country NG «Nigeria»"]),
        ("Leaders of the Organization of Turkic States met in Astana; Latin America was absent.",
         ["city KZ «Astana»"]),
        ("Tokayev's visit to Jordan and Georgia followed Erdoğan's trip to Baku.",
         ["person KZ «Tokayev's»", "country JO «Jordan»", "country GE «Georgia»", "person TR «Erdoğan's»", "city AZ «Baku»"]),
        ("The Kazakh delegation was received at the Akorda by the Uzbek and Tajik foreign ministers.",
         ["adjective KZ «Kazakh»", "city KZ «Akorda»", "adjective UZ «Uzbek»", "adjective TJ «Tajik»"]),
        ("South Korea and North Korea, the DPRK, were not on the agenda of Shavkat Mirziyoyev.",
         ["country KR «South Korea»", "country KP «North Korea»", "country KP «DPRK»", "person UZ «Shavkat Mirziyoyev»"]),
        ("AstanaHub and Astanagate are not cities, and china is porcelain.",
         [String]()),
        ("The Kyrgyz Republic and Türkiye joined Saudi Arabia and the United Arab Emirates.",
         ["country KG «Kyrgyz Republic»", "country TR «Türkiye»", "country SA «Saudi Arabia»", "country AE «United Arab Emirates»"]),
    ])
    func english(_ text: String, _ expected: [String]) {
        #expect(describeMentions(text, .en) == expected)
    }

    /// Surnames alone, inflected, in each language, resolve to the person.
    @Test(arguments: [
        ("Тоқаевтың", Language.kk, "Kassym-Jomart Tokayev"), ("Токаевым", .ru, "Kassym-Jomart Tokayev"),
        ("Tokaev", .en, "Kassym-Jomart Tokayev"), ("Пезешкианмен", .kk, "Masoud Pezeshkian"),
        ("Pezeshkian", .en, "Masoud Pezeshkian"), ("Мирзиёевке", .kk, "Shavkat Mirziyoyev"),
        ("Mirziyoyev", .en, "Shavkat Mirziyoyev"), ("Рахмонмен", .kk, "Emomali Rahmon"), ("Rahmon", .en, "Emomali Rahmon"),
        ("Путинмен", .kk, "Vladimir Putin"), ("Си Цзиньпинмен", .kk, "Xi Jinping"), ("Xi", .en, "Xi Jinping"),
        ("Ердоғанның", .kk, "Recep Tayyip Erdoğan"), ("Эрдоганом", .ru, "Recep Tayyip Erdoğan"),
        ("Erdogan", .en, "Recep Tayyip Erdoğan"), ("Жапаровқа", .kk, "Sadyr Japarov"), ("Japarov", .en, "Sadyr Japarov"),
        ("Әлиевпен", .kk, "Ilham Aliyev"), ("Алиевым", .ru, "Ilham Aliyev"), ("Нұртілеуге", .kk, "Murat Nurtleu"),
        ("Кошербаевым", .ru, "Yermek Kosherbayev"), ("Bektenov", .en, "Olzhas Bektenov"),
    ])
    func surname(_ text: String, _ language: Language, _ canonical: String) {
        let ms = Gazetteer.mentions(in: text, language: language)
        #expect(ms.count == 1)
        #expect(ms.first?.kind == .person)
        #expect(ms.first?.canonical == canonical)
        #expect(ms.first.map { text[$0.range] } == Substring(text))
    }

    @Test func canonicalNamesAndRoles() {
        let text = "Тоқаев Ақордада Әбу-Даби делегациясын және ирано-казахский форумды қабылдады"
        let ms = Gazetteer.mentions(in: text, language: .kk)
        #expect(ms.map(\.canonical) == ["Kassym-Jomart Tokayev", "Astana", "Abu Dhabi"])
        #expect(ms.first?.role == .headOfState)
        #expect(ms[1].role == nil)
        let ru = Gazetteer.mentions(in: "ирано-казахский форум", language: .ru)
        #expect(ru.map(\.canonical) == ["Iran–Kazakhstan"])
        #expect(ru.first?.countries == ["IR", "KZ"])
    }

    @Test func mentionsNeverOverlapAndAreInOrder() {
        let text = "Қазақстан Республикасы мен Иран Ислам Республикасы, Kazakhstan and Iran, Казахстан и Иран."
        let ms = Gazetteer.mentions(in: text, language: .kk)
        for (a, b) in zip(ms, ms.dropFirst()) { #expect(a.range.upperBound <= b.range.lowerBound) }
        #expect(ms.count == 6)
    }

    @Test func lowerCaseAdjectivesOnlyInTheirLanguage() {
        #expect(describeMentions("иран тарапы", .kk) == ["adjective IR «иран»"])
        #expect(describeMentions("иран тарапы", .ru) == [])
        #expect(describeMentions("иранская сторона", .ru) == ["adjective IR «иранская»"])
        #expect(describeMentions("china and turkey", .en) == [])
    }
}

@Suite struct GazetteerLookupTests {
    @Test(arguments: [
        ("KZ", "KZ"), ("kz", "KZ"), ("Kazakhstan", "KZ"), ("kazakhstan", "KZ"), ("Қазақстан", "KZ"), ("Казахстан", "KZ"),
        ("Казахстана", "KZ"), ("Қазақстанға", "KZ"), ("Kazakh", "KZ"), ("Иран", "IR"), ("иранға", "IR"), ("IRAN", "IR"),
        ("United Arab Emirates", "AE"), ("UAE", "AE"), ("ОАЭ", "AE"), ("БАӘ", "AE"), ("Оңтүстік Корея", "KR"),
        ("South Korea", "KR"), ("North Korea", "KP"), ("Türkiye", "TR"), ("Turkey", "TR"), ("Түркия", "TR"),
        ("Россией", "RU"), ("usa", "US"), ("  США  ", "US"), ("XK", "XK"), ("Kosovo", "XK"), ("Palestine", "PS"),
        ("Holy See", "VA"), ("Taiwan", "TW"), ("соединенных штатов америки", "US"),
    ])
    func countryNamed(_ name: String, _ code: String) {
        #expect(Gazetteer.country(named: name) == CountryCode(code))
    }

    @Test(arguments: ["Narnia", "ZZ", "", "Astana", "Kazakhstan China", "Tokayev", "Q"])
    func noCountryNamed(_ name: String) {
        #expect(Gazetteer.country(named: name) == nil)
    }

    @Test(arguments: [
        ("Kazakstan", "Kazakhstan"), ("Uzbekstan", "Uzbekistan"), ("Казакстан", "Казахстан"), ("Qatr", "Qatar"),
        ("Kyrgystan", "Kyrgyzstan"), ("Түркменстан", "Түрікменстан"),
    ])
    func suggestions(_ typo: String, _ expected: String) {
        let s = Gazetteer.suggestions(for: typo, limit: 3)
        #expect(s.contains(expected), "\(s)")
        #expect(s.count <= 3)
    }

    @Test func noSuggestionsForNonsense() {
        #expect(Gazetteer.suggestions(for: "zzzzzzzzzzzz", limit: 5).isEmpty)
        #expect(Gazetteer.suggestions(for: "Iran", limit: 0).isEmpty)
    }

    @Test(arguments: [
        ("KZ", Language.en, "Kazakhstan"), ("KZ", .ru, "Казахстан"), ("KZ", .kk, "Қазақстан"), ("US", .ru, "США"),
        ("TG", .ru, "Того"), ("AE", .kk, "Біріккен Араб Әмірліктері"), ("IR", .kk, "Иран"), ("TR", .en, "Türkiye"),
        ("XX", .en, "XX"),
    ])
    func displayName(_ code: String, _ language: Language, _ expected: String) {
        #expect(Gazetteer.name(of: CountryCode(code)!, in: language) == expected)
    }

    @Test(arguments: [
        ("KZ", "Astana"), ("RU", "Moscow"), ("CN", "Beijing"), ("TR", "Ankara"), ("IR", "Tehran"), ("UZ", "Tashkent"),
        ("TJ", "Dushanbe"), ("KG", "Bishkek"), ("TM", "Ashgabat"), ("AZ", "Baku"), ("GE", "Tbilisi"), ("AM", "Yerevan"),
        ("BY", "Minsk"), ("UA", "Kyiv"), ("MN", "Ulaanbaatar"), ("US", "Washington"), ("GB", "London"), ("DE", "Berlin"),
        ("FR", "Paris"), ("IT", "Rome"), ("ES", "Madrid"), ("PL", "Warsaw"), ("HU", "Budapest"), ("AT", "Vienna"),
        ("NL", "Amsterdam"), ("BE", "Brussels"), ("CZ", "Prague"), ("RS", "Belgrade"), ("GR", "Athens"), ("CH", "Bern"),
        ("JP", "Tokyo"), ("KR", "Seoul"), ("IN", "New Delhi"), ("PK", "Islamabad"), ("AF", "Kabul"), ("VN", "Hanoi"),
        ("MY", "Kuala Lumpur"), ("ID", "Jakarta"), ("SG", "Singapore"), ("TH", "Bangkok"), ("AE", "Abu Dhabi"),
        ("SA", "Riyadh"), ("QA", "Doha"), ("KW", "Kuwait City"), ("OM", "Muscat"), ("EG", "Cairo"), ("IL", "Jerusalem"),
        ("JO", "Amman"), ("CA", "Ottawa"), ("BR", "Brasília"), ("SE", "Stockholm"), ("NO", "Oslo"), ("FI", "Helsinki"),
        ("DK", "Copenhagen"), ("BG", "Sofia"), ("RO", "Bucharest"), ("SK", "Bratislava"), ("LT", "Vilnius"),
        ("LV", "Riga"), ("EE", "Tallinn"), ("IQ", "Baghdad"), ("LB", "Beirut"), ("BH", "Manama"), ("BD", "Dhaka"),
        ("LK", "Colombo"), ("PH", "Manila"), ("AU", "Canberra"), ("MX", "Mexico City"),
    ])
    func capital(_ code: String, _ city: String) {
        #expect(Gazetteer.capital(of: CountryCode(code)!) == city)
    }

    @Test(arguments: [
        ("Masoud Pezeshkian", "IR", PersonRole.headOfState), ("Kassym-Jomart Tokayev", "KZ", .headOfState),
        ("Hakan Fidan", "TR", .foreignMinister), ("Murat Nurtleu", "KZ", .foreignMinister),
        ("Yermek Kosherbayev", "KZ", .foreignMinister), ("Olzhas Bektenov", "KZ", .headOfGovernment),
        ("Sadyr Japarov", "KG", .headOfState), ("Ilham Aliyev", "AZ", .headOfState), ("Emomali Rahmon", "TJ", .headOfState),
        ("Shavkat Mirziyoyev", "UZ", .headOfState), ("Vladimir Putin", "RU", .headOfState), ("Xi Jinping", "CN", .headOfState),
        ("Recep Tayyip Erdoğan", "TR", .headOfState), ("Dashzegviin Amarbayasgalan", "MN", .speaker),
        ("Пезешкиан", "IR", .headOfState), ("masoud pezeshkian", "IR", .headOfState),
    ])
    func person(_ name: String, _ code: String, _ role: PersonRole) {
        let p = Gazetteer.person(name)
        #expect(p?.country == CountryCode(code))
        #expect(p?.role == role)
    }

    @Test func unknownPerson() {
        #expect(Gazetteer.person("Nobody Atall") == nil)
    }
}
