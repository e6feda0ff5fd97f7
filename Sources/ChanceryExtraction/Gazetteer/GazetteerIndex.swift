import ChanceryDomain

/// The compiled gazetteer: every spelling of every country, city and person as a matchable
/// entry, bucketed by a normalised prefix key of its first word, plus the tables behind the
/// `Gazetteer` look-ups. Built once (`GazetteerIndex.shared`).
struct GazetteerIndex: Sendable {
    enum Morph: UInt8, Sendable {
        /// Equal scalars only.
        case exact
        /// English name: also `'s`.
        case enName
        /// English adjective or demonym: also `-s`, `'s`.
        case enAdjective
        /// Cyrillic name, last word: Russian declension or a Kazakh suffix chain.
        case cyrName
        /// Cyrillic name, inner word: Russian declension (Kazakh inflects the last word only).
        case cyrInner
        /// Russian adjective: all endings.
        case ruAdjective
        /// Kazakh adjective stem: a Kazakh suffix chain.
        case kkStem
        /// An upper-case abbreviation (США, АҚШ): exact, or followed by a Kazakh suffix chain.
        case abbreviation
    }

    enum CaseMode: UInt8, Sendable, Comparable {
        case any, capitalized, allCaps
        static func < (a: CaseMode, b: CaseMode) -> Bool { a.rawValue < b.rawValue }
    }

    /// Entry kinds; the raw value is the priority when two entries cover the same tokens.
    enum EntryKind: UInt8, Sendable {
        case adjective = 1, city = 2, person = 3, country = 4, excluded = 5
    }

    /// A word while building (deduplicated by value).
    struct WordKey: Hashable {
        var scalars: [UInt32]
        var morph: Morph
        var caseMode: CaseMode
    }

    /// A word of an entry: its scalars are `wordPool[start ..< start + count]`.
    struct Word: Sendable {
        var start: Int32
        var count: Int32
        var morph: Morph
        var caseMode: CaseMode
    }

    /// An entry while building (deduplicated by value).
    struct EntryKey: Hashable {
        var words: [Int32]
        var seps: [Separator]
        var trailingPeriod: Bool
        var kind: EntryKind
        var target: Int32
        var language: Language?
        var notSentenceInitial: Bool
    }

    /// A matchable spelling: word ids are `entryWords[first ..< first + count]`, the separator
    /// between word k and k + 1 is `entrySeps[first + k]`. Plain data, cheap to copy.
    struct Entry: Sendable {
        var first: Int32
        var count: Int32
        var trailingPeriod: Bool
        var kind: EntryKind
        var target: Int32
        var language: Language?
        var notSentenceInitial: Bool
        var length: Int32
    }

    enum Column { case enName, enAdjective, ruName, ruAdjective, kkName, kkAdjective, anyName }

    struct Head: Sendable {
        var country: Int32
        var caseMode: CaseMode
    }

    var countries: [CountryRow] = []
    var codes: [CountryCode] = []
    var codeIndex: [CountryCode: Int] = [:]
    var cities: [CityRow] = []
    var people: [PersonRow] = []
    var words: [Word] = []
    var wordPool: [UInt32] = []
    var entries: [Entry] = []
    var entryWords: [Int32] = []
    var entrySeps: [Separator] = []
    var buckets: [UInt64: [Int32]] = [:]
    /// `buckets` as a flat table, for the scan.
    var bucketTable = BucketTable()
    var heads: [[UInt32]: Head] = [:]
    var exactCountryNames: [[UInt32]: Int32] = [:]
    var suggestionNames: [(display: String, norm: [UInt32], cyrillic: Bool)] = []
    var personByName: [[UInt32]: Int32] = [:]
    var capitals: [Int: Int] = [:]

    static let shared = GazetteerIndex()

