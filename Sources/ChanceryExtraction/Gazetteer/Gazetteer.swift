import ChanceryDomain

/// The role a person of the gazetteer holds (or held) in the period it covers.
public enum PersonRole: String, Sendable, Hashable, CaseIterable {
    case headOfState = "head_of_state"
    case headOfGovernment = "head_of_government"
    case foreignMinister = "foreign_minister"
    case speaker
}

/// A country, adjective, compound, city or person named in a text.
public struct Mention: Sendable, Hashable {
    /// What the text names.
    public enum Kind: Sendable, Hashable {
        /// A country name: `Иранға`, `России`, `the United Arab Emirates`.
        case country
        /// An adjective or demonym: `иранский`, `қазақстандық`, `Kazakh`.
        case adjective
        /// A compound of two (rarely more) countries: `ирано-казахский`, `қазақ-өзбек`, `Kazakhstan–China`.
        case compound
        /// A city, or a seat of power standing for one (`Ақорда` → Astana).
        case city
        /// A head of state or government, foreign minister or speaker.
        case person
    }

    /// What the text names.
    public var kind: Kind
    /// The country; for a compound, each part's country in text order.
    public var countries: [CountryCode]
    /// The English country name (compounds: the names joined by "–"), the Latin city name, or the
    /// person's Latin name.
    public var canonical: String
    /// The person's role (`nil` unless `kind == .person`).
    public var role: PersonRole?
    /// Where the mention is in the text searched, including inflections (`Тоқаевқа`, `АҚШ-қа`).
    public var range: Range<String.Index>

    public init(kind: Kind, countries: [CountryCode], canonical: String, role: PersonRole? = nil, range: Range<String.Index>) {
        self.kind = kind; self.countries = countries; self.canonical = canonical; self.role = role; self.range = range
    }
}

/// Countries, cities and people in Kazakh, Russian and English, compiled into the binary from
/// the TSV files in `Gazetteer/Data` (see `Scripts/generate-gazetteer.py`).
///
/// Matching is case-aware: country and city names, people and English adjectives must be
/// capitalised; abbreviations (`US`, `U.S.`, `РФ`, `АҚШ`) must be upper case; Russian
/// adjectives and Kazakh adjective stems (`иранский`, `қазақ`) match in any case but only in text
/// of their own language. Inflected forms are recognised by `RussianMorphology` and
/// `KazakhMorphology`, not by lists of forms.
public enum Gazetteer {
    static var index: GazetteerIndex { GazetteerIndex.shared }

    /// Every country, adjective, compound, city and person mention in `text`, in text order.
    /// Multi-word names are matched longest first (`Оңтүстік Корея` over `Корея`, `Шавкат Мирзиёев`
    /// over `Мирзиёев`), mentions never overlap, and phrases such as `Latin America` that only
    /// contain a name yield nothing.
    public static func mentions(in text: String, language: Language) -> [Mention] {
        mentions(index.scan(text, language: language), text)
    }

    static func mentions(_ matches: [GazetteerIndex.Match], _ text: String) -> [Mention] {
        let idx = index
        var out: [Mention] = []
        out.reserveCapacity(matches.count)
        for m in matches {
            let range = idx.scanRange(m, in: text)
            if m.entry < 0 {
                let codes = m.countries.map { idx.codes[Int($0)] }
                let names = m.countries.map { idx.countries[Int($0)].en[0] }
                out.append(Mention(kind: .compound, countries: codes, canonical: names.joined(separator: "–"), range: range))
                continue
            }
            let e = idx.entries[Int(m.entry)]
            switch e.kind {
            case .excluded:
                continue
            case .country, .adjective:
                let row = idx.countries[Int(e.target)]
                let kind: Mention.Kind = e.kind == .adjective || m.derived ? .adjective : .country
                out.append(Mention(kind: kind, countries: [idx.codes[Int(e.target)]], canonical: row.en[0], range: range))
            case .city:
                let row = idx.cities[Int(e.target)]
                out.append(Mention(kind: .city, countries: [CountryCode(row.country)!], canonical: row.name, range: range))
            case .person:
                let row = idx.people[Int(e.target)]
                out.append(Mention(kind: .person, countries: [CountryCode(row.country)!], canonical: row.name,
                                   role: PersonRole(rawValue: row.role), range: range))
            }
        }
        return out
    }

