import ChanceryDomain

/// Whether a sentence reports its fact as done or as announced for the future, read from
/// the words around the event's own cue (so that "X will become a partner, he said at the
/// meeting held today" is not a planned meeting).
enum StatusReader {
    /// True when the clause around the event cue announces rather than reports.
    static func isPlanned(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = []) -> Bool {
        var scope = cue
        if !eventCues.isEmpty, let i = cue.wordIndex(of: eventCues), cue.words.count > 14 {
            scope = cue.window(i, radius: 6)
        }
        if scope.has(lex.strongPlanned) { return true }
        if scope.has(lex.done) { return false }
        return scope.has(lex.planned)
    }

    static func fact(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = []) -> FactStatus {
        isPlanned(cue, lex, near: eventCues) ? .planned : .happened
    }

    static func signing(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = []) -> SigningStatus {
        isPlanned(cue, lex, near: eventCues) ? .planned : .signed
    }
}