    init() {
        countries = GazetteerData.countries
        cities = GazetteerData.cities
        people = GazetteerData.people
        var wordIDs: [WordKey: Int32] = [:]
        var seen = Set<EntryKey>()

        func add(_ text: String, _ column: Column, _ kind: EntryKind, _ target: Int32) {
            var raw = text
            var notInitial = false
            if raw.hasPrefix("~") { raw.removeFirst(); notInitial = true }
            if raw.hasSuffix("-") { return }   // combining forms are compound heads only
            let scanned = ScannedText(raw)
            let toks = scanned.tokens
            guard !toks.isEmpty else { return }
            var ids: [Int32] = []
            var seps: [Separator] = []
            var length: Int32 = 0
            for (k, t) in toks.enumerated() {
                let isLast = k == toks.count - 1
                let s = Array(scanned.scalars(t))
                let allCaps = Int(t.upperPrefix) == t.length && (t.length >= 2 || toks.count > 1)
                let mode: CaseMode = allCaps ? .allCaps : (k == 0 ? (t.firstUpper ? .capitalized : .any) : .any)
                let morph: Morph
                if t.latin && !t.cyrillic {
                    morph = isLast ? (column == .enAdjective ? .enAdjective : .enName) : .exact
                } else if t.cyrillic {
                    if allCaps { morph = .abbreviation }
                    else {
                        switch column {
                        case .ruAdjective: morph = isLast ? .ruAdjective : .exact
                        case .kkAdjective: morph = isLast ? .kkStem : .exact
                        default: morph = t.length <= 2 ? .exact : (isLast ? .cyrName : .cyrInner)
                        }
                    }
                } else {
                    morph = .exact
                }
                let w = WordKey(scalars: s, morph: morph, caseMode: mode)
                let id: Int32
                if let known = wordIDs[w] { id = known } else {
                    id = Int32(words.count)
                    words.append(Word(start: Int32(wordPool.count), count: Int32(s.count), morph: morph, caseMode: mode))
                    wordPool.append(contentsOf: s)
                    wordIDs[w] = id
                }
                ids.append(id)
                length += Int32(t.length)
                if !isLast {
                    switch t.after {
                    case .space, .hyphen, .period, .periodSpace, .dashSpaced: seps.append(t.after)
                    case .dashTight: seps.append(.hyphen)
                    case .other: return
                    }
                }
            }
            let firstLower = !(toks[0].firstUpper)
            var language: Language? = nil
            switch column {
            case .ruAdjective: language = .ru
            case .kkAdjective: language = .kk
            case .enAdjective: language = nil
            case .ruName: language = firstLower ? .ru : nil
            case .kkName: language = firstLower ? .kk : nil
            default: language = nil
            }
            let key = EntryKey(words: ids, seps: seps, trailingPeriod: raw.hasSuffix("."), kind: kind, target: target,
                               language: language, notSentenceInitial: notInitial)
            guard seen.insert(key).inserted else { return }
            let eid = Int32(entries.count)
            let firstIndex = Int32(entryWords.count)
            entryWords.append(contentsOf: ids)
            entrySeps.append(contentsOf: seps)
            entrySeps.append(.other)
            while entrySeps.count < entryWords.count { entrySeps.append(.other) }
            entries.append(Entry(first: firstIndex, count: Int32(ids.count), trailingPeriod: key.trailingPeriod, kind: kind,
                                 target: target, language: language, notSentenceInitial: notInitial, length: length))
            let first = words[Int(ids[0])]
            let alter: Int
            switch first.morph {
            case .cyrName, .cyrInner, .ruAdjective, .kkStem: alter = 2
            default: alter = 0
            }
            let keyLength = max(1, min(3, Int(first.count) - alter))
            let fs = Int(first.start)
            buckets[Self.key(wordPool[fs..<fs + keyLength]), default: []].append(eid)
        }

        func addHead(_ scalars: [UInt32], _ country: Int32, _ mode: CaseMode) {
            guard !scalars.isEmpty else { return }
            if let old = heads[scalars] {
                if old.country == country && mode < old.caseMode { heads[scalars] = Head(country: country, caseMode: mode) }
                return
            }
            heads[scalars] = Head(country: country, caseMode: mode)
        }

        func headMode(_ text: String) -> CaseMode {
            let toks = ScannedText(text).tokens
            guard let t = toks.first else { return .any }
            if Int(t.upperPrefix) == t.length && t.length >= 2 { return .allCaps }
            return t.firstUpper ? .capitalized : .any
        }

        func singleWord(_ text: String) -> [UInt32]? {
            let sc = ScannedText(text)
            guard sc.tokens.count == 1 else { return nil }
            return Array(sc.scalars(sc.tokens[0]))
        }

        for (ci, row) in countries.enumerated() {
            let c = Int32(ci)
            let code = CountryCode(row.code)!
            codes.append(code)
            codeIndex[code] = ci
            let columns: [([String], Column, EntryKind)] = [
                (row.en, .enName, .country), (row.ru, .ruName, .country), (row.kk, .kkName, .country),
                (row.enAdjectives, .enAdjective, .adjective), (row.ruAdjectives, .ruAdjective, .adjective),
                (row.kkAdjectives, .kkAdjective, .adjective),
            ]
            for (list, column, kind) in columns {
                for name in list {
                    add(name, column, kind, c)
                    let bare = name.hasPrefix("~") ? String(name.dropFirst()) : name
                    let combining = bare.hasSuffix("-")
                    let text = combining ? String(bare.dropLast()) : bare
                    if !combining { exactCountryNames[Scalars.normalize(text)] = c }
                    // compound heads: single-word names, adjectives, stems, combining forms
                    if let w = singleWord(text) {
                        addHead(w, c, column == .ruAdjective ? .any : headMode(text))
                        if column == .ruAdjective, !combining, RussianMorphology.isAdjectiveShaped(w[...]) {
                            addHead(Array(w.dropLast(2)) + [0x043E], c, .any)     // казахстанско-
                        }
                    }
                    if kind == .country && !combining {
                        let n = Scalars.normalize(text)
                        suggestionNames.append((text, n, n.contains { Scalars.isCyrillic($0) }))
                    }
                }
            }
        }
        for (i, row) in cities.enumerated() {
            let t = Int32(i)
            for name in [row.name] + row.en + row.ru + row.kk {
                let bare = name.hasPrefix("~") ? String(name.dropFirst()) : name
                if name == row.name && (row.en + row.ru + row.kk).contains("~" + bare) { continue }
                add(name, .anyName, .city, t)
            }
            if row.kind == "capital", let ci = codeIndex[CountryCode(row.country)!] { capitals[ci] = i }
        }
        for (i, row) in people.enumerated() {
            let t = Int32(i)
            for name in [row.name] + row.en + row.ru + row.kk {
                add(name, .anyName, .person, t)
                let n = Scalars.normalize(name)
                if personByName[n] == nil { personByName[n] = t }
            }
        }
        for row in GazetteerData.exclusions {
            add(row.phrase, .anyName, .excluded, -1)
        }
        bucketTable = BucketTable(buckets)
    }

