import ChanceryDomain

/// `TalksHeld`: negotiations or a meeting between the two sides, in a format.
enum TalksRule {
    /// Talks cues that tell what was discussed rather than that a meeting took place.
    static let discussionVerbs: Set<String> = ["обсудили", "обсуждени", "discussed", "талқыла", "талқылады", "пікір алмасты"]

    static func candidates(_ s: SentenceFacts, _ ctx: ArticleContext) -> [Candidate] {
        let lex = ctx.lexicon, cue = s.cue
        guard cue.has(lex.hotCues.talksCues) else { return [] }
        var format: TalksFormat = cue.has(lex.narrow) ? .narrow : cue.has(lex.expanded) ? .expanded
            : cue.has(lex.video) ? .video : cue.has(lex.phone) ? .phone : .unspecified
        // "в узком, а затем в расширенном составе", "шағын және кеңейтілген құрамда": both rounds.
        let formatWord = cue.has(["состав", "формат", "құрам", "format"])
        let narrowWord = cue.has(["узк", "шағын", "narrow", "restricted", "tete", "one on one"])
        let expandedWord = cue.has(["расширенн", "кеңейтілген", "expanded", "extended", "enlarged", "broader"])
        // "one-on-one talks, followed by a meeting with the participation of delegations".
        let both = formatWord && narrowWord && expandedWord || cue.has(lex.narrow) && cue.has(lex.expanded)
        if both { format = .narrow }
        if cue.has(lex.talksNonEvents) && format == .unspecified && !cue.has(["переговор", "келіссөз", "talks"]) { return [] }
        if cue.has(lex.pastRecall) && s.dates.isEmpty { return [] }
        if cue.has(lex.subnational) && !s.people.contains(where: { $0.countries.first != ctx.home }) { return [] }
        // A meeting of a bloc ("заседание Совета глав государств СНГ") with no partner named
        // as an actor is the bloc's, not a bilateral one.
        if cue.has(lex.blocs) && !s.actorCountries.contains(where: { $0 != ctx.home }) && !cue.has(lex.bothSides) { return [] }
        // "принял участие": took part, received nobody.
        if cue.has(lex.participation) && !cue.has(lex.talksCues.filter { r in !lex.participation.contains { $0.hasPrefix(r) || $0.contains(" " + r) } }) { return [] }
        guard let (a, b) = ctx.pair(s, actorsOnly: true) else { return [] }
        var participants = [String]()
        // "Стороны обсудили подготовку к визиту Си Цзиньпина": when the sentence only tells
        // what was discussed, the people it names are the topic, not the participants.
        let topicOnly = !cue.has(lex.talksCues.filter { !discussionVerbs.contains($0) })
        for p in s.people where !topicOnly && !participants.contains(p.canonical) && (p.countries.first == a || p.countries.first == b) {
            participants.append(p.canonical)
        }
        let remote = format == .phone || format == .video
        let place = remote ? nil : s.mentions.first(where: { $0.kind == .city })?.canonical ?? ctx.datelinePlace
        let talkCues = lex.talksCues
        let (date, until, stated) = ctx.dateAndStatement(of: s, near: talkCues)
        let talks = TalksHeld(parties: [a, b], participants: participants, format: format, place: place,
                              status: StatusReader.fact(cue, lex, near: lex.talksCues))
        // Talks known only from someone "receiving" someone are a reception: a meeting of
        // its own, apart from the narrow or expanded rounds.
        let audience = ["принял", "received", "қабылдады", "қабылдап", "қабылдаған"]
        let reception = !cue.has(lex.talksCues.filter { !audience.contains($0) })
        // "принял приглашение", "accepted the invitation": no meeting.
        if reception && cue.has(["приглашени", "invitation", "шақыру"]) { return [] }
        var out = [Candidate(data: .talksHeld(talks), occurred: date, occurredUntil: until, quote: s.text,
                             span: s.sentence.range, rule: reception ? "talks.reception.\(ctx.language.rawValue)" : "talks.\(format.rawValue).\(ctx.language.rawValue)")]
        if both {
            var expanded = talks
            expanded.format = .expanded
            out.append(Candidate(data: .talksHeld(expanded), occurred: date, occurredUntil: until, quote: s.text,
                                 span: s.sentence.range, rule: "talks.expanded.\(ctx.language.rawValue)"))
        }
        for i in out.indices { out[i].dateIsStated = stated }
        return out
    }
}
