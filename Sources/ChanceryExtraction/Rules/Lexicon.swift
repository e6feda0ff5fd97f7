import ChanceryDomain

/// The words one language uses for each cue the rules look for. Stems match the start of a
/// word (`келіссөз` matches `келіссөздер`); entries with a space match as a phrase at a word
/// start. All lower case.
struct Lexicon: Sendable {
    // Visits
    var visitNouns: [String]
    var arrivalVerbs: [String]
    var receiveVerbs: [String]
    var welcomePhrases: [String]
    var stateLevel: [String]
    var officialLevel: [String]
    var workingLevel: [String]
    var firstEver: [String]
    /// A visit that is mentioned, not reported (an invitation, a past visit recalled).
    var visitNonEvents: [String]
    /// An invitation to visit: a planned visit by the invited side.
    var invitations: [String]
    // Talks
    var talksCues: [String]
    var narrow: [String]
    var expanded: [String]
    var phone: [String]
    var video: [String]
    var talksNonEvents: [String]
    // Agreements
    var signCues: [String]
    var documentKinds: [(AgreementKind, [String])]
    var cumulative: [String]
    var pressStatements: [String]
    // Trade
    var metrics: [(TradeMetric, [String])]
    var targetCues: [String]
    var worldTrade: [String]
    // Status and time
    var planned: [String]
    /// Unambiguous future forms ("будут подписаны", "will be signed"): planned whatever else.
    var strongPlanned: [String]
    /// Forms that report a thing as done ("подписали", "келді", "held").
    var done: [String]
    var plannedAfterDone: [String]
    var negation: [String]
    var pastRecall: [String]
    // Sides
    var homeReferences: [String]
    var homeTitles: [String]
    var bothSides: [String]
    var speechVerbs: [String]
    var blocs: [String]
    var subnational: [String]
    /// Whether the main verb comes last (Kazakh): its tense then tells the status.
    var verbFinal: Bool = false
    /// Present-future forms of the verbs events are told with (Kazakh).
    var futureVerbs: [String] = []
}

/// A sentence prepared for cue matching: lower-cased text and its words.
///
/// Matching runs on UTF-8 bytes (a cue is found where its bytes are). For text in which a
/// character may span several scalars (combining marks), byte matching could differ from
/// matching by characters, so such text takes the character-based path instead.
struct CueText {
    let lower: String
    let words: [Substring]
    /// Offsets (in `lower`'s characters) are not kept: matching is by presence and order.

    /// `lower` as UTF-8, and each word's byte range in it.
    private let bytes: [UInt8]
    private let wordRanges: [Range<Int>]
    /// Every character is one scalar (no combining marks, joiners, CR LF): byte-level
    /// matching then equals matching by characters.
    private let simple: Bool

    init(_ text: String) {
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
        self.lower = lower
        self.words = words
        bytes = b
        self.simple = simple
    }

    /// Whether word `i` starts with `prefix` (UTF-8 bytes).
    private func word(_ i: Int, hasPrefix prefix: [UInt8]) -> Bool {
        let r = wordRanges[i]
        guard r.count >= prefix.count else { return false }
        var k = r.lowerBound
        for p in prefix {
            if bytes[k] != p { return false }
            k += 1
        }
        return true
    }

    private func wordHasPrefix(_ i: Int, _ prefix: String) -> Bool {
        simple ? word(i, hasPrefix: Array(prefix.utf8)) : words[i].hasPrefix(prefix)
    }

