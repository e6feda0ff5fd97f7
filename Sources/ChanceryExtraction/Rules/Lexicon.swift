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
struct CueText {
    let lower: String
    let words: [Substring]
    /// Offsets (in `lower`'s characters) are not kept: matching is by presence and order.

    init(_ text: String) {
        lower = text.lowercased()
            .replacingOccurrences(of: "ё", with: "е")
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "-", with: " ")
        words = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'") })
    }

    /// Whether any cue occurs: a one-word cue as a word prefix, a phrase as a substring
    /// that starts at a word boundary.
    func has(_ cues: [String]) -> Bool { first(cues) != nil }

    /// Like `has`, but a Kazakh motion verb right after a converb (`дамып келеді`, `нығайып
    /// келе жатыр`: "has been developing") is an auxiliary, not an arrival.
    func hasMotion(_ cues: [String]) -> Bool {
        for c in cues where !c.contains(" ") {
            for (i, w) in words.enumerated() where w.hasPrefix(c) {
                if i > 0, (c.hasPrefix("кел") || c.hasPrefix("бар")),
                   words[i - 1].hasSuffix("п") || ["сай", "кез", "қарсы", "тап", "сәйкес"].contains(String(words[i - 1])) { continue }
                return true
            }
        }
        return cues.contains { $0.contains(" ") && matches($0) }
    }

    /// The first cue (in list order) that occurs.
    func first(_ cues: [String]) -> String? {
        for c in cues where matches(c) { return c }
        return nil
    }

    func matches(_ rawCue: String) -> Bool {
        let cue = rawCue.contains("-") ? rawCue.replacingOccurrences(of: "-", with: " ") : rawCue
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
            let parts = c.replacingOccurrences(of: "-", with: " ").split(separator: " ")
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

    /// The words `lo..<hi` joined, for matching cues near an event word.
    func window(_ center: Int, radius: Int) -> CueText {
        let lo = max(0, center - radius), hi = min(words.count, center + radius + 1)
        return CueText(words[lo..<hi].joined(separator: " "))
    }

    /// The position of the first occurrence of any cue (character offset), for ordering.
    func position(of cues: [String]) -> Int? {
        var best: Int?
        for c in cues {
            if let r = lower.range(of: c) {
                let p = lower.distance(from: lower.startIndex, to: r.lowerBound)
                if best == nil || p < best! { best = p }
            }
        }
        return best
    }

    /// The number written before the first word starting with one of `stems` (e.g. "14" in
    /// "signing 14 documents", "12 құжатқа").
    func count(before stems: [String]) -> Int? {
        for (i, w) in words.enumerated() where stems.contains(where: { w.hasPrefix($0) }) {
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
