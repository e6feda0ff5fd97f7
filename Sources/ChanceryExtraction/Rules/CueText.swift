#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sentence prepared for cue matching: lower-cased text and its words.
///
/// Matching runs on UTF-8 bytes (a cue is found where its bytes are). The text is prepared
/// byte by byte when every scalar is one `CueScalars` covers (then each character is one
/// scalar and byte-level matching equals matching by characters); other text (combining
/// marks, joiners, CR LF, scripts the table does not cover) takes the character-based path.
struct CueText {
    /// The prepared text as UTF-8 (lower case, `ё` → `е`, `’` → `'`, `-` → space).
    let bytes: [UInt8]
    /// Each word's byte range in `bytes` (byte path only).
    let wordRanges: [Range<Int>]
    /// Every character is one scalar: the byte path.
    let simple: Bool
    /// Every scalar of the text is one `CueScalars` covers (and there is no CR LF): each
    /// character of the text is one scalar, and the table answers for it.
    let covered: Bool
    /// Which letters start runs of letters and digits (covered text only).
    private let filter: CueRunFilter?
    /// The character path's prepared text and words (empty on the byte path).
    private let lower: String
    private let slowWords: [Substring]

    init(_ text: String) {
        if let prepared = CueText.prepareBytes(text) {
            self.init(preparedBytes: prepared.bytes, words: prepared.words, filter: prepared.filter)
        } else {
            self.init(characters: text)
        }
    }

    /// The byte path's result, already prepared.
    private init(preparedBytes: [UInt8], words: [Range<Int>], filter: CueRunFilter? = nil) {
        bytes = preparedBytes
        wordRanges = words
        simple = true
        covered = true
        lower = ""
        slowWords = []
        self.filter = filter ?? preparedBytes.withUnsafeBufferPointer { CueRunFilter(prepared: $0) }
    }

    /// The character-level preparation (and, when it finds every character to be one
    /// scalar after all, the byte path over its result). `init` takes it only for text the
    /// byte-level preparation does not cover; tests compare the two.
    init(characters text: String) {
        // Lower-case, then ё → е, ’ → ', - → space, in one pass over the bytes.
        let lowered = text.lowercased()
        var b = [UInt8]()
        b.reserveCapacity(lowered.utf8.count)
        var it = lowered.utf8.makeIterator()
        var pending: UInt8?
        while let c = pending ?? it.next() {
            pending = nil
            switch c {
            case 0x2D: b.append(0x20)
            case 0xD1:
                let n = it.next()
                if n == 0x91 { b.append(0xD0); b.append(0xB5) } else { b.append(c); pending = n }
            case 0xE2:
                let n1 = it.next(), n2 = n1 == 0x80 ? it.next() : nil
                if n1 == 0x80, n2 == 0x99 { b.append(0x27) } else {
                    b.append(c)
                    if let n1 { b.append(n1) }
                    if let n2 { b.append(n2) }
                }
            default: b.append(c)
            }
        }
        var lower = String(decoding: b, as: UTF8.self)
        var simple = true
        var words = lower.split(whereSeparator: { ch in
            if ch.unicodeScalars.count > 1 { simple = false }
            return !(ch.isLetter || ch.isNumber || ch == "'")
        })
        if !simple {
            // Characters of several scalars: exactly the character-level preparation.
            lower = text.lowercased()
                .replacingOccurrences(of: "ё", with: "е")
                .replacingOccurrences(of: "\u{2019}", with: "'")
                .replacingOccurrences(of: "-", with: " ")
            words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
            b = Array(lower.utf8)
        }
        let base = lower.utf8.startIndex
        wordRanges = words.map { w in
            lower.utf8.distance(from: base, to: w.startIndex)..<lower.utf8.distance(from: base, to: w.endIndex)
        }
        bytes = b
        self.simple = simple
        covered = false
        filter = nil
        if simple {
            self.lower = ""
            slowWords = []
        } else {
            self.lower = lower
            slowWords = words
        }
    }