    /// The byte offsets where `needle` starts in `bytes`, from `from` on.
    private func find(_ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count - from else { return nil }
        let last = bytes.count - needle.count
        var i = from
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether the character that ends just before byte `i` is a letter or a digit.
    private func letterOrDigit(endingAt i: Int) -> Bool {
        var s = i - 1
        while s > 0 && bytes[s] & 0xC0 == 0x80 { s -= 1 }
        let scalar = String(decoding: bytes[s..<i], as: UTF8.self).unicodeScalars.first!
        let ch = Character(scalar)
        return ch.isLetter || ch.isNumber
    }

    /// Whether any cue occurs: a one-word cue as a word prefix, a phrase as a substring
    /// that starts at a word boundary.
    func has(_ cues: [String]) -> Bool { first(cues) != nil }

    /// Like `has`, but a Kazakh motion verb right after a converb (`дамып келеді`, `нығайып
    /// келе жатыр`: "has been developing") is an auxiliary, not an arrival.
    func hasMotion(_ cues: [String]) -> Bool {
        for c in cues where !c.utf8.contains(0x20) {
            let cb = Array(c.utf8)
            for i in words.indices where simple ? word(i, hasPrefix: cb) : words[i].hasPrefix(c) {
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
        let cue = rawCue.utf8.contains(0x2D) ? dashToSpace(rawCue) : rawCue
        guard simple else { return matchesByCharacter(cue) }
        let cb = Array(cue.utf8)
        if !cb.contains(0x20) {
            for i in wordRanges.indices where word(i, hasPrefix: cb) { return true }
            return false
        }
        var from = 0
        while let i = find(cb, from: from) {
            if i == 0 || !letterOrDigit(endingAt: i) { return true }
            from = i + cb.count
        }
        return false
    }

    /// `matches` by characters (for text with combining marks).
    private func matchesByCharacter(_ cue: String) -> Bool {
        if !cue.contains(" ") {
            for w in words where w.hasPrefix(cue) { return true }
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

    /// Whether `needle` occurs anywhere in `lower` (a plain substring test).
    func contains(_ needle: String) -> Bool { firstOffset(of: needle) != nil }

    /// The character offset in `lower` of the first occurrence of `needle`.
    func firstOffset(of needle: String) -> Int? {
        guard simple else {
            return lower.range(of: needle).map { lower.distance(from: lower.startIndex, to: $0.lowerBound) }
        }
        return find(Array(needle.utf8), from: 0).map(characterOffset)
    }

    /// The character offsets in `lower` of every occurrence of `needle` (not overlapping).
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
        let n = Array(needle.utf8)
        var from = 0
        while let i = find(n, from: from) {
            out.append(characterOffset(i))
            from = i + max(1, n.count)
        }
        return out
    }

    /// The character offset of byte offset `i` of `lower`.
    private func characterOffset(_ i: Int) -> Int {
        // Every character is one scalar here: count the scalars' lead bytes.
        var n = 0
        for k in 0..<i where bytes[k] & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The words `lo..<hi` joined, for matching cues near an event word.
    func window(_ center: Int, radius: Int) -> CueText {
        let lo = max(0, center - radius), hi = min(words.count, center + radius + 1)
        return CueText(words[lo..<hi].joined(separator: " "))
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
        for c in cues {
            if let i = find(Array(c.utf8), from: 0), best == nil || i < best! { best = i }
        }
        return best.map(characterOffset)
    }

    /// The number written before the first word starting with one of `stems` (e.g. "14" in
    /// "signing 14 documents", "12 құжатқа").
    func count(before stems: [String]) -> Int? {
        let stemBytes = simple ? stems.map { Array($0.utf8) } : []
        for i in words.indices where simple ? stemBytes.contains(where: { word(i, hasPrefix: $0) }) : stems.contains(where: { words[i].hasPrefix($0) }) {
            var j = i - 1
            while j >= 0 && j >= i - 3 {
                if let n = Int(words[j]), n > 1, n < 500 { return n }
                if let n = Lexicons.numberWords[String(words[j])] { return n }
                j -= 1
            }
        }
        return nil
    }
}

/// `s` with every "-" turned into a space, without Foundation's string search.
@inline(__always)
func dashToSpace(_ s: String) -> String {
    guard s.utf8.contains(0x2D) else { return s }
    return String(decoding: s.utf8.map { $0 == 0x2D ? 0x20 : $0 }, as: UTF8.self)
}

enum Lexicons {
    static func of(_ language: Language) -> Lexicon {
        switch language {
        case .kk: return kazakh
        case .ru: return russian
        case .en: return english
        }
    }

    static let numberWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
        "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
        "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    ]
}
