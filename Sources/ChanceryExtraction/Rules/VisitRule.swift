import ChanceryDomain

/// `VisitStarted`: someone of one country arrives in, is received in, or is on a visit to
/// another. Host = where they go; level from the text; planned when announced or invited.
enum VisitRule {
    static func candidates(_ s: SentenceFacts, _ ctx: ArticleContext) -> [Candidate] {
        let lex = ctx.lexicon, cue = s.cue
        let hot = lex.hotCues
        let welcome = cue.has(hot.welcomePhrases)
        var receive = cue.has(hot.receiveVerbs)
        // "принял участие в заседании": took part, received nobody.
        if receive, cue.has(lex.participation) { receive = cue.has(lex.receiveVerbs.filter { r in !lex.participation.contains { $0.hasPrefix(r) || $0.contains(" " + r) } }) }
        let invited = cue.has(hot.invitations)
        let arrival = cue.hasMotion(hot.arrivalVerbs)
        guard welcome || receive || invited || cue.has(hot.visitNouns) || arrival else { return [] }
        if cue.has(lex.visitNonEvents) { return [] }
        if cue.has(lex.pastRecall) && s.dates.isEmpty { return [] }
        if cue.has(lex.subnational) && s.people.isEmpty { return [] }
        guard let (a, b) = ctx.pair(s) else { return [] }
        let dest = SideFinder.destination(s, ctx)
        let level: VisitLevel = cue.has(lex.stateLevel) ? .state : cue.has(lex.officialLevel) ? .official : cue.has(lex.workingLevel) ? .working : .unspecified
        // A bare noun ("the visit") with no arrival, receiving, invitation, level or
        // destination says too little.
        if !(welcome || receive || arrival || invited) && dest == nil && (level == .unspecified || s.mentions.isEmpty) { return [] }

        var host: CountryCode?
        if let d = dest, d == a || d == b { host = d }
        if host == nil, receive || invited, let guest = SideFinder.receivedGuest(s, ctx), guest == a || guest == b {
            host = guest == a ? b : a
        }
        if host == nil, receive, let actor = SideFinder.firstActor(s, ctx), actor == a || actor == b {
            host = ctx.datelineCountry.flatMap { $0 == a || $0 == b ? $0 : nil } ?? actor
        }
        if host == nil, let d = ctx.datelineCountry, d == a || d == b { host = d }
        let h = host ?? (a == ctx.home || b == ctx.home ? ctx.home : a)
        let visitor = h == a ? b : a
        let eventCues = lex.visitNouns + lex.arrivalVerbs + lex.receiveVerbs + lex.welcomePhrases
        // An invitation announces a visit, unless the sentence tells of the arrival it
        // brought ("arrived at the invitation of", "шақыруымен барды").
        let invitation = invited && !((arrival || receive || welcome) && cue.has(hot.done))
        let status: FactStatus = invitation || StatusReader.upcomingVisit(cue, lex) ? .planned : StatusReader.fact(cue, lex, near: eventCues)
        let (date, until, stated) = s.arrivalDate.map { ($0, nil, true) } ?? ctx.dateAndStatement(of: s, near: eventCues, planned: status == .planned)
        let visit = VisitStarted(visitor: visitor, host: h, leader: SideFinder.leader(of: visitor, in: s), level: level,
                                 place: SideFinder.place(in: h, s, ctx), firstEver: cue.has(lex.firstEver) ? true : nil,
                                 status: status)
        var c = Candidate(data: .visitStarted(visit), occurred: date, occurredUntil: until, quote: s.text,
                          span: s.sentence.range, rule: invitation ? "visit.invitation.\(ctx.language.rawValue)" : "visit.\(ctx.language.rawValue)")
        c.dateIsStated = stated
        return [c]
    }
}