    /// The country a user typed, for the CLI: an ISO code in any case (`KZ`, `kz`), or a name or
    /// adjective in any of the three languages, in any case and any inflection (`Kazakhstan`,
    /// `Қазақстан`, `Казахстана`, `Иранға`, `iran`). `nil` when the text names no single country.
    public static func country(named name: String) -> CountryCode? {
        let trimmed = trim(name)
        guard !trimmed.isEmpty else { return nil }
        let idx = index
        if trimmed.utf8.count == 2, let code = CountryCode(trimmed), idx.codeIndex[code] != nil { return code }
        if let c = idx.exactCountryNames[Scalars.normalize(trimmed)] { return idx.codes[Int(c)] }
        let matches = idx.scan(trimmed, language: nil, caseInsensitive: true)
        guard matches.count == 1, let m = matches.first else { return nil }
        let range = idx.scanRange(m, in: trimmed)
        guard range.lowerBound == trimmed.startIndex, range.upperBound == trimmed.endIndex else { return nil }
        if m.entry < 0 { return nil }
        let e = idx.entries[Int(m.entry)]
        guard e.kind == .country || e.kind == .adjective else { return nil }
        return idx.codes[Int(e.target)]
    }

    /// Country names closest to `name` by edit distance (case-insensitive, in the script of
    /// `name`), best first, at most `limit`; empty when nothing is close.
    public static func suggestions(for name: String, limit: Int) -> [String] {
        let q = Scalars.normalize(trim(name))
        guard !q.isEmpty, limit > 0 else { return [] }
        let cyrillic = q.contains { Scalars.isCyrillic($0) }
        let threshold = max(2, q.count / 3)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for cand in index.suggestionNames where cand.cyrillic == cyrillic {
            let d = editDistance(q, cand.norm, limit: threshold)
            if d <= threshold, seen.insert(cand.display).inserted { scored.append((d, cand.display)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        return scored.prefix(limit).map(\.1)
    }

    /// The display name of a country in a language (`KZ` → `Kazakhstan`, `Казахстан`, `Қазақстан`);
    /// the code itself for a code the gazetteer does not know.
    public static func name(of code: CountryCode, in language: Language) -> String {
        guard let i = index.codeIndex[code] else { return code.rawValue }
        let row = index.countries[i]
        switch language {
        case .en: return row.en[0]
        case .ru: return row.ru[0].hasPrefix("~") ? String(row.ru[0].dropFirst()) : row.ru[0]
        case .kk: return row.kk[0].hasPrefix("~") ? String(row.kk[0].dropFirst()) : row.kk[0]
        }
    }

    /// The capital's canonical Latin name (`KZ` → `Astana`), if the gazetteer has it.
    public static func capital(of code: CountryCode) -> String? {
        guard let i = index.codeIndex[code], let c = index.capitals[i] else { return nil }
        return index.cities[c].name
    }

    /// The country and role of a person, by canonical name (`Masoud Pezeshkian`) or any spelling
    /// the gazetteer has (`Пезешкиан`), case-insensitive.
    public static func person(_ canonical: String) -> (country: CountryCode, role: PersonRole)? {
        guard let i = index.personByName[Scalars.normalize(trim(canonical))] else { return nil }
        let row = index.people[Int(i)]
        guard let code = CountryCode(row.country), let role = PersonRole(rawValue: row.role) else { return nil }
        return (code, role)
    }

    /// Every country the gazetteer knows (197: the UN members and observers, Kosovo, Taiwan).
    public static var countryCodes: [CountryCode] { index.codes }

    // MARK: - helpers

    static func trim(_ s: String) -> String {
        let us = s.unicodeScalars
        guard let a = us.firstIndex(where: { !Scalars.isWhitespace($0.value) }),
              let b = us.lastIndex(where: { !Scalars.isWhitespace($0.value) }) else { return "" }
        return String(us[a...b])
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it exceeds `limit`.
    static func editDistance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}

extension GazetteerIndex {
    /// The text range of a match (the scan keeps token indices; ranges are rebuilt here).
    func scanRange(_ m: Match, in text: String) -> Range<String.Index> {
        m.start..<m.end
    }
}
