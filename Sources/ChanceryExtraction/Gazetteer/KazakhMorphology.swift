/// Kazakh inflection of gazetteer stems: case, possessive, plural and derivational suffixes,
/// chosen by vowel harmony and by the last sound of what they attach to.
///
/// `KazakhMorphology` does not list forms: it parses the rest of a token after a stem as a chain
/// of suffixes in their fixed order (derivation → plural → possessive → case → `-ғы`), each suffix
/// in the allomorph the preceding sound calls for:
///
/// | suffix | after a vowel | after м н ң | after р й у | after л | after ж з | after a voiceless consonant |
/// |---|---|---|---|---|---|---|
/// | genitive | -ның/-нің | -ның/-нің | -дың/-дің | -дың/-дің | -дың/-дің | -тың/-тің |
/// | accusative | -ны/-ні | -ды/-ді | -ды/-ді | -ды/-ді | -ды/-ді | -ты/-ті |
/// | dative | -ға/-ге | -ға/-ге | -ға/-ге | -ға/-ге | -ға/-ге | -қа/-ке |
/// | locative | -да/-де | -да/-де | -да/-де | -да/-де | -да/-де | -та/-те |
/// | ablative | -дан/-ден | -нан/-нен | -дан/-ден | -дан/-ден | -дан/-ден | -тан/-тен |
/// | instrumental | -мен | -мен | -мен | -мен | -бен | -пен |
/// | plural, -лық | -лар, -лық | -дар, -дық | -лар, -лық | -дар, -дық | -дар, -дық | -тар, -тық |
///
/// After a third-person possessive (`-ы/-і/-сы/-сі`, also a stem that ends in one, such as
/// `Республикасы`) the cases take their n-forms (`-на`, `-нда`, `-нан`, `-н`, `-ның`); after a first
/// or second person singular possessive the dative is `-а/-е`. Back stems (last vowel а о ұ ы я ё)
/// take back suffixes (а, ы), front stems (ә ө ү і э е) front ones (е, і); stems whose harmony
/// Kazakh spelling leaves open (last vowel и у ю, Russian surnames in -ев, abbreviations) accept
/// both. A final к/қ/п may voice to г/ғ/б before a vowel (`қазақ` → `қазағы`). A token that only
/// starts with a stem (`Қазақстан` after `қазақ`, `түрікмен` after `түрік`) is rejected because its
/// rest is not a valid chain.
public enum KazakhMorphology {
    /// Whether `token` is `stem` followed by a valid (possibly empty) chain of Kazakh suffixes.
    /// Case-insensitive. Example: `isInflection("Тоқаевқа", of: "Тоқаев")` is true,
    /// `isInflection("Қазақстан", of: "қазақ")` is false.
    public static func isInflection(_ token: String, of stem: String) -> Bool {
        suffixes(of: token, stem: stem) != nil
    }

    /// The suffixes that turn `stem` into `token` (`["ды", "ң"]`-style pieces, in order), `[]` when
    /// the token is the stem itself, or `nil` when the token is not an inflection of the stem.
    public static func suffixes(of token: String, stem: String) -> [String]? {
        let t = Scalars.normalize(token)
        let s = Scalars.normalize(stem)
        guard let parse = analyze(t[...], stem: s[...], lenient: false) else { return nil }
        return parse.pieces.map { Scalars.string(t[$0]) }
    }

    /// A successful parse: the pieces (ranges in the token) and whether the first suffix is derivational.
    struct Parse {
        var pieces: [Range<Int>]
        var derived: Bool
    }

    // MARK: - sounds

    struct Sounds: OptionSet {
        let rawValue: UInt8
        static let vowel = Sounds(rawValue: 1)
        static let nasal = Sounds(rawValue: 2)       // м н ң
        static let liquid = Sounds(rawValue: 4)      // р й у
        static let lateral = Sounds(rawValue: 8)     // л
        static let voiced = Sounds(rawValue: 16)     // ж з
        static let voiceless = Sounds(rawValue: 32)
        static let all: Sounds = [.vowel, .nasal, .liquid, .lateral, .voiced, .voiceless]
    }

    struct Harmony: OptionSet {
        let rawValue: UInt8
        static let back = Harmony(rawValue: 1)
        static let front = Harmony(rawValue: 2)
        static let both: Harmony = [.back, .front]
    }

    enum Slot: UInt8, Comparable {
        case stem = 0, derivation, plural, possessive, caseEnding, attributive, closed
        static func < (a: Slot, b: Slot) -> Bool { a.rawValue < b.rawValue }
    }

