import Testing
@testable import ChanceryExtraction

/// `RTokenizer.forEachWord` must see exactly the words `tokenize` finds; `TitleReader`'s
/// scalar search must find what the character search finds.
@Suite struct ReadingWordScanTests {
    static let texts = [
        "Қасым-Жомарт Тоқаев 2024 жылғы 22 тамызда Ташкентке барды.",
        "Президенты России и Казахстана подписали 5 соглашений; ЁЛКА ёлка.",
        "The 3rd round of talks, held on 10–11 December, ended in Astana.",
        "Combining: cafe\u{0301}, и\u{0306}, Uzbek oʻz; Greek Ωμέγα; 日本.",
        "",
        "123 456",
    ]

    @Test(arguments: texts)
    func forEachWordSeesTheTokenizersWords(_ text: String) {
        let expected = RTokenizer.tokenize(text).filter { $0.kind == .word }.map { ($0.key.s, $0.key.h) }
        var seen: [(String, UInt64)] = []
        var s = text
        s.makeContiguousUTF8()
        s.utf8.withContiguousStorageIfAvailable { b in
            RTokenizer.forEachWord(b, from: 0, to: b.count) { w, h in seen.append((String(decoding: w, as: UTF8.self), h)) }
        }
        #expect(seen.map(\.0) == expected.map(\.0))
        #expect(seen.map(\.1) == expected.map(\.1))
    }

    @Test(arguments: [
        ("Стороны подписали Соглашение о сотрудничестве.", ["соглашени", "договор"]),
        ("Тараптар Стратегиялық әріптестік туралы шартқа қол қойды.", ["шарт"]),
        ("The Agreement on Trade was signed; another agreement followed.", ["treaty", "agreement"]),
        ("No stem here at all.", ["memorandum"]),
    ])
    func titleStemSearch(_ text: String, _ stems: [String]) {
        let lower = text.lowercased()
        let expectedStem = stems.first { lower.contains($0) }
        let found = TitleReader.firstStem(stems, inCovered: text)
        #expect(found?.stem == expectedStem)
        if let stem = expectedStem, let r = lower.range(of: stem) {
            #expect(found?.offset == lower.distance(from: lower.startIndex, to: r.lowerBound))
        }
        for lang in Language.allCases {
            #expect(TitleReader.title(in: text, stems: stems, language: lang, covered: true)
                    == TitleReader.title(in: text, stems: stems, language: lang))
        }
    }
}
