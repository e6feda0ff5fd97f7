import ChanceryDomain

/// Language-specific reading of which country a sentence points *to* (a destination) and
/// who acts in it.
enum SideFinder {
    /// Kazakh dative endings (to X): `Иранға`, `Ресейге`, `Түркияға`, `Ташкентке`, `еліне`.
    static func isKazakhDative(_ word: String) -> Bool {
        for s in ["ға", "ге", "қа", "ке"] where word.hasSuffix(s) && word.count > 3 { return true }
        for s in ["ына", "іне", "сына", "сіне"] where word.hasSuffix(s) { return true }
        return false
    }

    /// Kazakh ablative endings (from X).
    static func isKazakhAblative(_ word: String) -> Bool {
        // "Қазақстан", "Пәкістан", "Судан": the name itself ends so.
        if word.hasSuffix("стан") || word.hasSuffix("судан") || word.hasSuffix("бутан") { return false }
        for s in ["дан", "ден", "тан", "тен", "нан", "нен"] where word.hasSuffix(s) && word.count > 4 { return true }
        return false
    }

    /// The country a sentence names as a destination: a dative in Kazakh, `в`/`во`/`на`
    /// in Russian, `to`/`in`/`into` in English. Cities count for their country.
    static func destination(_ s: SentenceFacts, _ ctx: ArticleContext) -> CountryCode? {
        for m in s.mentions where m.kind != .person {
            guard let c = m.countries.first else { continue }
            switch ctx.language {
            case .kk:
                if m.kind != .adjective, isKazakhDative(s.word(of: m)) { return c }
                if m.kind == .city, s.isVenue(m) { return c }
                // "тәжік жеріне", "Қытай астанасына": an adjective or genitive before a dative noun.
                if m.kind != .person, ["жер", "ел", "астана", "топырағ"].contains(where: { s.wordAfter(m).hasPrefix($0) }),
                   isKazakhDative(s.wordAfter(m)) { return c }
            case .ru:
                if m.kind != .adjective, ["в", "во"].contains(s.wordBefore(m)) { return c }
                if m.kind != .adjective, isRussianVisitObject(s.wordsBefore(m, max: 3)) { return c }
            case .en:
                if m.kind != .adjective, isEnglishDestination(s.wordsBefore(m, max: 6)) { return c }
            }
        }
        if s.cue.has(ctx.lexicon.homeReferences) { return s.speaker ?? ctx.home }
        return nil
    }

    /// Whether the words right before a Russian place name (nearest first) make it the object
    /// of "посетить" ("посетит Ташкент", "посещение Республики Узбекистан").
    static func isRussianVisitObject(_ words: [String]) -> Bool {
        var i = 0
        if i < words.count, ["республику", "республики", "королевство", "королевства", "государство", "государства"].contains(words[i]) { i += 1 }
        guard i < words.count else { return false }
        return words[i].hasPrefix("посет") || words[i].hasPrefix("посещ")
    }

    /// Words of a long-form country name standing between "the" and "of" ("the State of
    /// Qatar", "the Islamic Republic of Iran", "the Kingdom of Saudi Arabia").
    static let longFormWords: Set<String> = ["state", "republic", "kingdom", "sultanate", "emirate", "islamic", "federal",
                                             "people's", "arab", "democratic", "socialist", "united", "grand", "duchy", "commonwealth"]

    /// Whether the words right before an English country name (nearest first, see
    /// `SentenceFacts.wordsBefore`) make it a destination: "to", "in", "into" or the object
    /// of "visit", optionally across "the" and a long form ("to the State of Qatar",
    /// "visit the United Arab Emirates").
    static func isEnglishDestination(_ words: [String]) -> Bool {
        var i = 0
        if i < words.count, words[i] == "of" {
            i += 1
            var n = 0
            while i < words.count, n < 3, longFormWords.contains(words[i]) { i += 1; n += 1 }
            guard n > 0 else { return false }
        }
        if i < words.count, words[i] == "the" { i += 1 }
        guard i < words.count else { return false }
        return ["to", "in", "into", "visit", "visited", "visits", "visiting"].contains(words[i])
    }

