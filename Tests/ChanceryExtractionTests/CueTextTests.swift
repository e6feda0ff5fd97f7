import Testing
@testable import ChanceryExtraction

/// The byte-level preparation of `CueText` must give exactly what the character-level one
/// gives: same bytes, same words, same answers to every cue question.
@Suite struct CueTextTests {
    static let sentences: [String] = [
        "Мемлекет басшысы Ақордада Өзбекстан Президентін қабылдады.",
        "Қасым-Жомарт Тоқаев 12 құжатқа қол қойылғанын атап өтті, – деді Президент.",
        "Екі ел арасындағы тауар айналымы 2023 жылы 4,5 млрд долларға жетті.",
        "«Біз келіссөздерді шағын және кеңейтілген құрамда өткіздік», – деп атап өтті ол.",
        "Ёлка, ЁЖ и ещё раз «ёлка»: Президент России прибыл в Астану с государственным визитом.",
        "Стороны подписали 14 документов, в том числе Соглашение о сотрудничестве в сфере ИИ.",
        "Переговоры прошли в узком, а затем в расширенном составе 3 ноября.",
        "Товарооборот вырос на 12,3% — до 1,2 млрд долл. США.",
        "The President’s visit to Kazakhstan — the first ever — began on 3 November.",
        "Kazakhstan and Uzbekistan signed two agreements and a road-map; talks were held one-on-one.",
        "Türkiye’s minister met his counterpart in İstanbul on Monday.",
        "Crème brûlée and Œuvre: Ärzte, São Paulo, Łódź, ǅemal.",
        "Line one\nline two\ttabbed\u{00A0}nbsp\u{202F}narrow № 5 ₸ 100 €",
        "Windows line\r\nbreak in a sentence.",
        "A combining acute: cafe\u{0301} and Cyrillic и\u{0306}.",
        "Greek Ωμέγα and 日本 are outside the table.",
        "",
        "—",
        "'quoted' words’ end",
        "x-y-z 1-2 ё-ё",
    ]

    static let cues: [[String]] = [
        ["қабылда", "қарсы ал", "кездес"],
        ["қол қой", "құжат", "келісім"],
        ["тауар айналым", "сауда айналым", "экспорт"],
        ["шағын құрам", "кеңейтілген құрам", "деп атап өтті", "атап өтті"],
        ["ёлка", "елка", "государственн", "прибыл"],
        ["документ", "соглашени", "подписали"],
        ["узк", "расширенн", "состав", ", а "],
        ["товарооборот", "млрд", "%"],
        ["visit", "first ever", "president's", "began"],
        ["agreement", "road map", "road-map", "one on one", "; "],
        ["minister", "met", "istanbul", "türkiye's"],
        ["crème", "łódź", "ǆemal"],
        ["nbsp", "№", "line two"],
        ["break", "windows line"],
        ["cafe", "и"],
        ["greek", "ωμέγα"],
        ["", " "],
        ["x y", "ё", "е е", "1 2"],
    ]

    @Test func tableAgreesWithTheStandardLibrary() {
        var covered = 0
        for v in 0..<UInt32(CueScalars.limit) {
            let e = CueScalars.table[Int(v)]
            guard e & CueScalars.covered != 0, let s = Unicode.Scalar(v) else { continue }
            covered += 1
            let lowered = Array(String(s).lowercased().unicodeScalars)
            #expect(lowered.count == 1)
            #expect(lowered[0].value == e & CueScalars.scalarMask)
            let f = CueScalars.replaced(lowered[0].value)
            let ch = Character(Unicode.Scalar(f)!)
            #expect((e & CueScalars.letterFlag != 0) == Character(s).isLetter)
            #expect((e & CueScalars.wordFlag != 0) == (ch.isLetter || ch.isNumber || ch == "'"))
            #expect((e & CueScalars.letterOrNumberFlag != 0) == (ch.isLetter || ch.isNumber))
        }
        #expect(covered > 900)
        // Combining marks, CR LF's partner rules and scripts outside stay uncovered.
        for v: UInt32 in [0x301, 0x306, 0x483, 0x200D, 0x200C, 0x3A9, 0x65E5, 0x130] {
            #expect(v >= UInt32(CueScalars.limit) || CueScalars.table[Int(v)] == 0)
        }
    }

