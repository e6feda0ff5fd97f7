/// Character classes and a small tokenizer shared by the readers of this folder.
///
/// Everything here works on UTF-8 bytes and Unicode scalar values rather than on
/// `Character`s or regular expressions: the extractor must read megabytes per second.
enum RScalars {
    /// Lower-case mapping for the scripts Chancery meets (Latin, Latin-1, Latin Extended-A,
    /// Cyrillic with its Kazakh letters); other scalars go through the Unicode tables.
    @inline(__always)
    static func lower(_ v: UInt32) -> UInt32 {
        switch v {
        case 0x41...0x5A: return v + 32
        case 0x00...0x7F: return v
        case 0xC0...0xDE where v != 0xD7: return v + 32
        case 0x410...0x42F: return v + 32
        case 0x400...0x40F: return v + 80
        case 0x430...0x45F: return v
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return v | 1
        case 0x4C1...0x4CE: return v & 1 == 1 ? v + 1 : v
        case 0x130: return 0x69
        case 0x100...0x137, 0x14A...0x177: return v | 1
        case 0x139...0x148, 0x179...0x17E: return v & 1 == 1 ? v + 1 : v
        default:
            guard let s = Unicode.Scalar(v), s.properties.changesWhenLowercased else { return v }
            return s.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
        }
    }

