/// Decodes the bytes of an article file into text, or says precisely why it cannot.
///
/// - UTF-8 is the expected encoding. A leading UTF-8 byte-order mark is dropped, so the
///   spans of quotes are then offsets into the text *without* the BOM (three bytes less
///   than the file offsets). Nothing else is normalised: `\r\n` stays as it is.
/// - UTF-16 LE or BE with a byte-order mark is decoded (spans are then offsets into the
///   UTF-8 text it decodes to).
/// - A file that is not valid UTF-8 is read as Windows-1251 only when it reads as Cyrillic
///   text in that encoding: most of its bytes above 0x7F are the letters 0xC0–0xFF (or Ё/ё),
///   it has at least as many Cyrillic letters as Latin ones, no byte undefined in
///   Windows-1251, and practically no valid UTF-8 multi-byte sequence (fewer than one per
///   twenty high bytes: a capital letter followed by `»` or `–` happens to form one by
///   accident). Otherwise the error gives the offset of the first invalid UTF-8 sequence.
public enum ArticleDecoder {
    /// The largest article read: 20 MiB.
    public static let byteLimit = 20 * 1024 * 1024

    /// Decodes an article. Throws `.empty` (nothing but white space), `.tooLarge`,
    /// `.binary(offset:)` (NUL bytes, an image/PDF/archive signature, or many control
    /// characters; the offset of the first offending byte) or `.invalidEncoding(offset:)`.
    public static func decode(_ bytes: [UInt8]) throws(ArticleError) -> String {
        if bytes.isEmpty { throw .empty }
        if bytes.count > byteLimit { throw .tooLarge(bytes: bytes.count, limit: byteLimit) }
        if let o = binaryOffset(bytes) { throw .binary(offset: o) }

        let text: String
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            text = try decodeUTF16(bytes, littleEndian: true)
        } else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            text = try decodeUTF16(bytes, littleEndian: false)
        } else {
            if let nul = bytes.firstIndex(of: 0) { throw .binary(offset: nul) }
            let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
            if let bad = firstInvalidUTF8(bytes, from: start) {
                guard start == 0, let cyr = windows1251(bytes) else { throw .invalidEncoding(offset: bad) }
                text = cyr
            } else {
                text = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
            }
        }
        if isBlank(text) { throw .empty }
        return text
    }

    /// Whether the text holds nothing but white space (and byte-order marks).
    static func isBlank(_ text: String) -> Bool {
        for s in text.unicodeScalars where !RScalars.isSpace(s.value) { return false }
        return true
    }

    /// The offset of the first sign that the bytes are not text, if any.
    static func binaryOffset(_ b: [UInt8]) -> Int? {
        func starts(_ magic: [UInt8]) -> Bool { b.count >= magic.count && Array(b[0..<magic.count]) == magic }
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47],       // PNG
            [0x25, 0x50, 0x44, 0x46, 0x2D], // %PDF-
            [0x50, 0x4B, 0x03, 0x04],       // ZIP (docx, xlsx, epub...)
            [0x50, 0x4B, 0x05, 0x06],       // empty ZIP
            [0x47, 0x49, 0x46, 0x38],       // GIF8
            [0xFF, 0xD8, 0xFF],             // JPEG
            [0x1F, 0x8B],                   // gzip
            [0x7F, 0x45, 0x4C, 0x46],       // ELF
            [0xD0, 0xCF, 0x11, 0xE0],       // OLE (doc, xls)
        ]
        for m in signatures where starts(m) { return 0 }
        // Control characters other than tab, line feed, vertical tab, form feed, carriage
        // return and escape: more than 1 % of the bytes (and at least two) is binary.
        // UTF-16 text is checked after decoding, since half its bytes may be zero.
        let utf16 = b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
        if utf16 { return nil }
        var first = -1, count = 0
        for (k, c) in b.enumerated() where c < 0x20 || c == 0x7F {
            if c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x1B { continue }
            if first < 0 { first = k }
            count += 1
        }
        if count >= 2 && count * 100 > b.count { return first }
        return nil
    }

    /// The offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
    /// points above U+10FFFF are invalid), or nil for valid UTF-8.
    static func firstInvalidUTF8(_ b: [UInt8], from start: Int = 0) -> Int? {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len = sequenceLength(b, i)
            if len == 0 { return i }
            i += len
        }
        return nil
    }

    /// The length of the valid UTF-8 multi-byte sequence at `i`, or 0.
    @inline(__always)
    static func sequenceLength(_ b: [UInt8], _ i: Int) -> Int {
        let n = b.count
        let c = b[i]
        @inline(__always) func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool { k < n && b[k] >= lo && b[k] <= hi }
        switch c {
        case 0xC2...0xDF: return cont(i + 1) ? 2 : 0
        case 0xE0: return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return cont(i + 1) && cont(i + 2) ? 3 : 0
        case 0xED: return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0
        case 0xF0: return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0
        case 0xF4: return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0
        default: return 0
        }
    }

    /// Decodes UTF-16 after its byte-order mark. Errors carry file byte offsets.
    static func decodeUTF16(_ b: [UInt8], littleEndian: Bool) throws(ArticleError) -> String {
        var scalars = String.UnicodeScalarView()
        var i = 2
        let n = b.count
        @inline(__always) func unit(_ k: Int) -> UInt32 {
            littleEndian ? UInt32(b[k]) | UInt32(b[k + 1]) << 8 : UInt32(b[k]) << 8 | UInt32(b[k + 1])
        }
        var controls = 0, firstControl = -1
        while i < n {
            guard i + 1 < n else { throw .invalidEncoding(offset: i) }
            let u = unit(i)
            var v = u
            let at = i
            if (0xD800...0xDBFF).contains(u) {
                guard i + 3 < n else { throw .invalidEncoding(offset: i) }
                let lo = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(lo) else { throw .invalidEncoding(offset: i) }
                v = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                i += 4
            } else if (0xDC00...0xDFFF).contains(u) {
                throw .invalidEncoding(offset: i)
            } else {
                i += 2
            }
            if v == 0 { throw .binary(offset: at) }
            if (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0B && v != 0x0C && v != 0x0D && v != 0x1B) || v == 0x7F {
                if firstControl < 0 { firstControl = at }
                controls += 1
            }
            scalars.append(Unicode.Scalar(v)!)
        }
        if controls >= 2 && controls * 100 > (n - 2) / 2 { throw .binary(offset: firstControl) }
        return String(scalars)
    }

    /// Windows-1251 bytes 0x80–0xBF (0 marks the one undefined byte, 0x98).
    static let cp1251High: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]

    /// The text as Windows-1251 when the bytes read as Cyrillic text in it; else nil.
    static func windows1251(_ b: [UInt8]) -> String? {
        var high = 0, letters = 0, latin = 0, validMulti = 0
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 {
                if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { latin += 1 }
                i += 1; continue
            }
            if c == 0x98 { return nil }
            high += 1
            if c >= 0xC0 || c == 0xA8 || c == 0xB8 { letters += 1 }
            let len = sequenceLength(b, i)
            if len > 0 {
                validMulti += 1
                // Count the bytes of the accidental sequence as high bytes too.
                for k in 1..<len where b[i + k] >= 0x80 { high += 1 }
                i += len
            } else {
                i += 1
            }
        }
        guard high > 0, letters * 10 >= high * 7, letters >= latin, validMulti * 20 < high else { return nil }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(n)
        for c in b {
            let v: UInt32
            switch c {
            case 0..<0x80: v = UInt32(c)
            case 0xC0...0xFF: v = 0x410 + UInt32(c - 0xC0)
            default: v = UInt32(cp1251High[Int(c - 0x80)])
            }
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }
}
