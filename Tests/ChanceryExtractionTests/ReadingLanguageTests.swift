import Testing
@testable import ChanceryExtraction

@Suite struct ReadingLanguageTests {
    static let rows: [(String, Language?)] = [
        ("Екі елдің басшылары сауда мен көлік саласындағы ынтымақтастық туралы келіссөз жүргізді.", .kk),
        ("Министр бүгін Астанаға келді және әріптесімен кездесті, деп хабарлайды агенттік.", .kk),
        // A Kazakh article with a Russian photo caption.
        ("Президенттер кездесуі Ақордада өтті. Тараптар екіжақты қарым-қатынастың барлық мәселелерін талқылады. "
         + "Бұл туралы Мемлекет басшысының баспасөз қызметі хабарлады. Фото: встреча в Акорде", .kk),
        ("Стороны обсудили вопросы торговли и инвестиций, а также сотрудничество в сфере транспорта.", .ru),
        // A Russian article quoting one Kazakh word.
        ("Глава государства отметил, что слово «ынтымақтастық» хорошо описывает отношения двух стран, которые развиваются уже много лет.", .ru),
        ("The two presidents held talks in Astana and signed an agreement on trade.", .en),
        ("Kazakhstan’s foreign minister said the visit was of great importance for both countries.", .en),
        // An English article with a French name in it.
        ("The minister met Jean de la Fontaine, who is the head of the delegation from the company.", .en),
        // Too short for function words: the script decides.
        ("Tokayev meets Erdogan", .en),
        ("Tokayev, Xi discuss de-escalation", .en),
        ("Tokayev ile Erdoğan görüştü", nil),
        ("Токаев встретился с Путиным", .ru),
        ("Тоқаев Ердоғанмен кездесті", .kk),
        ("Die beiden Präsidenten haben sich in Astana getroffen und über den Handel gesprochen, der zwischen den Ländern wächst.", nil),
        ("Les deux présidents se sont rencontrés à Astana et ont parlé du commerce entre les pays.", nil),
        ("İki ülkenin cumhurbaşkanları Astana'da bir araya geldi ve ticaret ile ulaşım konularını görüştü, daha çok iş birliği için anlaştı.", nil),
        ("Ikki davlat rahbarlari Astanada uchrashdi va savdo bilan transport haqida gaplashdi, bu hamkorlik uchun muhim.", nil),
        ("Los presidentes de los dos países se reunieron en Astana y hablaron del comercio y de la energía.", nil),
        ("Президенти двох країн зустрілися в Астані та обговорили питання торгівлі, що є важливим для України.", nil),
        ("Эки өлкөнүн президенттери Астанада жолугушту жана соода боюнча сүйлөштү, бул тууралуу маалымат кызматы билдирди.", nil),
        ("التقى رئيسا البلدين في أستانا وناقشا التجارة", nil),
        ("两国元首在阿斯塔纳举行会谈", nil),
        ("12345 67890 !!! ---", nil),
    ]

    @Test(arguments: rows)
    func identifiesReadingLanguage(_ row: (String, Language?)) {
        #expect(LanguageIdentifier.identify(row.0) == row.1, "\(LanguageIdentifier.describe(row.0))")
    }

    static let descriptions: [(String, String)] = [
        ("Die beiden Präsidenten haben sich in Astana getroffen und über den Handel gesprochen, der zwischen den Ländern wächst.", "German"),
        ("Les deux présidents se sont rencontrés à Astana et ont parlé du commerce entre les pays.", "French"),
        ("التقى رئيسا البلدين في أستانا وناقشا التجارة", "Arabic script"),
        ("两国元首在阿斯塔纳举行会谈", "Chinese"),
        ("Президенти двох країн зустрілися в Астані та обговорили питання торгівлі, що є важливим для України.", "Ukrainian"),
        ("12345 67890", "no letters"),
        ("Tokayev ile Erdoğan görüştü", "Turkish"),
    ]

    @Test(arguments: descriptions)
    func describesReadingLanguage(_ row: (String, String)) {
        #expect(LanguageIdentifier.describe(row.0).contains(row.1), "\(LanguageIdentifier.describe(row.0))")
    }
}