    /// Whether the scalar is a letter (alphabetic).
    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x61...0x7A: return true
        case 0x00...0x7F: return false
        case 0x400...0x481, 0x48A...0x52F: return true
        case 0xD7, 0xF7: return false
        case 0xC0...0x24F: return true
        default: return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
        }
    }

    /// Whether the scalar is an upper-case letter.
    @inline(__always)
    static func isUpper(_ v: UInt32) -> Bool {
        switch v {
        case 0x41...0x5A, 0x410...0x42F, 0x400...0x40F: return true
        case 0x00...0x7F, 0x430...0x45F: return false
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return v & 1 == 0
        case 0x4C0: return true
        case 0x4C1...0x4CE: return v & 1 == 1
        default: return Unicode.Scalar(v)?.properties.isUppercase ?? false
        }
    }

    /// Whether the scalar is a lower-case letter.
    @inline(__always)
    static func isLower(_ v: UInt32) -> Bool {
        switch v {
        case 0x61...0x7A, 0x430...0x45F: return true
        case 0x00...0x7F, 0x410...0x42F, 0x400...0x40F: return false
        case 0x460...0x481, 0x48A...0x4BF, 0x4D0...0x52F: return v & 1 == 1
        case 0x4C1...0x4CE: return v & 1 == 0
        default: return Unicode.Scalar(v)?.properties.isLowercase ?? false
        }
    }

    /// Whether the scalar is white space, line breaks included.
    @inline(__always)
    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default: return false
        }
    }

    /// Whether the scalar joins the letters of a word (combining marks, the Uzbek ʻ).
    @inline(__always)
    static func isWordJoiner(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || v == 0x2BB || v == 0x2BC || v == 0x483 || v == 0x484
    }

    /// Decodes the scalar starting at byte `i` of valid UTF-8; returns it and its length.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, 1) }
        let n = b.count
        if c0 < 0xE0 {
            guard i + 1 < n else { return (0xFFFD, 1) }
            return (((c0 & 0x1F) << 6) | (UInt32(b[i + 1]) & 0x3F), 2)
        }
        if c0 < 0xF0 {
            guard i + 2 < n else { return (0xFFFD, 1) }
            return (((c0 & 0x0F) << 12) | ((UInt32(b[i + 1]) & 0x3F) << 6) | (UInt32(b[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < n else { return (0xFFFD, 1) }
        return (((c0 & 0x07) << 18) | ((UInt32(b[i + 1]) & 0x3F) << 12) | ((UInt32(b[i + 2]) & 0x3F) << 6) | (UInt32(b[i + 3]) & 0x3F), 4)
    }

    /// The start of the scalar that ends just before byte `i`.
    @inline(__always)
    static func previousStart(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var k = i - 1
        while k > 0 && b[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }
}

/// A lower-cased word (or a number, a mark) compared and hashed by its UTF-8 bytes.
///
/// `String`'s own `==` and hashing apply Unicode normalisation, which is slow for
/// Cyrillic; the tokenizer's keys are already in one form, so bytes are enough.
struct RKey: Hashable, CustomStringConvertible, Sendable {
    let s: String
    /// FNV-1a of the UTF-8 bytes: hashing and a quick inequality test.
    let h: UInt64
    @inline(__always) init(_ s: String) { self.s = s; h = RKey.fnv(s) }
    @inline(__always) init(_ s: String, hash: UInt64) { self.s = s; h = hash }
    /// Keys of a word list.
    static func set(_ words: [String]) -> Set<RKey> { Set(words.map { RKey($0) }) }
    /// A table keyed by words.
    static func table<T>(_ d: [String: T]) -> [RKey: T] {
        var out: [RKey: T] = [:]
        for (k, v) in d { out[RKey(k)] = v }
        return out
    }
    var description: String { s }

    static let fnvBasis: UInt64 = 0xcbf29ce484222325
    @inline(__always) static func fnvStep(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }
    static func fnv(_ s: String) -> UInt64 {
        var h = fnvBasis
        for b in s.utf8 { h = fnvStep(h, b) }
        return h
    }

    @inline(__always)
    static func == (a: RKey, b: RKey) -> Bool {
        guard a.h == b.h else { return false }
        let x = a.s.utf8, y = b.s.utf8
        return x.count == y.count && x.elementsEqual(y)
    }

    @inline(__always)
    func hash(into hasher: inout Hasher) { hasher.combine(h) }

    /// Whether the bytes start with those of `p`.
    @inline(__always)
    func rStarts(with p: String) -> Bool { s.rStarts(with: p) }
}

extension RKey {
    /// Byte equality with a literal, without building a key for it.
    @inline(__always)
    func eq(_ b: StaticString) -> Bool {
        let u = s.utf8
        return b.withUTF8Buffer { p in u.count == p.count && u.elementsEqual(p) }
    }
    @inline(__always) static func == (a: RKey, b: StaticString) -> Bool { a.eq(b) }
    @inline(__always) static func != (a: RKey, b: StaticString) -> Bool { !a.eq(b) }
    @inline(__always) static func ~= (a: StaticString, b: RKey) -> Bool { b.eq(a) }
    /// Whether the key equals one of the literals.
    @inline(__always)
    func among(_ list: StaticString...) -> Bool {
        for x in list where eq(x) { return true }
        return false
    }
}

extension Optional where Wrapped == RKey {
    @inline(__always) static func == (a: RKey?, b: StaticString) -> Bool { a?.eq(b) ?? false }
    @inline(__always) static func != (a: RKey?, b: StaticString) -> Bool { !(a?.eq(b) ?? false) }
}

/// A word, a number or a single mark of a text, with its UTF-8 byte range.
struct RToken {
    enum Kind: UInt8 { case word, number, mark }
    /// What separates the token from the one before it.
    enum Gap: UInt8 { case none, space, newline }

    var kind: Kind
    /// UTF-8 offsets of the token in the text.
    var start: Int
    var end: Int
    /// Words: lower-cased; numbers: the digits; marks: the character.
    var key: RKey
    /// Numbers: their value (digits beyond 18 are dropped); marks: the scalar value.
    var value: Int
    /// Numbers: the count of digits.
    var digits: Int
    /// Words: the first letter is upper-case.
    var capitalized: Bool
    /// Words: every letter is upper-case.
    var allCaps: Bool
    var gap: Gap

    @inline(__always) func isMark(_ c: Unicode.Scalar) -> Bool { kind == .mark && value == Int(c.value) }
    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isNumber: Bool { kind == .number }
    /// A hyphen or a dash of any kind.
    var isDash: Bool {
        kind == .mark && (value == 0x2D || value == 0x2010 || value == 0x2011 || value == 0x2012 || value == 0x2013 || value == 0x2014 || value == 0x2212)
    }
}

enum RTokenizer {
    /// Splits `text` (or its UTF-8 byte range `from..<to`) into words, numbers and marks.
    static func tokenize(_ text: String, from: Int = 0, to: Int? = nil) -> [RToken] {
        var s = text
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { b in
            tokenize(b, from: from, to: min(to ?? b.count, b.count))
        } ?? []
    }

    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [RToken] {
        var out: [RToken] = []
        out.reserveCapacity(max(8, (to - from) / 5))
        var i = from
        var gap = RToken.Gap.none
        var buf: [UInt8] = []
        buf.reserveCapacity(64)
        while i < to {
            let (v, len) = RScalars.decode(b, i)
            if RScalars.isSpace(v) {
                if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 { gap = .newline } else if gap == .none { gap = .space }
                i += len
                continue
            }
            if v >= 0x30 && v <= 0x39 {
                let st = i
                var val = 0, d = 0
                var hv = RKey.fnvBasis
                while i < to, b[i] >= 0x30, b[i] <= 0x39 {
                    if d < 18 { val = val * 10 + Int(b[i] - 0x30) }
                    hv = RKey.fnvStep(hv, b[i])
                    d += 1; i += 1
                }
                let key = RKey(String(decoding: UnsafeBufferPointer(rebasing: b[st..<i]), as: UTF8.self), hash: hv)
                out.append(RToken(kind: .number, start: st, end: i, key: key, value: val, digits: d, capitalized: false, allCaps: false, gap: gap))
                gap = .none
                continue
            }
            if RScalars.isLetter(v) {
                let st = i
                buf.removeAll(keepingCapacity: true)
                var first = true, cap = false, allCaps = true
                while i < to {
                    let (w, l) = RScalars.decode(b, i)
                    if RScalars.isLetter(w) {
                        let up = RScalars.isUpper(w)
                        if first { cap = up }
                        if !up { allCaps = false }
                        first = false
                        appendUTF8(RScalars.lower(w), to: &buf)
                    } else if RScalars.isWordJoiner(w) {
                        appendUTF8(w, to: &buf)
                    } else { break }
                    i += l
                }
                var hv = RKey.fnvBasis
                for x in buf { hv = RKey.fnvStep(hv, x) }
                let key = RKey(String(decoding: buf, as: UTF8.self), hash: hv)
                out.append(RToken(kind: .word, start: st, end: i, key: key, value: 0, digits: 0, capitalized: cap, allCaps: allCaps, gap: gap))
                gap = .none
                continue
            }
            let key = RKey(String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self))
            out.append(RToken(kind: .mark, start: i, end: i + len, key: key, value: Int(v), digits: 0, capitalized: false, allCaps: false, gap: gap))
            gap = .none
            i += len
        }
        return out
    }

    /// Calls `body` with each word `tokenize` would find in `from..<to` (its lower-cased
    /// UTF-8 bytes and their FNV-1a hash, what its `RKey` holds), without building tokens.
    static func forEachWord(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                            _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var i = from
        var buf: [UInt8] = []
        buf.reserveCapacity(64)
        while i < to {
            let (v, len) = RScalars.decode(b, i)
            if RScalars.isSpace(v) { i += len; continue }
            if v >= 0x30 && v <= 0x39 {
                while i < to, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
                continue
            }
            if RScalars.isLetter(v) {
                buf.removeAll(keepingCapacity: true)
                while i < to {
                    let (w, l) = RScalars.decode(b, i)
                    if RScalars.isLetter(w) {
                        appendUTF8(RScalars.lower(w), to: &buf)
                    } else if RScalars.isWordJoiner(w) {
                        appendUTF8(w, to: &buf)
                    } else { break }
                    i += l
                }
                var hv = RKey.fnvBasis
                for x in buf { hv = RKey.fnvStep(hv, x) }
                buf.withUnsafeBufferPointer { body($0, hv) }
                continue
            }
            i += len
        }
    }

    @inline(__always)
    static func appendUTF8(_ v: UInt32, to buf: inout [UInt8]) {
        switch v {
        case 0..<0x80: buf.append(UInt8(v))
        case 0x80..<0x800:
            buf.append(UInt8(0xC0 | (v >> 6))); buf.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            buf.append(UInt8(0xE0 | (v >> 12))); buf.append(UInt8(0x80 | ((v >> 6) & 0x3F))); buf.append(UInt8(0x80 | (v & 0x3F)))
        default:
            buf.append(UInt8(0xF0 | (v >> 18))); buf.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            buf.append(UInt8(0x80 | ((v >> 6) & 0x3F))); buf.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

extension String {
    /// The index of a UTF-8 offset (O(1) for native strings).
    @inline(__always)
    func rIndex(_ offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// The UTF-8 offset of an index.
    @inline(__always)
    func rOffset(_ index: String.Index) -> Int {
        utf8.distance(from: utf8.startIndex, to: index)
    }

    /// Whether the UTF-8 bytes start with those of `p` (no Unicode normalisation: fast).
    @inline(__always)
    func rStarts(with p: String) -> Bool {
        let n = p.utf8.count
        guard utf8.count >= n else { return false }
        var a = self, b = p
        return a.withUTF8 { x in
            b.withUTF8 { y in
                var k = 0
                while k < n { if x[k] != y[k] { return false }; k += 1 }
                return true
            }
        }
    }

    /// Whether the word starts with any of the prefixes (byte-wise).
    func rStartsAny(_ prefixes: [String]) -> Bool {
        for p in prefixes where utf8.starts(with: p.utf8) { return true }
        return false
    }
}