    @Test func everyCoveredScalarTogether() {
        var s = String.UnicodeScalarView()
        for v in 0..<UInt32(CueScalars.limit) where CueScalars.table[Int(v)] != 0 && v != 0x0D {
            s.append(Unicode.Scalar(v)!)
            s.append(" ")
        }
        let text = String(s)
        let slow = CueText(characters: text)
        let fast = CueText(text)
        #expect(fast.simple && slow.simple)
        #expect(fast.bytes == slow.bytes)
        #expect(fast.wordRanges == slow.wordRanges)
    }

    @Test(arguments: sentences)
    func bytePathEqualsCharacterPath(_ text: String) {
        let fast = CueText(text)
        let slow = CueText(characters: text)
        #expect(fast.simple == slow.simple)
        if fast.simple {
            #expect(fast.bytes == slow.bytes)
            #expect(fast.wordRanges == slow.wordRanges)
        }
        #expect(fast.wordCount == slow.wordCount)
        for i in 0..<fast.wordCount { #expect(fast.word(i) == slow.word(i)) }
        for list in Self.cues {
            #expect(fast.has(list) == slow.has(list))
            #expect(fast.hasMotion(list) == slow.hasMotion(list))
            #expect(fast.first(list) == slow.first(list))
            #expect(fast.wordIndex(of: list) == slow.wordIndex(of: list))
            #expect(fast.position(of: list) == slow.position(of: list))
            #expect(fast.count(before: list) == slow.count(before: list))
            #expect(fast.lastWordIndex(equalToAny: list) == slow.lastWordIndex(equalToAny: list))
            for c in list {
                #expect(fast.contains(c) == slow.contains(c))
                #expect(fast.firstOffset(of: c) == slow.firstOffset(of: c))
                #expect(fast.offsets(of: c) == slow.offsets(of: c))
            }
        }
        if fast.wordCount > 0 {
            let w1 = fast.window(fast.wordCount / 2, radius: 2), w2 = slow.window(slow.wordCount / 2, radius: 2)
            #expect(w1.bytes == w2.bytes)
            #expect(w1.wordRanges == w2.wordRanges)
        }
    }

    @Test(arguments: [
        ("Windows line\r\nbreak", false),
        ("cafe\u{0301}", false),
        ("Ωμέγα", false),
        ("İstanbul", false),
        ("Қазақстан – Ресей", true),
        ("Москва, 3 ноября — «ТАСС»", true),
        ("Lone CR\rhere", true),
    ])
    func bytePathCoversOnlyWhatItCan(_ text: String, _ covered: Bool) {
        #expect((CueText.prepareBytes(text) != nil) == covered)
    }

    @Test(arguments: [
        ("Президент 12 құжатқа қол қойды", ["құжат"], 12),
        ("Стороны подписали пять соглашений", ["соглашен"], 5),
        ("They signed 99999999999999999999999 documents and 14 documents", ["document"], 14),
        ("signed 1 document", ["document"], nil),
    ] as [(String, [String], Int?)])
    func countBeforeStems(_ text: String, _ stems: [String], _ expected: Int?) {
        #expect(CueText(text).count(before: stems) == expected)
        #expect(CueText(characters: text).count(before: stems) == expected)
    }

    @Test(arguments: [
        ("Біз Астанада кездестік, – деді Президент", "кездестік"),
        ("Келіссөздер өтеді", "өтеді"),
        ("деді", "деді"),
    ])
    func kazakhFinalVerb(_ text: String, _ last: String) {
        let cue = CueText(text)
        var n = cue.wordCount
        if let i = cue.lastWordIndex(equalToAny: ["деді", "деп"]), i > 0 { n = i }
        #expect(String(cue.word(n - 1)) == last)
    }
}

import Foundation

@Suite struct CueScalarsTests {
    @Test func trimmedSpaceIsFoundationsWhitespace() {
        for v in 0..<UInt32(CueScalars.limit) where CueScalars.table[Int(v)] != 0 {
            let s = Unicode.Scalar(v)!
            #expect(CueScalars.isTrimmedSpace(v) == CharacterSet.whitespaces.contains(s), "U+\(String(v, radix: 16))")
        }
    }
}

extension CueScalarsTests {
    /// `FactExtractor.mayMentionDate` relies on the readers' lower-casing of letters being
    /// the standard library's for covered scalars.
    @Test func readersLowerCaseCoveredLettersAsTheStandardLibrary() {
        for v in 0..<UInt32(CueScalars.limit) where CueScalars.table[Int(v)] != 0 && RScalars.isLetter(v) {
            #expect(RScalars.lower(v) == CueScalars.lowered(covered: v), "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: [
        ("Министрлер кеше кездесті.", true),
        ("Министры встретились вчера вечером.", true),
        ("Стороны провели переговоры.", false),
        ("Talks were held on 3 November.", true),
        ("Talks were held TODAY.", true),
        ("Ministers met in Astana.", false),
    ])
    func dateCheck(_ text: String, _ may: Bool) {
        #expect(FactExtractor.mayMentionDate(text, CueText(text)) == may)
        if !may { #expect(DateReader.dates(in: text, language: .ru, published: .day(year: 2024, month: 5, day: 2)).isEmpty) }
    }
}

extension CueTextTests {
    /// The filter built while preparing equals the one built from the prepared bytes, and
    /// never rules out a cue that occurs.
    @Test(arguments: sentences)
    func runFilterBuiltWhilePreparing(_ text: String) {
        guard let prepared = CueText.prepareBytes(text) else { return }
        let rebuilt = prepared.bytes.withUnsafeBufferPointer { CueRunFilter(prepared: $0) }
        var probes = Self.cues.flatMap { $0 }
        for r in prepared.words { probes.append(String(decoding: prepared.bytes[r], as: UTF8.self)) }
        for p in probes {
            let a = Array(p.utf8).withUnsafeBufferPointer { prepared.filter.mayStart($0) }
            let b = Array(p.utf8).withUnsafeBufferPointer { rebuilt.mayStart($0) }
            #expect(a == b)
        }
        for r in prepared.words {
            let w = Array(prepared.bytes[r])
            #expect(w.withUnsafeBufferPointer { prepared.filter.mayStart($0) })
        }
    }
}

extension CueTextTests {
    /// A compiled list answers what the list of strings answers, for every hot list of the
    /// three lexicons and the lists of this suite.
    @Test(arguments: sentences)
    func compiledListsAnswerAsTheirStrings(_ text: String) {
        let cue = CueText(text), slow = CueText(characters: text)
        var lists = Self.cues
        for lang in Language.allCases {
            let lex = Lexicons.of(lang)
            lists += [lex.negation, lex.done, lex.strongPlanned, lex.planned, lex.welcomePhrases, lex.receiveVerbs,
                      lex.invitations, lex.visitNouns, lex.arrivalVerbs, lex.talksCues, lex.signCues, lex.metrics.flatMap(\.1)]
            #expect(lex.hot != nil)
        }
        lists.append(["іс-сапар", "қарсы ал", "келді", "барып", "бар"])
        for list in lists {
            let compiled = CompiledCues(list)
            #expect(cue.has(compiled) == cue.has(list))
            #expect(cue.hasMotion(compiled) == cue.hasMotion(list))
            #expect(slow.has(compiled) == slow.has(list))
            #expect(cue.has(compiled) == slow.has(list))
        }
    }

    @Test(arguments: [
        ("Президент Астанаға дамып келеді.", false),
        ("Президент Астанаға келеді.", true),
        ("Делегация келе жатыр, барып көрді.", true),
        ("Министр іс-сапармен келді.", true),
    ])
    func kazakhMotionVerbs(_ text: String, _ arrival: Bool) {
        let lex = Lexicons.of(.kk)
        #expect(CueText(text).hasMotion(lex.hotCues.arrivalVerbs) == arrival)
        #expect(CueText(characters: text).hasMotion(lex.arrivalVerbs) == arrival)
    }
}
