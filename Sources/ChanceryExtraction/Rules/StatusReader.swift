import ChanceryDomain

/// Whether a sentence reports its fact as done or as announced for the future.
enum StatusReader {
    /// True when the sentence announces rather than reports.
    static func isPlanned(_ cue: CueText, _ lex: Lexicon) -> Bool {
        if cue.has(lex.strongPlanned) { return true }
        if cue.has(lex.done) { return false }
        return cue.has(lex.planned)
    }

    static func fact(_ cue: CueText, _ lex: Lexicon) -> FactStatus { isPlanned(cue, lex) ? .planned : .happened }
    static func signing(_ cue: CueText, _ lex: Lexicon) -> SigningStatus { isPlanned(cue, lex) ? .planned : .signed }
}