    /// What follows a suffix (or the stem).
    struct State {
        var slot: Slot
        var sounds: Sounds
        var harmony: Harmony
        var afterPossessive3 = false
        var afterPossessive12 = false
        var afterLocative = false
        /// Only a vowel-initial suffix may follow (after a voiced final consonant: қазағы).
        var needsVowel = false
    }

    static func sounds(of v: UInt32) -> Sounds {
        switch v {
        case 0x0430, 0x04D9, 0x0435, 0x043E, 0x04E9, 0x04B1, 0x04AF, 0x044B, 0x0456, 0x044D, 0x044E, 0x044F, 0x0451:
            return .vowel                                  // а ә е о ө ұ ү ы і э ю я ё
        case 0x0438: return [.vowel, .liquid]              // и (ій/ый)
        case 0x0443: return [.vowel, .liquid]              // у
        case 0x043C, 0x043D, 0x04A3: return .nasal         // м н ң
        case 0x0440, 0x0439: return .liquid                // р й
        case 0x043B: return .lateral                       // л
        case 0x0436, 0x0437: return .voiced                // ж з
        case 0x0431, 0x0432, 0x0433, 0x0493, 0x0434, 0x043A, 0x049B, 0x043F, 0x0441, 0x0442, 0x0444, 0x0445,
             0x04BB, 0x0446, 0x0447, 0x0448, 0x0449:
            return .voiceless                              // б в г ғ д к қ п с т ф х һ ц ч ш щ
        default: return .all
        }
    }

    static func vowelHarmony(_ v: UInt32) -> Harmony? {
        switch v {
        case 0x0430, 0x043E, 0x04B1, 0x044B, 0x044F, 0x0451: return .back     // а о ұ ы я ё
        case 0x04D9, 0x04E9, 0x04AF, 0x0456, 0x044D, 0x0435: return .front    // ә ө ү і э е
        case 0x0438, 0x0443, 0x044E: return .both                             // и у ю
        default: return nil
        }
    }

    /// The state right after a stem.
    static func stemState(_ stem: ArraySlice<UInt32>) -> State {
        var sounds = Sounds.all
        var k = stem.endIndex
        while k > stem.startIndex {
            k -= 1
            let v = stem[k]
            if v == 0x044C || v == 0x044A { continue }   // ь ъ
            sounds = self.sounds(of: v)
            break
        }
        var harmony = Harmony.both
        var i = stem.endIndex
        while i > stem.startIndex {
            i -= 1
            if let h = vowelHarmony(stem[i]) {
                harmony = h
                // Russian surnames in -ев take either (Тоқаевқа, Мирзиёевке)
                if stem[i] == 0x0435 && i == stem.endIndex - 2 && stem[stem.endIndex - 1] == 0x0432 { harmony = .both }
                break
            }
        }
        if stem.contains(0x044C) && harmony == .back { harmony = .both }
        var state = State(slot: .stem, sounds: sounds, harmony: harmony)
        // a stem that ends in a possessive-like -ы/-і (Республикасы, Әмірліктері)
        if let last = stem.last, last == 0x044B || last == 0x0456, stem.count >= 4 { state.afterPossessive3 = true }
        return state
    }

    // MARK: - suffixes

    enum Case { case genitive, accusative, dative, locative, ablative, instrumental }

    struct Suffix {
        var text: [UInt32]
        var slot: Slot
        var harmony: Harmony          // .both = harmony-neutral (-мен)
        var after: Sounds             // the preceding sounds it attaches to
        var result: Sounds
        var kind: Kind
        enum Kind: Equatable {
            case derivation, derivationVoiced, manner, plural
            case possessive3, possessive12, possessiveOther
            case caseEnding(Case, nForm: Bool, afterP12: Bool)
            case attributive
        }
    }

