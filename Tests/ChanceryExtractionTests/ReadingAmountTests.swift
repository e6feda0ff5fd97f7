import Testing
import ChanceryDomain
@testable import ChanceryExtraction

@Suite struct ReadingAmountTests {
    /// Sentence, language, expected (value, unit, written form, approximate) of each amount.
    static let rows: [(String, Language, [(Double, String, String, Bool)])] = [
        ("Тауар айналымы 17,8 млн долларға жетті.", .kk, [(17_800_000, "USD", "17,8 млн долларға", false)]),
        ("Объём инвестиций составил 17,8 млн долларов.", .ru, [(17_800_000, "USD", "17,8 млн долларов", false)]),
        ("Стороны намерены довести товарооборот до 3 млрд долларов.", .ru, [(3e9, "USD", "3 млрд долларов", false)]),
        ("Товарооборот превысил 3 млрд. долл. США.", .ru, [(3e9, "USD", "3 млрд. долл", false)]),
        ("Цель — 3 млрд к 2030 году.", .ru, [(3e9, "", "3 млрд", false)]),
        ("Trade reached $22bn last year.", .en, [(22e9, "USD", "$22bn", false)]),
        ("Investment totalled $1.5 billion.", .en, [(1.5e9, "USD", "$1.5 billion", false)]),
        ("The fund holds over US$ 31.2 billion.", .en, [(31.2e9, "USD", "US$ 31.2 billion", true)]),
        ("Exports were USD 500 million and imports USD1.2 billion.", .en,
         [(500e6, "USD", "USD 500 million", false), (1.2e9, "USD", "USD1.2 billion", false)]),
        ("Бюджет 1,2 трлн теңгені құрайды.", .kk, [(1.2e12, "KZT", "1,2 трлн теңгені", false)]),
        ("Келісімдер 500 млн долларды құрады.", .kk, [(500e6, "USD", "500 млн долларды", false)]),
        ("Мақсат – 100 млрд долларға жеткізу.", .kk, [(100e9, "USD", "100 млрд долларға", false)]),
        ("Инвестиция көлемі 3 миллиард доллар болды.", .kk, [(3e9, "USD", "3 миллиард доллар", false)]),
        ("Көрсеткіш 40 пайызға артты.", .kk, [(40, "percent", "40 пайызға", false)]),
        ("Экспорт 64%-ға өсті.", .kk, [(64, "percent", "64%-ға", false)]),
        ("Доля выросла до 53%.", .ru, [(53, "percent", "53%", false)]),
        ("Объём увеличился на 40 процентов.", .ru, [(40, "percent", "40 процентов", false)]),
        ("Рост составил на 12,5% больше.", .ru, [(12.5, "percent", "12,5%", false)]),
        ("Жүк тасымалы 1 млн тоннаға жетті.", .kk, [(1e6, "tonnes", "1 млн тоннаға", false)]),
        ("They shipped 2.5 million tonnes of grain.", .en, [(2.5e6, "tonnes", "2.5 million tonnes", false)]),
        ("Сторона поставила 550 тыс. тонн пшеницы.", .ru, [(550_000, "tonnes", "550 тыс. тонн", false)]),
        ("Бидай экспорты 550 мың тонна болды.", .kk, [(550_000, "tonnes", "550 мың тонна", false)]),
        ("The bank lent €2 billion.", .en, [(2e9, "EUR", "€2 billion", false)]),
        ("Проект стоит 5 млрд евро.", .ru, [(5e9, "EUR", "5 млрд евро", false)]),
        ("Контракт оценён в 1 234,5 млн рублей.", .ru, [(1_234.5e6, "RUB", "1 234,5 млн рублей", false)]),
        ("Контракт оценён в 1\u{00A0}234,5 млн рублей.", .ru, [(1_234.5e6, "RUB", "1\u{00A0}234,5 млн рублей", false)]),
        ("Сумма — 2\u{202F}500 млн тенге.", .ru, [(2.5e9, "KZT", "2\u{202F}500 млн тенге", false)]),
        ("Deals worth 12 bn dollars were signed.", .en, [(12e9, "USD", "12 bn dollars", false)]),
        ("The emirate pledged AED 5 billion.", .en, [(5e9, "AED", "AED 5 billion", false)]),
        ("Chinese banks lent ¥3 trillion.", .en, [(3e12, "CNY", "¥3 trillion", false)]),
        ("Trade rose to 1,250 million dollars.", .en, [(1.25e9, "USD", "1,250 million dollars", false)]),
        ("Trade was $860 million, up from $700 million.", .en,
         [(860e6, "USD", "$860 million", false), (700e6, "USD", "$700 million", false)]),
        ("Жобалардың жалпы құны $2 млрд-қа жуық.", .kk, [(2e9, "USD", "$2 млрд-қа", true)]),
        ("Инвестиция 3 млрд доллардан астам болды.", .kk, [(3e9, "USD", "3 млрд доллардан", true)]),
        ("Около 4 млрд юаней вложено.", .ru, [(4e9, "CNY", "4 млрд юаней", true)]),
        ("Товарооборот достиг 2-3 млрд долларов.", .ru, [(2e9, "USD", "2", false), (3e9, "USD", "3 млрд долларов", false)]),
        ("Рост составил от 5 до 7%.", .ru, [(5, "percent", "5", false), (7, "percent", "7%", false)]),
        ("Экспорт составил 200 млн – 1 млрд долларов.", .ru, [(200e6, "USD", "200 млн", false), (1e9, "USD", "1 млрд долларов", false)]),
        ("Тауар айналымы 11,4 пайызға өсіп, 12 миллиард долларды құрады.", .kk,
         [(11.4, "percent", "11,4 пайызға", false), (12e9, "USD", "12 миллиард долларды", false)]),
        ("Инвестиция 2 миллиард 300 миллион долларға жетті.", .kk, [(2.3e9, "USD", "2 миллиард 300 миллион долларға", false)]),
        ("Kyrgyz trade hit 150 млн сомов.", .ru, [(150e6, "KGS", "150 млн сомов", false)]),
        // Not amounts.
        ("11 декабря 2025 года в 16:30 прошла встреча.", .ru, []),
        ("Подписано 12 документов, в делегации 30 человек.", .ru, []),
        ("Самолёт Су-35 и формат C5+1 обсуждались.", .ru, []),
        ("В 2024 году прошло 5 встреч.", .ru, []),
        ("Более 3 млн человек посетили выставку.", .ru, []),
        ("Встреча 22.08.2024 прошла успешно.", .ru, []),
    ]

