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
    /// The day of arrival when the sentence says "the day before" (for visits only: the
    /// rest of such a sentence usually happens on the day itself).
    var arrivalDate: FuzzyDate?
    /// The date the narrative is at (the last explicit day named before), if any.
    var contextDate: FuzzyDate?
    /// Countries named anywhere in the sentence's paragraph.
    var paragraphCountries: Set<CountryCode> = []
    /// `RTokenizer.tokenize(text)`, if the date reader needed it.
    var tokens: [RToken]?
    /// Years named alone as a time adverbial ("in 2026", "2026 жылы").
    var adverbialYears: [Int] = []

    /// `RTokenizer.tokenize(text)`.
    var readerTokens: [RToken] { tokens ?? RTokenizer.tokenize(text) }

    var text: String { sentence.text }

    /// Countries named in the sentence, in text order, each once (people and cities count
    /// for their country; compounds for both). Countries only named as stops of a route
    /// ("Казахстан – Туркменистан – Иран") are left out.
    /// `countries` and `actorCountries`, computed once (call after changing `mentions`).
    private(set) var countries: [CountryCode] = []
    private(set) var actorCountries: [CountryCode] = []

    mutating func refreshCountries() {
        let route = routeMentions
        let venue = mentions.map(isVenue)
        countries = computeCountries(route, venue)
        actorCountries = computeActorCountries(route, venue)
    }

    /// `route`: `routeMentions`; `venue`: `isVenue` of each mention.
    func computeCountries(_ route: Set<Int>, _ venue: [Bool]) -> [CountryCode] {
        var out = [CountryCode]()
        // Actors first (people, countries, adjectives), venues (cities, a Kazakh locative) after.
        for pass in 0..<2 {
            for (i, m) in mentions.enumerated() where !route.contains(i) && (venue[i] == (pass == 1)) {
                for c in m.countries where !out.contains(c) { out.append(c) }
            }
        }
        return out
    }

    /// Countries named as actors (not only as the venue).
    func computeActorCountries(_ route: Set<Int>, _ venue: [Bool]) -> [CountryCode] {
        var out = [CountryCode]()
        for (i, m) in mentions.enumerated() where !route.contains(i) && !venue[i] {
            for c in m.countries where !out.contains(c) { out.append(c) }
        }
        return out
    }

    static let venueExceptions = ["канада", "гренада", "мальта", "уганда", "руанда", "ботсвана"]
    static let locativeEndings = ["да", "де", "та", "те"]

    /// A city, or a country in the Kazakh locative ("Қытайда"): where, not who.
    /// Whether `m` opens the sentence as a dateline: the place, then a comma or a dash.
    func isDateline(_ m: Mention) -> Bool {
        let before = text[text.startIndex..<m.range.lowerBound]
        guard before.allSatisfy({ !$0.isLetter && !$0.isNumber }) else { return false }
        let after = text[m.range.upperBound...].drop { $0 == " " || $0 == "\u{00A0}" }
        guard let c = after.first else { return false }
        return c == "," || c == "-" || c == "–" || c == "—"
    }

    func isVenue(_ m: Mention) -> Bool {
        if m.kind == .city { return true }
        if m.kind == .country {
            let w = word(of: m)
            if cue.covered {
                // Lower-cased covered text: equality and suffixes are those of the bytes, and
                // each character is one scalar.
                let b = w.utf8
                if SentenceFacts.venueExceptions.contains(where: { b.elementsEqual($0.utf8) }) { return false }
                return SentenceFacts.locativeEndings.contains { b.count >= $0.utf8.count && b.reversed().starts(with: $0.utf8.reversed()) }
                    && w.unicodeScalars.count > 4
            }
            if SentenceFacts.venueExceptions.contains(w) { return false }
            return SentenceFacts.locativeEndings.contains { w.hasSuffix($0) } && w.count > 4
        }
        return false
    }

    /// Indexes of mentions that are stops of a dash-separated route of three or more.
    var routeMentions: Set<Int> {
        var chain = [Int]()
        var result = Set<Int>()
        func flush() { if chain.count >= 3 { result.formUnion(chain) }; chain = [] }
        for (i, m) in mentions.enumerated() where m.kind == .country || m.kind == .city {
            if let last = chain.last {
                let gap = text[mentions[last].range.upperBound..<m.range.lowerBound]
                if isRouteDash(gap) { chain.append(i); continue }
                flush()
            }
            chain = [i]
        }
        flush()
        return result
    }

    /// Whether `gap`, trimmed of white space (`CharacterSet.whitespaces`), is one dash or
    /// hyphen.
    func isRouteDash(_ gap: Substring) -> Bool {
        if cue.covered {
            // Covered text: scalars are characters and `CueScalars.isTrimmedSpace` answers.
            var content: UInt32?
            for u in gap.unicodeScalars where !CueScalars.isTrimmedSpace(u.value) {
                if content != nil { return false }
                content = u.value
            }
            return content == 0x2013 || content == 0x2D || content == 0x2014
        }
        let trimmed = gap.trimmingCharacters(in: .whitespaces)
        return ["–", "-", "—"].contains(trimmed)
    }

    var people: [Mention] { mentions.filter { $0.kind == .person } }

    /// The character offset of `i` (a scalar boundary) in `text`.
    func characterOffset(of i: String.Index) -> Int {
        // Covered text: each character is one scalar.
        cue.covered ? text.unicodeScalars.distance(from: text.startIndex, to: i) : text.distance(from: text.startIndex, to: i)
    }

    /// The dates in the same clause as the first of `cues` ("He arrived the day before,
    /// and in the morning was received…": the reception is not the day before).
    func dates(sameClauseAs cues: [String]) -> [DateMention] {
        guard dates.count > 0, !cues.isEmpty else { return dates }
        var cpo: Int?
        for c in cues {
            if let o = cue.firstOffset(of: dashToSpace(c)), cpo == nil || o < cpo! { cpo = o }
        }
        guard let cpo else { return dates }
        let boundaries = [", а ", ", and ", ", ал ", "; ", ", while ", ", but ", ", но ", ", after which", ", после чего"]
        var cuts = [Int]()
        for b in boundaries { cuts += cue.offsets(of: b) }
        guard !cuts.isEmpty else { return dates }
        func clause(_ o: Int) -> Int { cuts.filter { $0 < o }.count }
        let target = clause(cpo)
        let same = dates.filter { clause(characterOffset(of: $0.range.lowerBound)) == target }
        return same
    }

    /// The whole word around a mention (its inflected form), lower-cased.
    func word(of m: Mention) -> String {
        if cue.covered {
            let us = text.unicodeScalars
            var lo = m.range.lowerBound, hi = m.range.upperBound
            while lo > us.startIndex {
                let p = us.index(before: lo)
                let v = us[p].value
                if CueScalars.isLetter(covered: v) || v == 0x2D { lo = p } else { break }
            }
            while hi < us.endIndex {
                let v = us[hi].value
                guard CueScalars.isLetter(covered: v) || v == 0x27 || v == 0x2019 else { break }
                hi = us.index(after: hi)
            }
            return text[lo..<hi].lowercased()
        }
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
        if cue.covered {
            let us = text.unicodeScalars
            var i = m.range.lowerBound
            while i > us.startIndex, !CueScalars.isLetter(covered: us[us.index(before: i)].value) { i = us.index(before: i) }
            let end = i
            while i > us.startIndex, CueScalars.isLetter(covered: us[us.index(before: i)].value) { i = us.index(before: i) }
            return text[i..<end].lowercased()
        }
        var i = m.range.lowerBound
        while i > text.startIndex, !text[text.index(before: i)].isLetter { i = text.index(before: i) }
        let end = i
        while i > text.startIndex, text[text.index(before: i)].isLetter { i = text.index(before: i) }
        return text[i..<end].lowercased()
    }

    /// Up to `max` words right before a mention, nearest first, lower-cased: only across
    /// spaces, so a comma, a figure or a bracket ends them ("In 2024, Kazakhstan's" has none).
    func wordsBefore(_ m: Mention, max: Int) -> [String] {
        var out = [String]()
        var i = m.range.lowerBound
        func isSpace(_ c: Character) -> Bool { c == " " || c == "\u{00A0}" }
        func isWord(_ c: Character) -> Bool { c.isLetter || c == "'" || c == "’" }
        while out.count < max {
            var j = i
            while j > text.startIndex, isSpace(text[text.index(before: j)]) { j = text.index(before: j) }
            guard j < i else { break }
            let end = j
            while j > text.startIndex, isWord(text[text.index(before: j)]) { j = text.index(before: j) }
            guard j < end else { break }
            out.append(text[j..<end].lowercased())
            i = j
        }
        return out
    }

    /// The word just after a mention, lower-cased.
    func wordAfter(_ m: Mention) -> String {
        if cue.covered {
            let us = text.unicodeScalars
            var i = m.range.upperBound
            while i < us.endIndex, CueScalars.isLetter(covered: us[i].value) { i = us.index(after: i) }
            while i < us.endIndex, !CueScalars.isLetter(covered: us[i].value) { i = us.index(after: i) }
            let start = i
            while i < us.endIndex, CueScalars.isLetter(covered: us[i].value) || us[i].value == 0x2D { i = us.index(after: i) }
            return text[start..<i].lowercased()
        }
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
    /// Whether the article names the home side at all (an article about Russia and China
    /// may not).
    var homeNamed: Bool = true

    /// The date of a fact stated in `s`: its own date, else the day the narrative is at,
    /// else the publication date.
    /// Whether `s` names its own date (or follows a dated sentence).
    func statesDate(_ s: SentenceFacts, near cues: [String] = []) -> Bool {
        !s.dates(sameClauseAs: cues).isEmpty || s.contextDate != nil
    }

    func date(of s: SentenceFacts, near cues: [String] = []) -> (FuzzyDate, FuzzyDate?) {
        let d = dateAndStatement(of: s, near: cues)
        return (d.date, d.until)
    }

    /// `date(of:near:)` and `statesDate(_:near:)` together (the clause is read once).
    /// Of a fact that will happen (`planned`), a weekday is the coming one ("will visit on
    /// Tuesday") and a later year named alone is its date ("will visit in 2026").
    func dateAndStatement(of s: SentenceFacts, near cues: [String] = [], planned: Bool = false) -> (date: FuzzyDate, until: FuzzyDate?, stated: Bool) {
        let same = s.dates(sameClauseAs: cues)
        let stated = !same.isEmpty || s.contextDate != nil
        if let d = same.first { return (planned ? d.ahead ?? d.date : d.date, d.until, stated) }
        if planned, let pubYear = published?.year, let y = s.adverbialYears.first(where: { $0 > pubYear }) {
            return (.year(y), nil, true)
        }
        if let c = s.contextDate { return (c, nil, stated) }
        return (published ?? fallbackDate, nil, stated)
    }

    /// The two sides of a fact stated in `s`.
    func pair(_ s: SentenceFacts, actorsOnly: Bool = false) -> (CountryCode, CountryCode)? {
        let actors = s.actorCountries
        let cs = actorsOnly && actors.contains(where: { $0 != home }) ? actors : s.countries
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
        // An article about two foreign countries that never names the home side.
        if !homeNamed, cs.isEmpty, let p = partner, let q = secondPartner { return (p, q) }
        if let p = partner { return (home, p) }
        return nil
    }
}