    @inline(__always)
    static func key(_ s: ArraySlice<UInt32>) -> UInt64 {
        var k: UInt64 = 0
        var shift: UInt64 = 0
        for v in s { k |= UInt64(v) << shift; shift += 21 }
        return k
    }

    // MARK: - matching

    enum WordMatch { case no, plain, derived }

    @inline(__always)
    static func equal(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>) -> Bool {
        a.count == b.count && a.elementsEqual(b)
    }

    /// `a` is `b` followed by exactly `tail`.
    @inline(__always)
    static func equal(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, plus tail: [UInt32]) -> Bool {
        a.count == b.count + tail.count && a.prefix(b.count).elementsEqual(b) && a.suffix(tail.count).elementsEqual(tail)
    }

    static let possessiveS: [UInt32] = [0x27, 0x73]
    static let pluralS: [UInt32] = [0x73]

    func matchWord(_ w: Word, _ tok: Token, _ text: ScannedText, caseInsensitive: Bool) -> WordMatch {
        if !caseInsensitive {
            switch w.caseMode {
            case .any: break
            case .capitalized: if !tok.firstUpper { return .no }
            case .allCaps: if Int(tok.upperPrefix) < Int(w.count) { return .no }
            }
        }
        let t = text.scalars(tok)
        let ws = wordPool[Int(w.start)..<Int(w.start + w.count)]
        // cheap rejection: the part of the word no inflection changes must begin the token
        let fixed: Int
        switch w.morph {
        case .cyrName, .cyrInner, .ruAdjective, .kkStem: fixed = max(1, Int(w.count) - 2)
        default: fixed = Int(w.count)
        }
        guard t.count >= fixed else { return .no }
        var p = t.startIndex
        var q = ws.startIndex
        for _ in 0..<fixed {
            if t[p] != ws[q] { return .no }
            p += 1; q += 1
        }
        switch w.morph {
        case .exact:
            return Self.equal(t, ws) ? .plain : .no
        case .enName:
            return Self.equal(t, ws) || Self.equal(t, ws, plus: Self.possessiveS) ? .plain : .no
        case .enAdjective:
            return Self.equal(t, ws) || Self.equal(t, ws, plus: Self.pluralS)
                || Self.equal(t, ws, plus: Self.possessiveS) ? .plain : .no
        case .abbreviation:
            if Self.equal(t, ws) { return .plain }
            guard t.count > ws.count, t.prefix(ws.count).elementsEqual(ws) else { return .no }
            return KazakhMorphology.isSuffixChain(t.dropFirst(ws.count)) ? .plain : .no
        case .ruAdjective:
            return RussianMorphology.adjectiveMatches(t, ws) ? .plain : .no
        case .kkStem:
            return KazakhMorphology.analyze(t, stem: ws, lenient: false) != nil ? .plain : .no
        case .cyrInner:
            return RussianMorphology.nounMatches(t, ws) ? .plain : .no
        case .cyrName:
            if RussianMorphology.nounMatches(t, ws) { return .plain }
            if let p = KazakhMorphology.analyze(t, stem: ws, lenient: false) { return p.derived ? .derived : .plain }
            return .no
        }
    }

