import ChanceryDomain

/// Whether a sentence reports its fact as done or as announced for the future, read from
/// the words around the event's own cue (so that "X will become a partner, he said at the
/// meeting held today" is not a planned meeting).
enum StatusReader {
    /// Words that open a relative clause of place ("где", "where").
    static let clauseWords = ["где", "where"]

    /// True when the clause around the event cue announces rather than reports.
    static func isPlanned(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = [], visit: Bool = true) -> Bool {
        var scope = cue
        if !eventCues.isEmpty, let i = cue.wordIndex(of: eventCues) {
            // "прибыл в Ташкент, где проведет переговоры": the relative clause has a tense
            // of its own; the cue's clause tells its status.
            if cue.has(clauseWords) {
                var lo = 0, hi = cue.wordCount
                for k in 0..<cue.wordCount where clauseWords.contains(String(cue.word(k))) {
                    if k <= i { lo = k } else { hi = k; break }
                }
                if lo > 0 || hi < cue.wordCount { scope = cue.slice(lo, hi) }
            }
            if scope.wordCount > 14, let j = scope.wordIndex(of: eventCues) { scope = scope.window(j, radius: 10) }
        }
        let hot = lex.hotCues
        if scope.has(visit ? hot.strongPlanned : hot.strongPlannedBesidesVisits) { return true }
        if scope.has(hot.done) { return false }
        if scope.has(hot.planned) { return true }
        return lex.verbFinal && kazakhFinalVerbIsFuture(cue, lex)
    }

    /// Kazakh puts the verb last: a final present-future form (`өткізеді`, `барады`,
    /// `қол қояды`, `келмек`) announces; a past form (`өткізді`) reports.
    static func kazakhFinalVerbIsFuture(_ cue: CueText, _ lex: Lexicon) -> Bool {
        var count = cue.wordCount
        // Drop a trailing attribution: "…, – деді Президент", "деп хабарлайды …".
        if let i = cue.lastWordIndex(equalToAny: ["деді", "деп"]), i > 0 { count = i }
        guard count > 0 else { return false }
        let last = String(cue.word(count - 1))
        // Forms that can only be future: -йды/-йді (vowel stems), -мақ/-мек (intention),
        // and the present-future of the verbs events are told with.
        if ["йды", "йді", "мақ", "мек", "бақ", "бек", "пақ", "пек"].contains(where: { last.hasSuffix($0) }) && last.count > 4 { return true }
        return lex.futureVerbs.contains { last.hasPrefix($0) && last.count <= $0.count + 2 }
    }

    /// "Upcoming" or "preparations for" up to three words before a visit noun
    /// ("предстоящему государственному визиту", "подготовку к государственному визиту",
    /// "preparations for the state visit", "алдағы ресми сапар").
    static func upcomingVisit(_ cue: CueText, _ lex: Lexicon) -> Bool {
        // Kazakh: "мемлекеттік сапарына дайындық": the preparation follows the visit noun.
        if lex.verbFinal, cue.has(["дайындық", "дайындал"]) {
            let n = cue.wordCount
            for j in 0..<n where lex.visitNouns.contains(where: { cue.word(j).hasPrefix($0) }) {
                if j + 1 < n, cue.word(j + 1).hasPrefix("дайында") || cue.word(j + 1).hasPrefix("дайындық") { return true }
            }
        }
        guard !lex.upcoming.isEmpty, cue.has(lex.upcoming) else { return false }
        let n = cue.wordCount
        for i in 0..<n where lex.upcoming.contains(where: { cue.word(i).hasPrefix($0) }) {
            for j in (i + 1)..<min(n, i + 5) where lex.visitNouns.contains(where: { cue.word(j).hasPrefix($0) }) { return true }
        }
        return false
    }

    /// `visit`: the fact is a visit (an "upcoming visit" announces it; for other facts the
    /// phrase speaks of another event).
    static func fact(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = [], visit: Bool = true) -> FactStatus {
        isPlanned(cue, lex, near: eventCues, visit: visit) ? .planned : .happened
    }

    static func signing(_ cue: CueText, _ lex: Lexicon, near eventCues: [String] = []) -> SigningStatus {
        isPlanned(cue, lex, near: eventCues) ? .planned : .signed
    }
}
