import ChanceryDomain

/// One sentence with everything the rules read from it.
struct SentenceFacts {
    let sentence: Sentence
    let index: Int
    let cue: CueText
    var mentions: [Mention]
    let dates: [DateMention]
    /// The country of whoever speaks in this sentence's paragraph (quoted speech), if known.
    var speaker: CountryCode?

    var text: String { sentence.text }

    /// Countries named in the sentence, in text order, each once (people and cities count
    /// for their country; compounds for both). Countries only named as stops of a route
    /// ("Казахстан – Туркменистан – Иран") are left out.
    var countries: [CountryCode] {
        var out = [CountryCode]()
        let route = routeMentions
        for (i, m) in mentions.enumerated() where !route.contains(i) {
            for c in m.countries where !out.contains(c) { out.append(c) }
        }
        return out
    }

    /// Indexes of mentions that are stops of a dash-separated route of three or more.
    var routeMentions: Set<Int> {
        var chain = [Int]()
        var result = Set<Int>()
        func flush() { if chain.count >= 3 { result.formUnion(chain) }; chain = [] }
        for (i, m) in mentions.enumerated() where m.kind == .country || m.kind == .city {
            if let last = chain.last {
                let gap = text[mentions[last].range.upperBound..<m.range.lowerBound]
                let trimmed = gap.trimmingCharacters(in: .whitespaces)
                if ["–", "-", "—"].contains(trimmed) { chain.append(i); continue }
                flush()
            }
            chain = [i]
        }
        flush()
        return result
    }

    var people: [Mention] { mentions.filter { $0.kind == .person } }

    /// The whole word around a mention (its inflected form), lower-cased.
    func word(of m: Mention) -> String {
        var lo = m.range.lowerBound, hi = m.range.upperBound
        while lo > text.startIndex {
            let p = text.index(before: lo)
            if text[p].isLetter || text[p] == "-" { lo = p } else { break }
        }
        while hi < text.endIndex, text[hi].isLetter || text[hi] == "'" || text[hi] == "’" { hi = text.index(after: hi) }
        return text[lo..<hi].lowercased()
    }

    /// The word just before a mention, lower-cased.
    func wordBefore(_ m: Mention) -> String {
        var i = m.range.lowerBound
        while i > text.startIndex, !text[text.index(before: i)].isLetter { i = text.index(before: i) }
        let end = i
        while i > text.startIndex, text[text.index(before: i)].isLetter { i = text.index(before: i) }
        return text[i..<end].lowercased()
    }

    /// The word just after a mention, lower-cased.
    func wordAfter(_ m: Mention) -> String {
        var i = m.range.upperBound
        while i < text.endIndex, text[i].isLetter { i = text.index(after: i) }
        while i < text.endIndex, !text[i].isLetter { i = text.index(after: i) }
        let start = i
        while i < text.endIndex, text[i].isLetter || text[i] == "-" { i = text.index(after: i) }
        return text[start..<i].lowercased()
    }

    /// The characters between the end of `m` and the next mention or the end, lower-cased.
    func textAfter(_ m: Mention, limit: Int = 40) -> String {
        let rest = text[m.range.upperBound...]
        return String(rest.prefix(limit)).lowercased()
    }
}

/// What the rules know about the article as a whole.
struct ArticleContext {
    let language: Language
    let lexicon: Lexicon
    let published: FuzzyDate?
    /// The side Kazakh media write from.
    let home: CountryCode
    /// The partner most named in the article (after the home side).
    let partner: CountryCode?
    /// The second most named partner (for articles about two foreign countries).
    let secondPartner: CountryCode?
    /// The city of the article's dateline (`ТАШКЕНТ. KAZINFORM`), with its country.
    let datelinePlace: String?
    let datelineCountry: CountryCode?
    /// A date to use when a sentence has none and the article has no publication date.
    let fallbackDate: FuzzyDate

    /// The date of a fact stated in `s`: its own date, else the publication date.
    func date(of s: SentenceFacts) -> (FuzzyDate, FuzzyDate?) {
        if let d = s.dates.first { return (d.date, d.until) }
        return (published ?? fallbackDate, nil)
    }

    /// The two sides of a fact stated in `s`.
    func pair(_ s: SentenceFacts) -> (CountryCode, CountryCode)? {
        let cs = s.countries
        let others = cs.filter { $0 != home }
        if cs.contains(home), let o = others.first { return (home, o) }
        if others.count >= 2 {
            // Two foreign countries: only when the article is about both of them.
            let known = [partner, secondPartner].compactMap { $0 }
            if known.contains(others[0]) && known.contains(others[1]) { return (others[0], others[1]) }
            if let p = partner, others.contains(p) { return (home, p) }
            return nil
        }
        if let o = others.first { return (home, o) }
        if let p = partner { return (home, p) }
        return nil
    }
}
