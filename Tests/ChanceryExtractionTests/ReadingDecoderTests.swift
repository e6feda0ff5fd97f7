import Testing
@testable import ChanceryExtraction

@Suite struct ReadingDecoderTests {
    static func utf16(_ s: String, littleEndian: Bool) -> [UInt8] {
        var out: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for u in s.utf16 {
            let hi = UInt8(u >> 8), lo = UInt8(u & 0xFF)
            out += littleEndian ? [lo, hi] : [hi, lo]
        }
        return out
    }

    /// Windows-1251 bytes of a Cyrillic text (letters А-я, Ё/ё and ASCII only).
    static func cp1251(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u -> UInt8 in
            switch u.value {
            case 0x410...0x44F: return UInt8(u.value - 0x410 + 0xC0)
            case 0x401: return 0xA8
            case 0x451: return 0xB8
            case 0xAB: return 0xAB
            case 0xBB: return 0xBB
            case 0x2014: return 0x97
            default: return UInt8(u.value)
            }
        }
    }

    static let decoded: [(String, [UInt8], String)] = [
        ("plain UTF-8", Array("Президенты встретились в Астане.\r\n".utf8), "Президенты встретились в Астане.\r\n"),
        ("UTF-8 BOM dropped", [0xEF, 0xBB, 0xBF] + Array("Екі ел келісті.".utf8), "Екі ел келісті."),
        ("UTF-16 LE", utf16("Talks were held in Astana.", littleEndian: true), "Talks were held in Astana."),
        ("UTF-16 BE", utf16("Тараптар келіссөз жүргізді.", littleEndian: false), "Тараптар келіссөз жүргізді."),
        ("UTF-16 LE surrogate pair", utf16("Flag 🇰🇿 shown.", littleEndian: true), "Flag 🇰🇿 shown."),
        ("Windows-1251 Russian", cp1251("Стороны обсудили торговлю и транспорт. Объём вырос на пять процентов."),
         "Стороны обсудили торговлю и транспорт. Объём вырос на пять процентов."),
        ("Windows-1251 with quotes and dash", cp1251("Министр заявил: «Всё идёт по плану» — и уехал в ЕАЭС»."),
         "Министр заявил: «Всё идёт по плану» — и уехал в ЕАЭС»."),
    ]

    @Test(arguments: decoded)
    func decodesReadingVariants(_ row: (String, [UInt8], String)) throws {
        #expect(try ArticleDecoder.decode(row.1) == row.2, "\(row.0)")
    }

    static let failures: [(String, [UInt8], ArticleError)] = [
        ("empty", [], .empty),
        ("spaces only", Array("  \n\t \r\n ".utf8), .empty),
        ("no-break spaces only", Array("\u{00A0}\u{202F}\n".utf8), .empty),
        ("BOM only", [0xEF, 0xBB, 0xBF, 0x0A], .empty),
        ("NUL byte", Array("abc".utf8) + [0] + Array("def".utf8), .binary(offset: 3)),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .binary(offset: 0)),
        ("PDF", Array("%PDF-1.7\n".utf8), .binary(offset: 0)),
        ("ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .binary(offset: 0)),
        ("control characters", Array("ab".utf8) + [0x01, 0x02, 0x03] + Array("cd".utf8), .binary(offset: 2)),
        ("stray continuation byte", Array("Hello ".utf8) + [0x80] + Array(" world".utf8), .invalidEncoding(offset: 6)),
        ("truncated sequence", Array("Қазақ".utf8) + [0xD2], .invalidEncoding(offset: 10)),
        ("overlong", Array("ok ".utf8) + [0xC0, 0xAF], .invalidEncoding(offset: 3)),
        ("mostly UTF-8 Cyrillic with one bad byte", Array("Встреча прошла успешно ".utf8) + [0xFF] + Array(" да.".utf8), .invalidEncoding(offset: 43)),
        ("Latin-1 text is not Cyrillic", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x76, 0x75], .invalidEncoding(offset: 3)),
        ("UTF-16 odd length", [0xFF, 0xFE, 0x41, 0x00, 0x42], .invalidEncoding(offset: 4)),
        ("UTF-16 lone surrogate", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xDC, 0x42, 0x00], .invalidEncoding(offset: 4)),
        ("UTF-16 NUL", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00], .binary(offset: 4)),
    ]

    @Test(arguments: failures)
    func refusesReadingVariants(_ row: (String, [UInt8], ArticleError)) {
        #expect(throws: row.2, "\(row.0)") { try ArticleDecoder.decode(row.1) }
    }

    @Test func refusesReadingOversizedArticle() {
        let big = [UInt8](repeating: 0x61, count: ArticleDecoder.byteLimit + 1)
        #expect(throws: ArticleError.tooLarge(bytes: ArticleDecoder.byteLimit + 1, limit: ArticleDecoder.byteLimit)) {
            try ArticleDecoder.decode(big)
        }
    }
}