    /// The guest in a sentence about receiving or inviting someone: a person in the Kazakh
    /// accusative (`Вучичті`, `Пезешкианды`, `министрін`), or the person named right after
    /// the verb in Russian and English ("принял министра…", "received Secretary … Blinken").
    static func receivedGuest(_ s: SentenceFacts, _ ctx: ArticleContext) -> CountryCode? {
        switch ctx.language {
        case .kk:
            let acc = ["ты", "ті", "ды", "ді", "ны", "ні", "ын", "ін", "н"]
            for m in s.mentions where m.kind == .person || m.kind == .country {
                let w = s.word(of: m)
                let personAcc = ["ты", "ті", "ды", "ді", "ны", "ні"]
                if m.kind == .person, personAcc.contains(where: { w.hasSuffix($0) }), let c = m.countries.first { return c }
                if m.kind == .country || m.kind == .adjective, let c = m.countries.first {
                    // "Сауд Арабиясы Корольдігінің Энергетика министрін": a genitive
                    // country whose official is the accusative object.
                    let rest = s.textAfter(m, limit: 60)
                    if rest.split(separator: " ").prefix(4).contains(where: { w2 in acc.contains { w2.hasSuffix($0) } && (w2.hasPrefix("министр") || w2.hasPrefix("президент") || w2.hasPrefix("премьер") || w2.hasPrefix("төраға") || w2.hasPrefix("басшы") || w2.hasPrefix("делегация") || w2.hasPrefix("елші") || w2.hasPrefix("хатшы") || w2.hasPrefix("вице") || w2.hasPrefix("әріптес") || w2.hasPrefix("мейман") || w2.hasPrefix("қонақ") || w2.hasPrefix("канцлер") || w2.hasPrefix("король") || w2.hasPrefix("әмір")) }) { return c }
                }
            }
            return nil
        case .ru, .en:
            let verbs = ctx.lexicon.receiveVerbs + ctx.lexicon.invitations
            guard let vi = s.cue.wordIndex(of: verbs) else { return nil }
            // The first person or country mention after the verb.
            let verbWord = s.cue.word(vi)
            guard let r = s.text.lowercased().range(of: verbWord) else { return nil }
            let offset = s.text.lowercased().distance(from: s.text.lowercased().startIndex, to: r.upperBound)
            // "X was received by President Y": the subject is the guest.
            if ctx.language == .en, vi + 1 < s.cue.wordCount, s.cue.word(vi + 1) == "by" {
                let start = s.text.lowercased().distance(from: s.text.lowercased().startIndex, to: r.lowerBound)
                return s.mentions.first { $0.kind != .city && s.characterOffset(of: $0.range.lowerBound) < start }?.countries.first
            }
            for m in s.mentions where m.kind != .city {
                let mo = s.characterOffset(of: m.range.lowerBound)
                if mo >= offset, let c = m.countries.first { return c }
            }
            return nil
        }
    }

    /// The country of the sentence's first actor: the first person, country or adjective
    /// named, or the home side when a home title ("Мемлекет басшысы") comes first.
    static func firstActor(_ s: SentenceFacts, _ ctx: ArticleContext) -> CountryCode? {
        let titlePos = s.cue.position(of: ctx.lexicon.homeTitles)
        if let m = s.mentions.first(where: { $0.kind != .city }), let c = m.countries.first {
            let off = s.characterOffset(of: m.range.lowerBound)
            if let t = titlePos, t < off, c != ctx.home {
                // "Мемлекет басшысы ... X-ті қабылдады": the title is the subject. (In
                // Russian and English "Президент Ирана" names the country after the title.)
                let titleIsQualified = ctx.language != .kk && s.textAfterTitleIsCountry(t)
                if !titleIsQualified { return ctx.home }
            }
            return c
        }
        return titlePos != nil ? ctx.home : nil
    }

    /// A person of `country` named in the sentence (heads first).
    static func leader(of country: CountryCode, in s: SentenceFacts) -> String? {
        let people = s.people.filter { $0.countries.first == country }
        let ranked = people.sorted { rank($0.role) < rank($1.role) }
        return ranked.first?.canonical
    }

    private static func rank(_ r: PersonRole?) -> Int {
        switch r {
        case .headOfState: return 0
        case .headOfGovernment: return 1
        case .speaker: return 2
        case .foreignMinister: return 3
        case nil: return 4
        }
    }

    /// A city of `country` named in the sentence, else the dateline's when it is there.
    static func place(in country: CountryCode, _ s: SentenceFacts, _ ctx: ArticleContext) -> String? {
        if let m = s.mentions.first(where: { $0.kind == .city && $0.countries.first == country }) { return m.canonical }
        if ctx.datelineCountry == country { return ctx.datelinePlace }
        return nil
    }
}

extension SentenceFacts {
    /// Whether a country is named right after the home title at `offset` ("Президент Ирана").
    func textAfterTitleIsCountry(_ offset: Int) -> Bool {
        let start = text.index(text.startIndex, offsetBy: min(offset, text.count))
        let window = text.index(start, offsetBy: min(40, text.distance(from: start, to: text.endIndex)))
        return mentions.contains { $0.range.lowerBound > start && $0.range.lowerBound < window && $0.countries.first != .kazakhstan && $0.kind != .person }
    }
}
