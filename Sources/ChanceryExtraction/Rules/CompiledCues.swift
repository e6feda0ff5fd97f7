/// A cue list prepared once for `CueText` (the lists every sentence is matched against):
/// each cue's bytes with its dashes as spaces, whether it is a phrase, and its run-filter
/// key. `CueText.has(_:)` and `hasMotion(_:)` give for it what they give for `strings`.
struct CompiledCues: Sendable {
    struct Item: Sendable {
        /// The cue's bytes with every `-` as a space (what `matches` searches for).
        let bytes: [UInt8]
        /// The cue's bytes as written (a motion verb is a word prefix as written).
        let rawBytes: [UInt8]
        /// `bytes` has a space / the cue as written has one.
        let phrase: Bool
        let rawPhrase: Bool
        /// A Kazakh motion verb that may be an auxiliary (`кел…`, `бар…`).
        let auxiliary: Bool
        let key: CueRunFilter.Key
    }

    /// The cues as written.
    let strings: [String]
    let items: [Item]

    init(_ strings: [String]) {
        self.strings = strings
        items = strings.map { s in
            let raw = Array(s.utf8)
            let bytes = raw.map { $0 == 0x2D ? 0x20 : $0 }
            return Item(bytes: bytes, rawBytes: raw, phrase: bytes.contains(0x20), rawPhrase: raw.contains(0x20),
                        auxiliary: s.hasPrefix("кел") || s.hasPrefix("бар"),
                        key: bytes.withUnsafeBufferPointer { CueRunFilter.Key($0) })
        }
    }
}

/// The cue lists of a `Lexicon` that every sentence meets, compiled once per language.
struct HotCues: Sendable {
    let negation, done, strongPlanned, planned: CompiledCues
    let welcomePhrases, receiveVerbs, invitations, visitNouns, arrivalVerbs: CompiledCues
    let talksCues, signCues, metricStems: CompiledCues
    /// `strongPlanned` without the phrases about a visit ("upcoming visit", "предстоящего
    /// визита"): a meeting held to prepare a visit has happened.
    let strongPlannedBesidesVisits: CompiledCues

    init(_ lex: Lexicon) {
        negation = CompiledCues(lex.negation); done = CompiledCues(lex.done)
        strongPlanned = CompiledCues(lex.strongPlanned); planned = CompiledCues(lex.planned)
        welcomePhrases = CompiledCues(lex.welcomePhrases); receiveVerbs = CompiledCues(lex.receiveVerbs)
        invitations = CompiledCues(lex.invitations); visitNouns = CompiledCues(lex.visitNouns)
        arrivalVerbs = CompiledCues(lex.arrivalVerbs)
        talksCues = CompiledCues(lex.talksCues); signCues = CompiledCues(lex.signCues)
        metricStems = CompiledCues(lex.metrics.flatMap(\.1))
        strongPlannedBesidesVisits = CompiledCues(lex.strongPlanned.filter { p in
            !p.split(separator: " ").dropFirst().contains { w in lex.visitNouns.contains { w.hasPrefix($0) } }
        })
    }
}

extension Lexicon {
    /// This lexicon with its hot cue lists compiled.
    func withHotCues() -> Lexicon {
        var l = self
        l.hot = HotCues(self)
        return l
    }

    /// The hot lists, compiled (once per language through `Lexicons.of`; here for any other).
    var hotCues: HotCues { hot ?? HotCues(self) }
}