    static func u(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    static let suffixes: [Suffix] = {
        var out: [Suffix] = []
        let V: Sounds = .vowel, N: Sounds = .nasal, R: Sounds = .liquid, L: Sounds = .lateral
        let Z: Sounds = .voiced, T: Sounds = .voiceless
        func add(_ back: String, _ front: String?, _ slot: Slot, _ after: Sounds, _ result: Sounds, _ kind: Suffix.Kind) {
            if let front {
                out.append(Suffix(text: u(back), slot: slot, harmony: .back, after: after, result: result, kind: kind))
                out.append(Suffix(text: u(front), slot: slot, harmony: .front, after: after, result: result, kind: kind))
            } else {
                out.append(Suffix(text: u(back), slot: slot, harmony: .both, after: after, result: result, kind: kind))
            }
        }
        // derivation: -лық (attributive adjective), -ша (manner)
        add("лық", "лік", .derivation, [V, R], T, .derivation)
        add("дық", "дік", .derivation, [L, N, Z], T, .derivation)
        add("тық", "тік", .derivation, T, T, .derivation)
        add("лығ", "ліг", .derivation, [V, R], Z, .derivationVoiced)
        add("дығ", "діг", .derivation, [L, N, Z], Z, .derivationVoiced)
        add("тығ", "тіг", .derivation, T, Z, .derivationVoiced)
        add("ша", "ше", .derivation, Sounds.all, V, .manner)
        // plural
        add("лар", "лер", .plural, [V, R], R, .plural)
        add("дар", "дер", .plural, [L, N, Z], R, .plural)
        add("тар", "тер", .plural, T, R, .plural)
        // possessive
        add("сы", "сі", .possessive, V, V, .possessive3)
        add("ы", "і", .possessive, [N, R, L, Z, T], V, .possessive3)
        add("м", nil, .possessive, V, N, .possessive12)
        add("ым", "ім", .possessive, [N, R, L, Z, T], N, .possessive12)
        add("ң", nil, .possessive, V, N, .possessive12)
        add("ың", "ің", .possessive, [N, R, L, Z, T], N, .possessive12)
        add("мыз", "міз", .possessive, V, Z, .possessiveOther)
        add("ымыз", "іміз", .possessive, [N, R, L, Z, T], Z, .possessiveOther)
        add("ңыз", "ңіз", .possessive, V, Z, .possessiveOther)
        add("ыңыз", "іңіз", .possessive, [N, R, L, Z, T], Z, .possessiveOther)
        // cases, plain forms
        func c(_ k: Case) -> Suffix.Kind { .caseEnding(k, nForm: false, afterP12: false) }
        func n(_ k: Case) -> Suffix.Kind { .caseEnding(k, nForm: true, afterP12: false) }
        add("ның", "нің", .caseEnding, [V, N], T, c(.genitive))
        add("дың", "дің", .caseEnding, [R, L, Z], T, c(.genitive))
        add("тың", "тің", .caseEnding, T, T, c(.genitive))
        add("ны", "ні", .caseEnding, V, V, c(.accusative))
        add("ды", "ді", .caseEnding, [N, R, L, Z], V, c(.accusative))
        add("ты", "ті", .caseEnding, T, V, c(.accusative))
        add("ға", "ге", .caseEnding, [V, N, R, L, Z], V, c(.dative))
        add("қа", "ке", .caseEnding, T, V, c(.dative))
        add("а", "е", .caseEnding, N, V, .caseEnding(.dative, nForm: false, afterP12: true))
        add("да", "де", .caseEnding, [V, N, R, L, Z], V, c(.locative))
        add("та", "те", .caseEnding, T, V, c(.locative))
        add("дан", "ден", .caseEnding, [V, R, L, Z], N, c(.ablative))
        add("нан", "нен", .caseEnding, N, N, c(.ablative))
        add("тан", "тен", .caseEnding, T, N, c(.ablative))
        add("мен", nil, .caseEnding, [V, N, R, L], N, c(.instrumental))
        add("менен", nil, .caseEnding, [V, N, R, L], N, c(.instrumental))
        add("бен", nil, .caseEnding, Z, N, c(.instrumental))
        add("бенен", nil, .caseEnding, Z, N, c(.instrumental))
        add("пен", nil, .caseEnding, T, N, c(.instrumental))
        add("пенен", nil, .caseEnding, T, N, c(.instrumental))
        // cases after a third-person possessive
        add("ның", "нің", .caseEnding, Sounds.all, T, n(.genitive))
        add("н", nil, .caseEnding, Sounds.all, N, n(.accusative))
        add("на", "не", .caseEnding, Sounds.all, V, n(.dative))
        add("нда", "нде", .caseEnding, Sounds.all, V, n(.locative))
        add("нан", "нен", .caseEnding, Sounds.all, N, n(.ablative))
        add("мен", nil, .caseEnding, Sounds.all, N, n(.instrumental))
        // -ғы/-гі after a locative (Астанадағы, Қазақстандағы)
        add("ғы", "гі", .attributive, V, V, .attributive)
        return out
    }()

    /// Voiced counterparts of a final к қ п before a vowel-initial suffix.
    static func voiced(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x043A: return 0x0433   // к → г
        case 0x049B: return 0x0493   // қ → ғ
        case 0x043F: return 0x0431   // п → б
        default: return nil
        }
    }

    // MARK: - parsing