    static func separatorMatches(_ want: Separator, _ got: Separator) -> Bool {
        switch want {
        case .space: return got == .space
        case .hyphen: return got == .hyphen || got == .space || got == .dashTight
        case .period: return got == .period
        case .periodSpace: return got == .periodSpace || got == .period
        case .dashSpaced: return got == .dashSpaced || got == .space || got == .hyphen
        case .dashTight, .other: return false
        }
    }

    struct Match {
        var entry: Int32          // -1 for a compound
        var first: Int
        var last: Int             // last token consumed
        var start: String.Index
        var end: String.Index
        var kind: EntryKind
        var derived: Bool
        var length: Int32
        var countries: [Int32]
    }

    /// Tries entry `e` at token `i`.
    func match(_ e: Entry, at i: Int, _ text: ScannedText, _ source: String, caseInsensitive: Bool,
               memo: inout [(word: Int32, result: WordMatch)]) -> Match? {
        let toks = text.tokens
        let n = Int(e.count), f = Int(e.first)
        guard i + n <= toks.count else { return nil }
        if e.notSentenceInitial && toks[i].sentenceInitial { return nil }
        var derived = false
        for k in 0..<n {
            let tok = toks[i + k]
            if k > 0, !Self.separatorMatches(entrySeps[f + k - 1], toks[i + k - 1].after) { return nil }
            let wid = entryWords[f + k]
            let result: WordMatch
            if k == 0 {
                if let known = memo.first(where: { $0.word == wid }) {
                    result = known.result
                } else {
                    result = matchWord(words[Int(wid)], tok, text, caseInsensitive: caseInsensitive)
                    memo.append((wid, result))
                }
            } else {
                result = matchWord(words[Int(wid)], tok, text, caseInsensitive: caseInsensitive)
            }
            switch result {
            case .no: return nil
            case .plain: break
            case .derived: if k == n - 1 { derived = true }
            }
        }
        var last = i + n - 1
        var end = toks[last].end
        if e.trailingPeriod && toks[last].periodAfter {
            end = source.unicodeScalars.index(after: end)
        } else if toks[last].after == .hyphen, last + 1 < toks.count {
            // Kazakh suffixes after a hyphen: АҚШ-қа, ҚХР-дың
            let next = toks[last + 1]
            if toks[last].cyrillic, next.cyrillic, next.upperPrefix == 0, KazakhMorphology.isSuffixChain(text.scalars(next)) {
                last += 1
                end = next.end
            }
        }
        return Match(entry: -1, first: i, last: last, start: toks[i].start, end: end, kind: e.kind, derived: derived, length: e.length,
                     countries: [])
    }