    /// The prepared bytes, word ranges and run filter of `text`, or `nil` when a scalar is
    /// not covered by `CueScalars` or the text has CR LF (one character of two scalars).
    static func prepareBytes(_ text: String) -> (bytes: [UInt8], words: [Range<Int>], filter: CueRunFilter)? {
        if let r = text.utf8.withContiguousStorageIfAvailable({ prepareBytes($0) }) { return r }
        return Array(text.utf8).withUnsafeBufferPointer { prepareBytes($0) }
    }

    private static func prepareBytes(_ src: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], words: [Range<Int>], filter: CueRunFilter)? {
        CueScalars.table.withUnsafeBufferPointer { table -> (bytes: [UInt8], words: [Range<Int>], filter: CueRunFilter)? in
            var words = [Range<Int>]()
            words.reserveCapacity(src.count / 5 + 1)
            var filter = CueRunFilter()
            var covered = true
            let n = src.count
            // Lower-casing a covered scalar never lengthens its UTF-8 (a longer one would
            // stop the byte path: `covered` false).
            let out = [UInt8](unsafeUninitializedCapacity: n) { buf, count in
                var o = 0
                var wordStart = -1
                var i = 0
                while i < n {
                    let c0 = src[i]
                    var v: UInt32
                    var len: Int
                    if c0 < 0x80 {
                        v = UInt32(c0); len = 1
                        if c0 == 0x0D && i + 1 < n && src[i + 1] == 0x0A { covered = false; break }
                    } else if c0 < 0xE0 {
                        guard i + 1 < n else { covered = false; break }
                        v = (UInt32(c0 & 0x1F) << 6) | UInt32(src[i + 1] & 0x3F); len = 2
                    } else if c0 < 0xF0 {
                        guard i + 2 < n else { covered = false; break }
                        v = (UInt32(c0 & 0x0F) << 12) | (UInt32(src[i + 1] & 0x3F) << 6) | UInt32(src[i + 2] & 0x3F); len = 3
                    } else {
                        covered = false; break
                    }
                    guard Int(v) < CueScalars.limit else { covered = false; break }
                    let e = table[Int(v)]
                    guard e & CueScalars.covered != 0 else { covered = false; break }
                    if e & CueScalars.wordFlag != 0 {
                        if wordStart < 0 { wordStart = o }
                    } else if wordStart >= 0 {
                        words.append(wordStart..<o)
                        wordStart = -1
                    }
                    let f = CueScalars.replaced(e & CueScalars.scalarMask)
                    filter.add(f, inRun: e & CueScalars.letterOrNumberFlag != 0)
                    switch f {
                    case 0..<0x80:
                        guard o + 1 <= n else { covered = false; break }
                        buf[o] = UInt8(f); o += 1
                    case 0x80..<0x800:
                        guard o + 2 <= n else { covered = false; break }
                        buf[o] = UInt8(0xC0 | (f >> 6)); buf[o + 1] = UInt8(0x80 | (f & 0x3F)); o += 2
                    default:
                        guard o + 3 <= n else { covered = false; break }
                        buf[o] = UInt8(0xE0 | (f >> 12)); buf[o + 1] = UInt8(0x80 | ((f >> 6) & 0x3F))
                        buf[o + 2] = UInt8(0x80 | (f & 0x3F)); o += 3
                    }
                    if !covered { break }
                    i += len
                }
                if covered && wordStart >= 0 { words.append(wordStart..<o) }
                count = o
            }
            return covered ? (out, words, filter) : nil
        }
    }

    // MARK: - Words

    /// The number of words.
    var wordCount: Int { simple ? wordRanges.count : slowWords.count }

    /// Word `i`, lower-cased.
    func word(_ i: Int) -> Substring {
        simple ? Substring(String(decoding: bytes[wordRanges[i]], as: UTF8.self)) : slowWords[i]
    }

    /// The words, lower-cased.
    var words: [Substring] { (0..<wordCount).map(word) }

    /// The index of the last word equal to one of `candidates`.
    func lastWordIndex(equalToAny candidates: [String]) -> Int? {
        guard simple else { return slowWords.lastIndex { w in candidates.contains { w == $0 } } }
        var i = wordRanges.count - 1
        while i >= 0 {
            for c in candidates where wordEquals(i, c) { return i }
            i -= 1
        }
        return nil
    }

    /// Whether word `i` is `s` (byte path).
    private func wordEquals(_ i: Int, _ s: String) -> Bool {
        let r = wordRanges[i]
        return CueText.withBytes(s) { c in
            guard c.count == r.count else { return false }
            return bytes.withUnsafeBufferPointer { b in CueText.equal(b, r.lowerBound, c, 0, c.count) }
        }
    }

    /// Whether word `i` starts with the bytes `c` (byte path).
    @inline(__always)
    private func word(_ i: Int, hasPrefix c: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = wordRanges[i]
        return r.count >= c.count && CueText.equal(b, r.lowerBound, c, 0, c.count)
    }

    /// Whether word `i` ends with the bytes `c` (byte path).
    @inline(__always)
    private func word(_ i: Int, hasSuffix c: UnsafeBufferPointer<UInt8>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        let r = wordRanges[i]
        return r.count >= c.count && CueText.equal(b, r.upperBound - c.count, c, 0, c.count)
    }

    // MARK: - Byte helpers

    /// `s`'s UTF-8 bytes, without a copy for a native string.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    /// `s`'s bytes with every `-` turned into a space (what `dashToSpace` gives).
    @inline(__always)
    static func withDashesAsSpaces<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withBytes(s) { c in
            guard contains(c, 0x2D) else { return body(c) }
            return c.map { $0 == 0x2D ? 0x20 : $0 }.withUnsafeBufferPointer(body)
        }
    }

    @inline(__always)
    static func contains(_ c: UnsafeBufferPointer<UInt8>, _ x: UInt8) -> Bool {
        for y in c where y == x { return true }
        return false
    }

    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ ai: Int, _ b: UnsafeBufferPointer<UInt8>, _ bi: Int, _ n: Int) -> Bool {
        var k = 0
        while k < n {
            if a[ai + k] != b[bi + k] { return false }
            k += 1
        }
        return true
    }

    /// The byte offset where `needle` first starts in `b`, from `from` on.
    @inline(__always)
    static func find(_ b: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, needle.count <= b.count - from, let base = b.baseAddress else { return nil }
        let n = needle.count
        let last = b.count - n
        guard n > 1 else {
            // One byte: memchr.
            guard let p = memchr(base + from, Int32(first), b.count - from) else { return nil }
            return UnsafeRawPointer(p) - UnsafeRawPointer(base)
        }
        // Anchor on the second byte (the first of a Cyrillic letter is nearly always D0 or D1).
        let second = needle[1]
        var i = from
        while i <= last {
            guard let p = memchr(base + i + 1, Int32(second), last - i + 1) else { return nil }
            let j = (UnsafeRawPointer(p) - UnsafeRawPointer(base)) - 1
            if b[j] == first && equal(b, j + 2, needle, 2, n - 2) { return j }
            i = j + 1
        }
        return nil
    }

    /// Whether the character that ends just before byte `i` is a letter or a digit.
    @inline(__always)
    private static func letterOrDigit(_ b: UnsafeBufferPointer<UInt8>, endingAt i: Int) -> Bool {
        var s = i - 1
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        let c0 = b[s]
        let v: UInt32
        switch i - s {
        case 1: v = UInt32(c0)
        case 2: v = (UInt32(c0 & 0x1F) << 6) | UInt32(b[s + 1] & 0x3F)
        default: v = (UInt32(c0 & 0x0F) << 12) | (UInt32(b[s + 1] & 0x3F) << 6) | UInt32(b[s + 2] & 0x3F)
        }
        // Prepared bytes hold covered scalars only, each its own prepared form.
        return CueScalars.table[Int(v)] & CueScalars.letterOrNumberFlag != 0
    }

    /// The character offset of byte offset `i` (every character is one scalar here: count
    /// the scalars' lead bytes).
    private func characterOffset(_ i: Int) -> Int {
        var n = 0
        for k in 0..<i where bytes[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    // MARK: - Matching

    /// Whether any cue occurs: a one-word cue as a word prefix, a phrase as a substring
    /// that starts at a word boundary.
    func has(_ cues: [String]) -> Bool {
        for c in cues where matches(c) { return true }
        return false
    }

    /// Like `has`, but a Kazakh motion verb right after a converb (`дамып келеді`, `нығайып
    /// келе жатыр`: "has been developing") is an auxiliary, not an arrival.
    func hasMotion(_ cues: [String]) -> Bool {
        guard simple else { return hasMotionByCharacter(cues) }
        let found = bytes.withUnsafeBufferPointer { b in
            for c in cues {
                let hit = CueText.withBytes(c) { cb -> Bool in
                    if CueText.contains(cb, 0x20) { return false }
                    if let filter, !filter.mayStart(cb) { return false }
                    for i in wordRanges.indices where word(i, hasPrefix: cb, in: b) {
                        if i > 0, c.hasPrefix("кел") || c.hasPrefix("бар"), CueText.withBytes("п", { word(i - 1, hasSuffix: $0, in: b) })
                            || ["сай", "кез", "қарсы", "тап", "сәйкес"].contains(where: { wordEquals(i - 1, $0) }) { continue }
                        return true
                    }
                    return false
                }
                if hit { return true }
            }
            return false
        }
        if found { return true }
        return cues.contains { $0.utf8.contains(0x20) && matches($0) }
    }

    private func hasMotionByCharacter(_ cues: [String]) -> Bool {
        let words = slowWords
        for c in cues where !c.utf8.contains(0x20) {
            for i in words.indices where words[i].hasPrefix(c) {
                if i > 0, (c.hasPrefix("кел") || c.hasPrefix("бар")),
                   words[i - 1].hasSuffix("п") || ["сай", "кез", "қарсы", "тап", "сәйкес"].contains(String(words[i - 1])) { continue }
                return true
            }
        }
        return cues.contains { $0.utf8.contains(0x20) && matches($0) }
    }

    /// The first cue (in list order) that occurs.
    func first(_ cues: [String]) -> String? {
        for c in cues where matches(c) { return c }
        return nil
    }

    func matches(_ rawCue: String) -> Bool {
        guard simple else {
            let cue = rawCue.utf8.contains(0x2D) ? dashToSpace(rawCue) : rawCue
            return matchesByCharacter(cue)
        }
        // The filter reads the cue before its dashes become spaces: neither is a letter or
        // a digit, so its answer is the same, and most cues stop here.
        if let filter, !CueText.withBytes(rawCue, { filter.mayStart($0) }) { return false }
        return CueText.withDashesAsSpaces(rawCue) { cb in
            bytes.withUnsafeBufferPointer { b in matchesPrepared(cb, phrase: CueText.contains(cb, 0x20), in: b) }
        }
    }

    /// `matches` on the byte path, for a cue with its dashes as spaces (`phrase`: it has a
    /// space) and the prepared bytes `b`.
    @inline(__always)
    private func matchesPrepared(_ cb: UnsafeBufferPointer<UInt8>, phrase: Bool, in b: UnsafeBufferPointer<UInt8>) -> Bool {
        if !phrase {
            for i in wordRanges.indices where word(i, hasPrefix: cb, in: b) { return true }
            return false
        }
        var from = 0
        while let i = CueText.find(b, cb, from: from) {
            if i == 0 || !CueText.letterOrDigit(b, endingAt: i) { return true }
            from = i + cb.count
        }
        return false
    }

    /// `has` for a compiled cue list.
    func has(_ cues: CompiledCues) -> Bool {
        guard simple else { return has(cues.strings) }
        return bytes.withUnsafeBufferPointer { b in
            for c in cues.items {
                if let filter, !filter.mayStart(c.key) { continue }
                if c.bytes.withUnsafeBufferPointer({ matchesPrepared($0, phrase: c.phrase, in: b) }) { return true }
            }
            return false
        }
    }

    /// `hasMotion` for a compiled cue list.
    func hasMotion(_ cues: CompiledCues) -> Bool {
        guard simple else { return hasMotion(cues.strings) }
        return bytes.withUnsafeBufferPointer { b in
            for c in cues.items where !c.rawPhrase {
                if let filter, !filter.mayStart(c.key) { continue }
                let hit = c.rawBytes.withUnsafeBufferPointer { cb -> Bool in
                    for i in wordRanges.indices where word(i, hasPrefix: cb, in: b) {
                        if i > 0, c.auxiliary, CueText.withBytes("п", { word(i - 1, hasSuffix: $0, in: b) })
                            || ["сай", "кез", "қарсы", "тап", "сәйкес"].contains(where: { wordEquals(i - 1, $0) }) { continue }
                        return true
                    }
                    return false
                }
                if hit { return true }
            }
            for c in cues.items where c.rawPhrase {
                if let filter, !filter.mayStart(c.key) { continue }
                if c.bytes.withUnsafeBufferPointer({ matchesPrepared($0, phrase: c.phrase, in: b) }) { return true }
            }
            return false
        }
    }

    /// `matches` by characters (for text with combining marks).
    private func matchesByCharacter(_ cue: String) -> Bool {
        if !cue.contains(" ") {
            for w in slowWords where w.hasPrefix(cue) { return true }
            return false
        }
        var search = lower.startIndex..<lower.endIndex
        while let r = lower.range(of: cue, range: search) {
            if r.lowerBound == lower.startIndex { return true }
            let before = lower[lower.index(before: r.lowerBound)]
            if !(before.isLetter || before.isNumber) { return true }
            search = r.upperBound..<lower.endIndex
        }
        return false
    }

    /// The index of the first word that starts a cue.
    func wordIndex(of cues: [String]) -> Int? {
        guard simple else { return wordIndexByCharacter(cues) }
        var best: Int?
        let count = wordRanges.count
        bytes.withUnsafeBufferPointer { b in
            for c in cues {
                if let filter, !CueText.withBytes(c, { filter.mayStart($0) }) { continue }
                CueText.withDashesAsSpaces(c) { cb in
                    // The cue's words: its byte runs between spaces.
                    var parts = [Range<Int>]()
                    var start = -1
                    for k in 0..<cb.count {
                        if cb[k] == 0x20 {
                            if start >= 0 { parts.append(start..<k); start = -1 }
                        } else if start < 0 { start = k }
                    }
                    if start >= 0 { parts.append(start..<cb.count) }
                    guard !parts.isEmpty, parts.count <= count else { return }
                    for i in 0...(count - parts.count) {
                        if let bi = best, i >= bi { break }
                        var ok = true
                        for (k, p) in parts.enumerated() {
                            let r = wordRanges[i + k]
                            let isLast = k == parts.count - 1
                            if isLast ? r.count < p.count : r.count != p.count { ok = false; break }
                            if !CueText.equal(b, r.lowerBound, cb, p.lowerBound, p.count) { ok = false; break }
                        }
                        if ok { best = i; break }
                    }
                }
            }
        }
        return best
    }

    private func wordIndexByCharacter(_ cues: [String]) -> Int? {
        let words = slowWords
        var best: Int?
        for c in cues {
            let parts = dashToSpace(c).split(separator: " ")
            guard !parts.isEmpty, parts.count <= words.count else { continue }
            for i in 0...(words.count - parts.count) {
                if let b = best, i >= b { break }
                var ok = true
                for (k, p) in parts.enumerated() {
                    let w = words[i + k]
                    if k == parts.count - 1 ? !w.hasPrefix(p) : w != p { ok = false; break }
                }
                if ok { best = i; break }
            }
        }
        return best
    }

    /// Whether `needle` occurs anywhere in the prepared text (a plain substring test).
    func contains(_ needle: String) -> Bool { firstOffset(of: needle) != nil }

    /// The character offset in the prepared text of the first occurrence of `needle`.
    func firstOffset(of needle: String) -> Int? {
        guard simple else {
            return lower.range(of: needle).map { lower.distance(from: lower.startIndex, to: $0.lowerBound) }
        }
        let i = CueText.withBytes(needle) { n in bytes.withUnsafeBufferPointer { CueText.find($0, n, from: 0) } }
        return i.map(characterOffset)
    }

    /// The character offsets in the prepared text of every occurrence of `needle` (not
    /// overlapping).
    func offsets(of needle: String) -> [Int] {
        var out = [Int]()
        guard simple else {
            var search = lower.startIndex..<lower.endIndex
            while let r = lower.range(of: needle, range: search) {
                out.append(lower.distance(from: lower.startIndex, to: r.lowerBound))
                search = r.upperBound..<lower.endIndex
            }
            return out
        }
        CueText.withBytes(needle) { n in
            bytes.withUnsafeBufferPointer { b in
                var from = 0
                while let i = CueText.find(b, n, from: from) {
                    out.append(i)
                    from = i + max(1, n.count)
                }
            }
        }
        return out.map(characterOffset)
    }

    /// The words `lo..<hi` joined, for matching cues near an event word.
    func window(_ center: Int, radius: Int) -> CueText {
        slice(max(0, center - radius), min(wordCount, center + radius + 1))
    }

    /// Words `lo..<hi` as a cue text of their own.
    func slice(_ lo: Int, _ hi: Int) -> CueText {
        guard simple else { return CueText(slowWords[lo..<hi].joined(separator: " ")) }
        var out = [UInt8]()
        var ranges = [Range<Int>]()
        ranges.reserveCapacity(hi - lo)
        for i in lo..<hi {
            if i > lo { out.append(0x20) }
            let r = wordRanges[i]
            ranges.append(out.count..<(out.count + r.count))
            out.append(contentsOf: bytes[r])
        }
        return CueText(preparedBytes: out, words: ranges)
    }

    /// The position of the first occurrence of any cue (character offset), for ordering.
    func position(of cues: [String]) -> Int? {
        guard simple else {
            var best: Int?
            for c in cues {
                if let r = lower.range(of: c) {
                    let p = lower.distance(from: lower.startIndex, to: r.lowerBound)
                    if best == nil || p < best! { best = p }
                }
            }
            return best
        }
        var best: Int?
        bytes.withUnsafeBufferPointer { b in
            for c in cues {
                if let i = CueText.withBytes(c, { CueText.find(b, $0, from: 0) }), best == nil || i < best! { best = i }
            }
        }
        return best.map(characterOffset)
    }

    /// The number written before the first word starting with one of `stems` (e.g. "14" in
    /// "signing 14 documents", "12 құжатқа").
    func count(before stems: [String]) -> Int? {
        guard simple else {
            let words = slowWords
            for i in words.indices where stems.contains(where: { words[i].hasPrefix($0) }) {
                var j = i - 1
                while j >= 0 && j >= i - 3 {
                    if let n = Int(words[j]), n > 1, n < 500 { return n }
                    if let n = Lexicons.numberWords[String(words[j])] { return n }
                    j -= 1
                }
            }
            return nil
        }
        for i in wordRanges.indices where isStemWord(i, stems) {
            var j = i - 1
            while j >= 0 && j >= i - 3 {
                if let n = integer(word: j), n > 1, n < 500 { return n }
                if let n = Lexicons.numberWords[String(word(j))] { return n }
                j -= 1
            }
        }
        return nil
    }

    /// Whether word `i` starts with one of `stems` (byte path).
    private func isStemWord(_ i: Int, _ stems: [String]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            stems.contains { s in CueText.withBytes(s) { word(i, hasPrefix: $0, in: b) } }
        }
    }

    /// `Int(word)`: ASCII digits only (a word holds no sign), `nil` on overflow.
    private func integer(word i: Int) -> Int? {
        let r = wordRanges[i]
        guard !r.isEmpty else { return nil }
        var n = 0
        for k in r {
            let d = bytes[k]
            guard d >= 0x30 && d <= 0x39 else { return nil }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d - 0x30))
            if o1 || o2 { return nil }
            n = s
        }
        return n
    }
}

/// `s` with every "-" turned into a space, without Foundation's string search.
@inline(__always)
func dashToSpace(_ s: String) -> String {
    guard s.utf8.contains(0x2D) else { return s }
    return String(decoding: s.utf8.map { $0 == 0x2D ? 0x20 : $0 }, as: UTF8.self)
}