    /// Parses `token` (normalised) as `stem` + suffix chain. `lenient` accepts any harmony and any
    /// preceding sound (abbreviations, suffixes after a hyphen).
    static func analyze(_ token: ArraySlice<UInt32>, stem: ArraySlice<UInt32>, lenient: Bool) -> Parse? {
        guard token.count >= stem.count, !stem.isEmpty else { return nil }
        var state = stemState(stem)
        if lenient { state.harmony = .both; state.sounds = .all }
        let n = stem.count
        if token.prefix(n).elementsEqual(stem) {
            if token.count == n { return Parse(pieces: [], derived: false) }
            var pieces: [Range<Int>] = []
            if walk(token, from: token.startIndex + n, state: state, pieces: &pieces) {
                return Parse(pieces: pieces, derived: isDerived(pieces.first, token, stemEnd: token.startIndex + n))
            }
        }
        // final consonant voiced before a vowel: қазақ → қазағы
        if let last = stem.last, let vv = voiced(last), token.count > n,
           token.prefix(n - 1).elementsEqual(stem.prefix(n - 1)), token[token.startIndex + n - 1] == vv {
            var st = state
            st.sounds = .voiced
            st.needsVowel = true
            var pieces: [Range<Int>] = []
            if walk(token, from: token.startIndex + n, state: st, pieces: &pieces) {
                return Parse(pieces: pieces, derived: false)
            }
        }
        return nil
    }

    /// A chain after a stem alone (`-қа`, `-тың` after a hyphen: `АҚШ-қа`), any harmony and sound.
    static func isSuffixChain(_ rest: ArraySlice<UInt32>) -> Bool {
        guard !rest.isEmpty else { return false }
        var pieces: [Range<Int>] = []
        let st = State(slot: .stem, sounds: .all, harmony: .both, afterPossessive3: true)
        return walk(rest, from: rest.startIndex, state: st, pieces: &pieces)
    }

    /// Whether the first suffix is derivational (-лық and its allomorphs, -ша/-ше).
    static func isDerived(_ first: Range<Int>?, _ token: ArraySlice<UInt32>, stemEnd: Int) -> Bool {
        guard let first, first.lowerBound == stemEnd, first.count >= 2 else { return false }
        let a = token[first.lowerBound], b = token[first.lowerBound + 1]
        if first.count == 2 { return a == 0x0448 && (b == 0x0430 || b == 0x0435) }      // ша ше
        // л/д/т + ы/і + қ/к/ғ/г (not the genitive -дың/-тың)
        guard first.count == 3 else { return false }
        let c = token[first.lowerBound + 2]
        return (a == 0x043B || a == 0x0434 || a == 0x0442) && (b == 0x044B || b == 0x0456)
            && (c == 0x049B || c == 0x043A || c == 0x0493 || c == 0x0433)
    }

    private static func walk(_ t: ArraySlice<UInt32>, from p: Int, state: State, pieces: inout [Range<Int>]) -> Bool {
        if p == t.endIndex { return !state.needsVowel }
        if state.slot >= .closed { return false }
        if state.needsVowel && !sounds(of: t[p]).contains(.vowel) { return false }
        for s in suffixes {
            guard s.slot > state.slot, s.after.isDisjoint(with: state.sounds) == false else { continue }
            if s.harmony != .both && state.harmony.isDisjoint(with: s.harmony) { continue }
            guard allowed(s, after: state) else { continue }
            let end = p + s.text.count
            guard end <= t.endIndex, t[p..<end].elementsEqual(s.text) else { continue }
            var next = State(slot: s.slot, sounds: s.result, harmony: s.harmony == .both ? state.harmony : s.harmony)
            if s.kind == .derivationVoiced { next.needsVowel = true }
            switch s.kind {
            case .possessive3: next.afterPossessive3 = true
            case .possessive12: next.afterPossessive12 = true
            case .caseEnding(let c, _, _):
                if c == .locative {
                    next.afterLocative = true
                } else {
                    next.slot = .closed
                }
            case .attributive: next.slot = .closed
            case .manner: next.slot = .closed
            default: break
            }
            pieces.append(p..<end)
            if walk(t, from: end, state: next, pieces: &pieces) { return true }
            pieces.removeLast()
        }
        return false
    }

    private static func allowed(_ s: Suffix, after state: State) -> Bool {
        switch s.kind {
        case .derivationVoiced:
            return true
        case .caseEnding(_, let nForm, let afterP12):
            if afterP12 { return state.afterPossessive12 }
            if nForm { return state.afterPossessive3 }
            // plain forms are fine after a stem that only looks possessive, not after a real -ы/-і
            return !(state.afterPossessive3 && state.slot == .possessive)
        case .attributive:
            return state.afterLocative
        case .possessive3, .possessive12, .possessiveOther:
            return true
        default:
            return true
        }
    }
}