    func head(_ tok: Token, _ text: ScannedText, caseInsensitive: Bool) -> Int32? {
        guard let h = heads[Array(text.scalars(tok))] else { return nil }
        if !caseInsensitive {
            switch h.caseMode {
            case .any: break
            case .capitalized: if !tok.firstUpper { return nil }
            case .allCaps: if Int(tok.upperPrefix) < tok.length { return nil }
            }
        }
        return h.country
    }

    /// A single-word country name or adjective at token `j` (the last part of a compound).
    func finalPart(_ j: Int, _ text: ScannedText, language: Language?, caseInsensitive: Bool) -> Int32? {
        let tok = text.tokens[j]
        let s = text.scalars(tok)
        var k = 1
        while k <= min(3, s.count) {
            if let bucket = buckets[Self.key(s.prefix(k))] {
                for eid in bucket {
                    let e = entries[Int(eid)]
                    guard e.count == 1, e.kind == .country || e.kind == .adjective else { continue }
                    if let l = e.language, let language, l != language { continue }
                    if matchWord(words[Int(entryWords[Int(e.first)])], tok, text, caseInsensitive: caseInsensitive) != .no { return e.target }
                }
            }
            k += 1
        }
        return nil
    }

    /// A compound adjective or pair at token `i`: `ирано-казахский`, `қазақ-өзбек`, `Kazakhstan–China`.
    func compound(at i: Int, _ text: ScannedText, language: Language?, caseInsensitive: Bool) -> Match? {
        let toks = text.tokens
        func joins(_ s: Separator) -> Bool { s == .hyphen || s == .dashTight }
        guard joins(toks[i].after), i + 1 < toks.count, let h0 = head(toks[i], text, caseInsensitive: caseInsensitive) else { return nil }
        var parts = [h0]
        var j = i + 1
        var best: Match? = nil
        while j < toks.count && joins(toks[j - 1].after) {
            if let f = finalPart(j, text, language: language, caseInsensitive: caseInsensitive) {
                best = Match(entry: -1, first: i, last: j, start: toks[i].start, end: toks[j].end, kind: .adjective, derived: false,
                             length: 0, countries: parts + [f])
            }
            guard let h = head(toks[j], text, caseInsensitive: caseInsensitive) else { break }
            parts.append(h)
            j += 1
        }
        return best
    }

    /// All matches in `text`, left to right, longest first, no overlaps.
    func scan(_ source: String, language: Language?, caseInsensitive: Bool = false) -> [Match] {
        let text = ScannedText(source)
        let toks = text.tokens
        var out: [Match] = []
        var i = 0
        var memo: [(word: Int32, result: WordMatch)] = []
        memo.reserveCapacity(8)
        while i < toks.count {
            let tok = toks[i]
            let count = tok.length
            var best: Match? = nil
            var k = 1
            var key: UInt64 = 0
            memo.removeAll(keepingCapacity: true)
            while k <= min(3, count) {
                key |= UInt64(text.norm[Int(tok.lo) + k - 1]) << UInt64(21 * (k - 1))
                bucketTable.forEach(key) { eid in
                    let e = entries[Int(eid)]
                    if let l = e.language, let language, l != language { return }
                    guard var m = match(e, at: i, text, source, caseInsensitive: caseInsensitive, memo: &memo) else { return }
                    m.entry = eid
                    if let b = best {
                        if m.last < b.last { return }
                        if m.last == b.last {
                            if m.kind.rawValue < b.kind.rawValue { return }
                            if m.kind == b.kind && m.length <= b.length { return }
                        }
                    }
                    best = m
                }
                k += 1
            }
            if let c = compound(at: i, text, language: language, caseInsensitive: caseInsensitive),
               best == nil || c.last >= best!.last {
                best = c
            }
            if let b = best {
                out.append(b)
                i = b.last + 1
            } else {
                i += 1
            }
        }
        return out
    }
}
