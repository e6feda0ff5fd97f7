import Foundation

/// The countries the generators write about, with the forms the sentence templates need.
///
/// Names and people are spelled as the extractor's gazetteer has them; the case forms are
/// the benchmark's own. Kazakh case endings are derived by `Kazakh` unless given here.
public struct BenchCountry: Sendable {
    public let code: String
    // English
    let en: String, enCapital: String, enLeader: String, enMinister: String
    // Russian: nominative, genitive, accusative, instrumental; the capital after "в" in the
    // accusative (motion) and the prepositional (place)
    let ruNom: String, ruGen: String, ruAcc: String, ruIns: String, ruCapitalAcc: String, ruCapitalPrep: String
    let ruLeader: String, ruMinister: String
    // Kazakh
    let kk: String, kkCapital: String, kkLeader: String, kkMinister: String
    let kkOverrides: [Kazakh.Case: String]
}

public enum BenchCountries {
    // code|en|enCapital|enLeader|enMinister|ruNom|ruGen|ruAcc|ruIns|ruCapAcc|ruCapPrep|ruLeader|ruMinister|kk|kkCapital|kkLeader|kkMinister[|gen,dat,loc]
    private static let rows = """
    KZ|Kazakhstan|Astana|Kassym-Jomart Tokayev|Yermek Kosherbayev|Казахстан|Казахстана|Казахстан|Казахстаном|Астану|Астане|Касым-Жомарт Токаев|Ермек Кошербаев|Қазақстан|Астана|Қасым-Жомарт Тоқаев|Ермек Көшербаев
    RU|Russia|Moscow|Vladimir Putin|Sergey Lavrov|Россия|России|Россию|Россией|Москву|Москве|Владимир Путин|Сергей Лавров|Ресей|Мәскеу|Владимир Путин|Сергей Лавров
    CN|China|Beijing|Xi Jinping|Wang Yi|Китай|Китая|Китай|Китаем|Пекин|Пекине|Си Цзиньпин|Ван И|Қытай|Бейжің|Си Цзиньпин|Ван И
    US|the United States|Washington|Donald Trump|Marco Rubio|США|США|США|США|Вашингтон|Вашингтоне|Дональд Трамп|Марко Рубио|АҚШ|Вашингтон|Дональд Трамп|Марко Рубио|АҚШ-тың,АҚШ-қа,АҚШ-та
    TR|Türkiye|Ankara|Recep Tayyip Erdoğan|Hakan Fidan|Турция|Турции|Турцию|Турцией|Анкару|Анкаре|Реджеп Тайип Эрдоган|Хакан Фидан|Түркия|Анкара|Режеп Тайып Ердоған|Хакан Фидан
    UZ|Uzbekistan|Tashkent|Shavkat Mirziyoyev|Bakhtiyor Saidov|Узбекистан|Узбекистана|Узбекистан|Узбекистаном|Ташкент|Ташкенте|Шавкат Мирзиёев|Бахтиёр Саидов|Өзбекстан|Ташкент|Шавкат Мирзиёев|Бахтиёр Саидов
    KG|Kyrgyzstan|Bishkek|Sadyr Japarov|Jeenbek Kulubaev|Кыргызстан|Кыргызстана|Кыргызстан|Кыргызстаном|Бишкек|Бишкеке|Садыр Жапаров|Жээнбек Кулубаев|Қырғызстан|Бішкек|Садыр Жапаров|Жээнбек Кулубаев
    TJ|Tajikistan|Dushanbe|Emomali Rahmon|Sirojiddin Muhriddin|Таджикистан|Таджикистана|Таджикистан|Таджикистаном|Душанбе|Душанбе|Эмомали Рахмон|Сироджиддин Мухриддин|Тәжікстан|Душанбе|Эмомали Рахмон|Сироджиддин Мухриддин
    TM|Turkmenistan|Ashgabat|Serdar Berdimuhamedov|Rashid Meredov|Туркменистан|Туркменистана|Туркменистан|Туркменистаном|Ашхабад|Ашхабаде|Сердар Бердымухамедов|Рашид Мередов|Түрікменстан|Ашғабат|Сердар Бердімұхамедов|Рашид Мередов
    AZ|Azerbaijan|Baku|Ilham Aliyev|Jeyhun Bayramov|Азербайджан|Азербайджана|Азербайджан|Азербайджаном|Баку|Баку|Ильхам Алиев|Джейхун Байрамов|Әзербайжан|Баку|Ильхам Әлиев|Джейхун Байрамов
    GE|Georgia|Tbilisi|Mikheil Kavelashvili|Maka Botchorishvili|Грузия|Грузии|Грузию|Грузией|Тбилиси|Тбилиси|Михаил Кавелашвили|Мака Бочоришвили|Грузия|Тбилиси|Михаил Кавелашвили|Мака Бочоришвили
    AM|Armenia|Yerevan|Vahagn Khachaturyan|Ararat Mirzoyan|Армения|Армении|Армению|Арменией|Ереван|Ереване|Ваагн Хачатурян|Арарат Мирзоян|Армения|Ереван|Ваагн Хачатурян|Арарат Мирзоян
    BY|Belarus|Minsk|Alexander Lukashenko|Maxim Ryzhenkov|Беларусь|Беларуси|Беларусь|Беларусью|Минск|Минске|Александр Лукашенко|Максим Рыженков|Беларусь|Минск|Александр Лукашенко|Максим Рыженков
    DE|Germany|Berlin|Frank-Walter Steinmeier|Johann Wadephul|Германия|Германии|Германию|Германией|Берлин|Берлине|Франк-Вальтер Штайнмайер|Йоханн Вадефуль|Германия|Берлин|Франк-Вальтер Штайнмайер|Йоханн Вадефуль
    FR|France|Paris|Emmanuel Macron|Jean-Noël Barrot|Франция|Франции|Францию|Францией|Париж|Париже|Эммануэль Макрон|Жан-Ноэль Барро|Франция|Париж|Эммануэль Макрон|Жан-Ноэль Барро
    IT|Italy|Rome|Sergio Mattarella|Antonio Tajani|Италия|Италии|Италию|Италией|Рим|Риме|Серджо Маттарелла|Антонио Таяни|Италия|Рим|Серджо Маттарелла|Антонио Таяни
    KR|South Korea|Seoul|Lee Jae-myung|Cho Hyun|Южная Корея|Южной Кореи|Южную Корею|Южной Кореей|Сеул|Сеуле|Ли Чжэ Мён|Чо Хён|Оңтүстік Корея|Сеул|Ли Чжэ Мён|Чо Хён
    IN|India|New Delhi|Droupadi Murmu|Subrahmanyam Jaishankar|Индия|Индии|Индию|Индией|Нью-Дели|Нью-Дели|Драупади Мурму|Субраманьям Джайшанкар|Үндістан|Нью-Дели|Драупади Мурму|Субраманьям Джайшанкар
    IR|Iran|Tehran|Masoud Pezeshkian|Abbas Araghchi|Иран|Ирана|Иран|Ираном|Тегеран|Тегеране|Масуд Пезешкиан|Аббас Арагчи|Иран|Тегеран|Масуд Пезешкиан|Аббас Арагчи
    AE|the United Arab Emirates|Abu Dhabi|Mohamed bin Zayed|Abdullah bin Zayed|ОАЭ|ОАЭ|ОАЭ|ОАЭ|Абу-Даби|Абу-Даби|Мухаммед бен Заид|Абдалла бен Заид|БАӘ|Әбу-Даби|Мұхаммед бен Заид|Абдолла бен Заид|БАӘ-нің,БАӘ-ге,БАӘ-де
    HU|Hungary|Budapest|Tamás Sulyok|Péter Szijjártó|Венгрия|Венгрии|Венгрию|Венгрией|Будапешт|Будапеште|Тамаш Шуйок|Петер Сийярто|Венгрия|Будапешт|Тамаш Шуйок|Петер Сийярто
    MN|Mongolia|Ulaanbaatar|Ukhnaagiin Khurelsukh|Batmunkhiin Battsetseg|Монголия|Монголии|Монголию|Монголией|Улан-Батор|Улан-Баторе|Ухнаагийн Хурэлсух|Батмунхийн Батцэцэг|Моңғолия|Ұлан-Батор|Ухнаагийн Хурэлсух|Батмунхийн Батцэцэг
    """

