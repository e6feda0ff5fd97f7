/// Scalar normalisation and tokenisation shared by the gazetteer index and the text scan.
///
/// Normalised text is a sequence of `UInt32` code points: lower case, `ё` → `е`, Latin letters
/// with diacritics folded to ASCII (`ğ` → `g`), apostrophes unified to `'`, combining marks
/// dropped. Tokens are runs of letters and digits (an apostrophe between two letters belongs to
/// the token); hyphens and everything else separate tokens, and the separator between two tokens
/// is classified so that multi-word names and compounds can be matched.
enum Scalars {
    static let apostrophe: UInt32 = 0x27

    /// Folded Latin letters (from the generated table).
    static let latinFold: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        let from = Array(GazetteerData.latinFoldFrom.unicodeScalars)
        let to = Array(GazetteerData.latinFoldTo.unicodeScalars)
        for (f, t) in zip(from, to) { map[f.value] = t.value }
        return map
    }()

    /// The normalised form of `v` and whether `v` is an upper-case letter; 0 means "drop".
    @inline(__always)
    static func fold(_ v: UInt32) -> (UInt32, Bool) {
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return (v + 32, true) }
            if v == 0x60 { return (apostrophe, false) }
            return (v, false)
        }
        if v >= 0x0400 && v <= 0x04FF {
            if v >= 0x0410 && v <= 0x042F { return (v + 0x20, true) }
            if v <= 0x040F { let l = v + 0x50; return (l == 0x0451 ? 0x0435 : l, true) }
            if v == 0x0451 { return (0x0435, false) }
            if (v >= 0x0460 && v <= 0x0481) || (v >= 0x048A && v <= 0x04BF) || v >= 0x04D0 {
                return v & 1 == 0 ? (v + 1, true) : (v, false)
            }
            if v >= 0x04C1 && v <= 0x04CE { return v & 1 == 1 ? (v + 1, true) : (v, false) }
            if v == 0x04C0 { return (0x04CF, true) }
            return (v, false)
        }
        if v >= 0x0300 && v <= 0x036F { return (0, false) }
        switch v {
        case 0x2019, 0x2018, 0x02BC, 0x00B4, 0x02B9, 0x2032: return (apostrophe, false)
        default: break
        }
        if let f = latinFold[v] {
            let upper = v < 0x100 ? (v >= 0xC0 && v <= 0xDE) : (Unicode.Scalar(v)?.properties.isUppercase ?? false)
            return (f, upper)
        }
        if v >= 0x0370, let s = Unicode.Scalar(v), s.properties.isUppercase,
           let l = s.properties.lowercaseMapping.unicodeScalars.first, s.properties.lowercaseMapping.unicodeScalars.count == 1 {
            return (l.value, true)
        }
        return (v, false)
    }

    /// Whether `v` belongs to a word (letter, digit or combining mark).
    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if v >= 0x0400 && v <= 0x04FF { return v < 0x0482 || v > 0x0489 }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x0300 && v <= 0x036F { return true }
        if v >= 0x1E00 && v <= 0x1EFF { return true }
        if v < 0x0370 { return false }
        if (v >= 0x2000 && v <= 0x2BFF) || (v >= 0x3000 && v <= 0x303F) { return false }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always)
    static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x02BC || v == 0x2018 || v == 0x60
    }

    @inline(__always)
    static func isLatinLetter(_ v: UInt32) -> Bool {
        (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0xC0 && v <= 0x24F) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    @inline(__always)
    static func isCyrillic(_ v: UInt32) -> Bool { v >= 0x0400 && v <= 0x04FF }

    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D || v == 0xA0 || v == 0x202F || v == 0x2009
            || v == 0x200B || v == 0x0B || v == 0x0C || v == 0x2028 || v == 0x2029 || (v >= 0x2000 && v <= 0x200A)
    }

    /// Latin look-alikes typed inside Cyrillic words, mapped to their Cyrillic letter.
    static func cyrillicHomoglyph(_ v: UInt32, upper: Bool) -> UInt32? {
        switch v {
        case 0x61: return 0x0430   // a
        case 0x63: return 0x0441   // c
        case 0x65: return 0x0435   // e
        case 0x69: return 0x0456   // i (Kazakh і)
        case 0x6F: return 0x043E   // o
        case 0x70: return 0x0440   // p
        case 0x78: return 0x0445   // x
        case 0x79: return 0x0443   // y
        case 0x6B: return 0x043A   // k
        case 0x68: return upper ? 0x043D : 0x04BB   // H / h
        case 0x6D: return upper ? 0x043C : nil      // M
        case 0x74: return upper ? 0x0442 : nil      // T
        case 0x62: return upper ? 0x0432 : nil      // B
        default: return nil
        }
    }

    /// The normalised scalars of a whole string (no tokenisation).
    static func normalize(_ s: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            let (f, _) = fold(u.value)
            if f != 0 { out.append(f) }
        }
        return out
    }

    static func string(_ scalars: some Sequence<UInt32>) -> String {
        var s = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }
}

/// How two adjacent tokens are separated.
enum Separator: UInt8 {
    /// Only white space (at most one line break).
    case space
    /// One hyphen, no space: `Қасым-Жомарт`, `ирано-казахский`, `АҚШ-қа`.
    case hyphen
    /// One en or em dash, no space: `Kazakhstan–China`.
    case dashTight
    /// A dash or hyphen with space around it: `Папуа — Новая Гвинея`.
    case dashSpaced
    /// A single full stop, no space: `U.S`.
    case period
    /// A full stop and white space: `St. Petersburg`.
    case periodSpace
    /// Anything else (punctuation, a blank line, the end of the text).
    case other
}

