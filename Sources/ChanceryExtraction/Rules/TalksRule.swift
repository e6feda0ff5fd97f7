import ChanceryDomain

/// `TalksHeld`: negotiations or a meeting between the two sides, in a format.
enum TalksRule {
    /// Talks cues that tell what was discussed rather than that a meeting took place.
    static let discussionVerbs: Set<String> = ["обсудили", "обсуждени", "discussed", "талқыла", "талқылады", "пікір алмасты"]

    /// Talks cues that are no part of a "took part" / "adopted" phrase, and the cues that
    /// tell of a meeting (not only of what was discussed), compiled once per language.
    struct Lists: Sendable { let beyondParticipation: CompiledCues; let meeting: CompiledCues }
    static let listsKK = makeLists(Lexicons.compiledKazakh), listsRU = makeLists(Lexicons.compiledRussian), listsEN = makeLists(Lexicons.compiledEnglish)
    static func lists(_ l: Language) -> Lists { l == .kk ? listsKK : l == .ru ? listsRU : listsEN }
    static func makeLists(_ lex: Lexicon) -> Lists {
        Lists(beyondParticipation: CompiledCues(lex.talksCues.filter { r in !lex.participation.contains { $0.hasPrefix(r) || $0.contains(" " + r) } }),
              meeting: CompiledCues(lex.talksCues.filter { !discussionVerbs.contains($0) }))
    }

    /// A country named after a preposition of place or topic ("в Афганистане", "on
    /// Afghanistan"), or in the Kazakh locative.
    static func isTopic(_ m: Mention, _ s: SentenceFacts, _ language: Language) -> Bool {
        if m.kind == .person { return false }
        if s.isVenue(m) { return true }
        let w = s.wordsBefore(m, max: 1).first ?? ""
        switch language {
        case .ru: return ["в", "во", "на", "о", "об", "по", "вокруг"].contains(w)
        case .en: return ["in", "on", "about", "regarding", "around", "over"].contains(w)
        case .kk: return false
        }
    }

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
        let lists = Self.lists(ctx.language)
        if cue.has(lex.participation) && !cue.has(lists.beyondParticipation) { return [] }
        let topicOnly = !cue.has(lists.meeting)
        guard var (a, b) = ctx.pair(s, actorsOnly: true) else { return [] }
        // "Министры обсудили ситуацию в Афганистане": a country after a preposition in a
        // sentence telling what was discussed is a topic; the sides are the article's.
        if topicOnly, let p = ctx.partner, a == ctx.home || b == ctx.home {
            let other = a == ctx.home ? b : a
            if other != p, s.mentions.allSatisfy({ m in !m.countries.contains(other) || isTopic(m, s, ctx.language) }) { (a, b) = (ctx.home, p) }
        }
        var participants = [String]()
        // "Стороны обсудили подготовку к визиту Си Цзиньпина": when the sentence only tells
        // what was discussed, the people it names are the topic, not the participants.
        for p in s.people where !topicOnly && !participants.contains(p.canonical) && (p.countries.first == a || p.countries.first == b) {
            participants.append(p.canonical)
        }
        let remote = format == .phone || format == .video
        // A dateline run into the sentence ("Astana, 9 October – … in Dushanbe") is not the venue.
        let cities = s.mentions.filter { $0.kind == .city }
        let venue = cities.first { !s.isDateline($0) } ?? cities.first
        let place = remote ? nil : venue?.canonical ?? ctx.datelinePlace
        let talkCues = lex.talksCues
        let status = StatusReader.fact(cue, lex, near: lex.talksCues, visit: false)
        let (date, until, stated) = ctx.dateAndStatement(of: s, near: talkCues, planned: status == .planned)
        let talks = TalksHeld(parties: [a, b], participants: participants, format: format, place: place, status: status)
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