    /// The 22 countries, in table order.
    public static let all: [BenchCountry] = rows.split(separator: "\n").map { line in
        let f = line.trimmingCharacters(in: .whitespaces).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        var overrides = [Kazakh.Case: String]()
        if f.count > 17 {
            let o = f[17].split(separator: ",").map(String.init)
            overrides = [.genitive: o[0], .dative: o[1], .locative: o[2]]
        }
        return BenchCountry(code: f[0], en: f[1], enCapital: f[2], enLeader: f[3], enMinister: f[4],
                            ruNom: f[5], ruGen: f[6], ruAcc: f[7], ruIns: f[8], ruCapitalAcc: f[9], ruCapitalPrep: f[10],
                            ruLeader: f[11], ruMinister: f[12], kk: f[13], kkCapital: f[14], kkLeader: f[15], kkMinister: f[16],
                            kkOverrides: overrides)
    }
}

extension BenchCountry {
    func kk(_ c: Kazakh.Case) -> String { kkOverrides[c] ?? Kazakh.inflect(kk, c) }
    /// The English name at the start of a sentence.
    var enTitle: String { en.hasPrefix("the ") ? "The " + en.dropFirst(4) : en }
}

/// Kazakh case endings by vowel harmony and the last sound of the stem (enough for names).
public enum Kazakh {
    public enum Case: Hashable, Sendable { case genitive, dative, locative }

    static let back: Set<Character> = ["а", "о", "ұ", "ы", "я", "ю"]
    static let front: Set<Character> = ["ә", "е", "ө", "ү", "і", "и", "э", "у"]
    static let voiceless: Set<Character> = ["к", "қ", "п", "с", "т", "ф", "х", "ц", "ч", "ш", "щ"]
    static let vowels = back.union(front)

    static func isBack(_ w: String) -> Bool {
        for ch in w.lowercased().reversed() {
            if back.contains(ch) { return true }
            if front.contains(ch) { return false }
        }
        return true
    }

    /// `w` with the ending of case `c` (`Қазақстан` → `Қазақстанның`, `Ресейге`, `Мәскеуде`).
    public static func inflect(_ w: String, _ c: Case) -> String {
        let b = isBack(w)
        let last = w.lowercased().last ?? "а"
        switch c {
        case .genitive:
            if vowels.contains(last) || "мнң".contains(last) { return w + (b ? "ның" : "нің") }
            if "лрйузж".contains(last) { return w + (b ? "дың" : "дің") }
            return w + (b ? "тың" : "тің")
        case .dative:
            if voiceless.contains(last) { return w + (b ? "қа" : "ке") }
            return w + (b ? "ға" : "ге")
        case .locative:
            if voiceless.contains(last) { return w + (b ? "та" : "те") }
            return w + (b ? "да" : "де")
        }
    }

    /// The conjunction "and" after `w`: `мен`, `бен` or `пен`.
    public static func and(after w: String) -> String {
        let last = w.lowercased().last ?? "а"
        if voiceless.contains(last) || "бвгд".contains(last) { return "пен" }
        if "зж".contains(last) { return "бен" }
        return "мен"
    }
}