/// A token of a scanned text.
struct Token {
    /// Range of the token in the text's unicode scalars.
    var start: String.Index
    var end: String.Index
    /// Range of its normalised scalars in `ScannedText.norm`.
    var lo: Int32
    var hi: Int32
    /// Leading upper-case letters (capped at 255).
    var upperPrefix: UInt8
    /// The separator after this token (`.other` for the last one).
    var after: Separator
    /// The token starts a sentence or a line (a full stop, `!`, `?`, `…` or a line break before it).
    var sentenceInitial: Bool
    /// The token has Cyrillic letters / Latin letters.
    var cyrillic: Bool
    var latin: Bool
    /// The text's scalar right after the token is a full stop.
    var periodAfter: Bool

    var length: Int { Int(hi - lo) }
    var firstUpper: Bool { upperPrefix > 0 }
}

/// A text cut into tokens with its normalised scalars.
struct ScannedText {
    var tokens: [Token] = []
    var norm: [UInt32] = []

    init(_ text: String) {
        let us = text.unicodeScalars
        tokens.reserveCapacity(text.utf8.count / 10 + 4)
        norm.reserveCapacity(text.utf8.count)
        var i = us.startIndex
        let end = us.endIndex
        // separator state since the previous token
        var ws = 0, newlines = 0, hyphens = 0, dashes = 0, periods = 0, others = 0
        var sentenceBreak = true
        var firstSepScalar: UInt32 = 0
        var periodFirst = false
        var hadToken = false

        func classify() -> Separator {
            let marks = hyphens + dashes + periods + others
            if marks == 0 { return newlines >= 2 ? .other : .space }
            if others > 0 || marks > 1 || newlines >= 2 { return .other }
            if hyphens == 1 { return ws == 0 ? .hyphen : .dashSpaced }
            if dashes == 1 { return ws == 0 ? .dashTight : .dashSpaced }
            if periods == 1 { return ws == 0 ? .period : (periodFirst ? .periodSpace : .other) }
            return .other
        }

        while i != end {
            let v = us[i].value
            if !Scalars.isWord(v) {
                if ws + hyphens + dashes + periods + others == 0 { firstSepScalar = v }
                if Scalars.isWhitespace(v) {
                    ws += 1
                    if v == 0x0A || v == 0x2029 || v == 0x2028 { newlines += 1; sentenceBreak = true }
                } else if v == 0x2D || v == 0x2010 || v == 0x2011 {
                    hyphens += 1
                } else if v == 0x2013 || v == 0x2014 || v == 0x2012 {
                    dashes += 1
                } else if v == 0x2E {
                    periods += 1
                    if ws == 0 && hyphens + dashes + others == 0 { periodFirst = true }
                    sentenceBreak = true
                } else {
                    others += 1
                    if v == 0x21 || v == 0x3F || v == 0x2026 { sentenceBreak = true }
                }
                us.formIndex(after: &i)
                continue
            }
            // a token starts here
            if hadToken {
                tokens[tokens.count - 1].after = classify()
                tokens[tokens.count - 1].periodAfter = firstSepScalar == 0x2E
            }
            let start = i
            let lo = Int32(norm.count)
            var upperPrefix = 0
            var stillUpper = true
            var cyr = false, lat = false
            while i != end {
                let v = us[i].value
                if Scalars.isWord(v) {
                    let (f, up) = Scalars.fold(v)
                    if f != 0 {
                        norm.append(f)
                        let isLetter = !(v >= 0x30 && v <= 0x39)
                        if stillUpper {
                            if up { upperPrefix += 1 } else if isLetter { stillUpper = false }
                        }
                        if Scalars.isCyrillic(v) { cyr = true } else if Scalars.isLatinLetter(v) { lat = true }
                    }
                    us.formIndex(after: &i)
                    continue
                }
                // an apostrophe between two letters stays in the token
                if Scalars.isApostrophe(v) {
                    var j = i
                    us.formIndex(after: &j)
                    if j != end, Scalars.isWord(us[j].value) {
                        norm.append(Scalars.apostrophe)
                        stillUpper = false
                        i = j
                        continue
                    }
                }
                break
            }
            let hi = Int32(norm.count)
            if cyr && lat {
                // Latin look-alikes inside a Cyrillic word
                var k = Int(lo)
                var j = start
                while j != i {
                    let v = us[j].value
                    let (f, up) = Scalars.fold(v)
                    if f != 0 {
                        if Scalars.isLatinLetter(v), let c = Scalars.cyrillicHomoglyph(f, upper: up) { norm[k] = c }
                        k += 1
                    } else if Scalars.isApostrophe(v) {
                        k += 1
                    }
                    us.formIndex(after: &j)
                }
            }
            tokens.append(Token(start: start, end: i, lo: lo, hi: hi, upperPrefix: UInt8(min(upperPrefix, 255)),
                                after: .other, sentenceInitial: sentenceBreak, cyrillic: cyr, latin: lat, periodAfter: false))
            hadToken = true
            ws = 0; newlines = 0; hyphens = 0; dashes = 0; periods = 0; others = 0
            sentenceBreak = false; periodFirst = false; firstSepScalar = 0
        }
        if hadToken {
            tokens[tokens.count - 1].after = .other
            tokens[tokens.count - 1].periodAfter = firstSepScalar == 0x2E
        }
    }

    @inline(__always)
    func scalars(_ t: Token) -> ArraySlice<UInt32> { norm[Int(t.lo)..<Int(t.hi)] }
}