    @Test(arguments: rows)
    func readsReadingAmounts(_ row: (String, Language, [(Double, String, String, Bool)])) {
        let got = AmountReader.amounts(in: row.0, language: row.1)
        #expect(got.count == row.2.count, "\(row.0): \(got.map { ($0.value, $0.unit, String(row.0[$0.range])) })")
        for (a, e) in zip(got, row.2) {
            #expect(abs(a.value - e.0) <= abs(e.0) * 1e-9, "\(row.0)")
            #expect(a.unit == e.1, "\(row.0)")
            #expect(String(row.0[a.range]) == e.2, "\(row.0)")
            #expect(a.isApproximate == e.3, "\(row.0)")
        }
    }

    /// Sentence, language, the written percentage, expected change.
    static let changes: [(String, Language, String, Change?)] = [
        ("Тауар айналымы 40 пайызға артты.", .kk, "40 пайызға", .increase),
        ("Экспорт 12%-ға өсті.", .kk, "12%-ға", .increase),
        ("Инвестиция көлемі 25 пайызға ұлғайды.", .kk, "25 пайызға", .increase),
        ("Импорт 8 пайызға төмендеді.", .kk, "8 пайызға", .decrease),
        ("Тасымал 3 пайызға азайды.", .kk, "3 пайызға", .decrease),
        ("Шығын 15 пайызға қысқарды.", .kk, "15 пайызға", .decrease),
        ("Товарооборот вырос на 40%.", .ru, "40%", .increase),
        ("Объём увеличился на 7,5 процента.", .ru, "7,5 процента", .increase),
        ("Отмечен рост на 11%.", .ru, "11%", .increase),
        ("Экспорт снизился на 4%.", .ru, "4%", .decrease),
        ("Импорт сократился на 9 процентов.", .ru, "9 процентов", .decrease),
        ("Добыча упала на 2%.", .ru, "2%", .decrease),
        ("Trade increased by 40 percent.", .en, "40 percent", .increase),
        ("Exports grew 12%.", .en, "12%", .increase),
        ("Imports rose 5% in May.", .en, "5%", .increase),
        ("Turnover was up 9% on the year.", .en, "9%", .increase),
        ("Freight jumped 30%.", .en, "30%", .increase),
        ("Exports fell 6%.", .en, "6%", .decrease),
        ("Imports declined by 3 percent.", .en, "3 percent", .decrease),
        ("Output dropped 10%.", .en, "10%", .decrease),
        ("Exports have fallen 6% since spring.", .en, "6%", .decrease),
        ("Sales were down 4%.", .en, "4%", .decrease),
        ("Бұл елдің үлесі 53% құрайды.", .kk, "53%", nil),
        ("Доля страны составляет 20%.", .ru, "20%", nil),
        ("Tariffs of up to 15% apply.", .en, "15%", nil),
        // The nearest word wins when two are in the sentence.
        ("Экспорт вырос на 10%, а импорт снизился на 4%.", .ru, "4%", .decrease),
        ("Экспорт вырос на 10%, а импорт снизился на 4%.", .ru, "10%", .increase),
    ]

    @Test(arguments: changes)
    func readsReadingChange(_ row: (String, Language, String, Change?)) {
        guard let r = row.0.range(of: row.2) else { Issue.record("no \(row.2) in \(row.0)"); return }
        #expect(ChangeReader.change(near: r, in: row.0, language: row.1) == row.3, "\(row.0)")
    }
}
