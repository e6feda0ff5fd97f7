import ChanceryDomain
import ChanceryExtraction
import ChanceryStore

/// A domain fact already in a stream, as `decide` sees it.
public struct KnownFact: Sendable, Hashable {
    public var id: String
    public var stream: StreamID
    public var occurred: FuzzyDate
    public var occurredUntil: FuzzyDate?
    public var data: EventData
    public init(id: String, stream: StreamID, occurred: FuzzyDate, occurredUntil: FuzzyDate?, data: EventData) {
        self.id = id; self.stream = stream; self.occurred = occurred; self.occurredUntil = occurredUntil; self.data = data
    }

    /// The live domain facts of a stream's events (retracted ones left out).
    public static func from(_ events: [RecordedEvent]) -> [KnownFact] {
        var retracted = Set<String>()
        for e in events { if case .eventRetracted(let r) = e.data { retracted.insert(r.event) } }
        return events.compactMap { e in
            guard e.type.isDomain, !retracted.contains(e.id) else { return nil }
            return KnownFact(id: e.id, stream: e.stream, occurred: e.occurred, occurredUntil: e.occurredUntil, data: e.data)
        }
    }
}

/// The article a batch of candidates comes from.
public struct ArticleIdentity: Sendable, Hashable {
    public var sha256: String
    public var name: String
    public init(sha256: String, name: String) { self.sha256 = sha256; self.name = name }
}

/// `decide(state, candidates) -> events`: compares an article's candidate facts with what
/// the streams already hold. A candidate that matches a known fact (same type, same
/// parties and direction, dates within a day, compatible attributes; trade figures: same
/// metric and unit, value within 1 %) becomes `EventCorroborated` of it, once per fact and
/// article; candidates of one article that state the same fact are merged into one; the
/// rest become new domain events. Pure: no store, no clock.
public enum Decider {
    public static func decide(known: [KnownFact], candidates: [Candidate], article: ArticleIdentity) -> [PendingEvent] {
        // 1. One fact per article: merge candidates that state the same fact.
        var merged = [Candidate]()
        // Specific candidates first, so a vague mention ("the talks") joins the fact it
        // refers to rather than absorbing narrow and expanded rounds into one.
        let ordered = candidates.enumerated().sorted { (x, y) in
            let sx = specificity(x.element.data), sy = specificity(y.element.data)
            return sx != sy ? sx > sy : x.offset < y.offset
        }.map(\.element)
        var votes = [(done: Int, planned: Int)]()
        for c in ordered where c.stream != nil && c.data.type.isDomain {
            let planned = isPlanned(c.data)
            if let i = merged.firstIndex(where: { sameFactInArticle($0, c) }) {
                merged[i] = merge(merged[i], c)
                if planned { votes[i].planned += 1 } else { votes[i].done += 1 }
            } else {
                merged.append(c)
                votes.append(planned ? (0, 1) : (1, 0))
            }
        }
        // The article's sentences vote on the status; a tie goes to "done".
        for i in merged.indices { merged[i].data = withStatus(merged[i].data, planned: votes[i].planned > votes[i].done) }
        // 2. Against the log: corroborate or add.
        var out = [PendingEvent]()
        var corroborated = Set<String>()
        var ids = Set<String>()
        for c in merged {
            let stream = c.stream!
            let source = Provenance(article: article.sha256, file: article.name, quote: c.quote,
                                    span: [c.span.lowerBound, c.span.upperBound], rule: c.rule)
            let exact = known.first { $0.stream == stream && matches($0.data, $0.occurred, $0.occurredUntil, c.data, c.occurred, c.occurredUntil) && sameSpecifics($0.data, c.data) }
            let loose = exact ?? known.first { $0.stream == stream && matches($0.data, $0.occurred, $0.occurredUntil, c.data, c.occurred, c.occurredUntil) && corroborates(existing: $0.data, candidate: c.data) }
            if let fact = loose {
                guard corroborated.insert(fact.id).inserted else { continue }
                let data = EventData.eventCorroborated(EventCorroborated(event: fact.id))
                out.append(pending(stream: stream, occurred: fact.occurred, until: fact.occurredUntil, data: data, source: source, ids: &ids))
            } else {
                out.append(pending(stream: stream, occurred: c.occurred, until: c.occurredUntil, data: c.data, source: source, ids: &ids))
            }
        }
        return out
    }

    static func isPlanned(_ d: EventData) -> Bool {
        switch d {
        case .visitStarted(let v): return v.status == .planned
        case .talksHeld(let t): return t.status == .planned
        case .agreementSigned(let a): return a.status == .planned
        default: return false
        }
    }

    static func withStatus(_ d: EventData, planned: Bool) -> EventData {
        switch d {
        case .visitStarted(var v): v.status = planned ? .planned : .happened; return .visitStarted(v)
        case .talksHeld(var t): t.status = planned ? .planned : .happened; return .talksHeld(t)
        case .agreementSigned(var a): a.status = planned ? .planned : .signed; return .agreementSigned(a)
        default: return d
        }
    }

    /// Two candidates of one article state the same fact: as `matches`, except that a
    /// candidate whose date the article supplied (not its sentence) fits any date.
    static func sameFactInArticle(_ a: Candidate, _ b: Candidate) -> Bool {
        // A reception ("X received Y") is its own meeting, apart from the formal rounds.
        if case .talksHeld(let x) = a.data, case .talksHeld(let y) = b.data,
           (a.rule.hasPrefix("talks.reception") && y.format != .unspecified) || (b.rule.hasPrefix("talks.reception") && x.format != .unspecified) {
            return false
        }
        // A call or video link held, and a meeting in person agreed for later ("agreed to meet
        // in Beijing"), are two facts.
        if case .talksHeld(let x) = a.data, case .talksHeld(let y) = b.data,
           (isRemote(x.format) && x.status == .happened && !isRemote(y.format) && y.status == .planned)
            || (isRemote(y.format) && y.status == .happened && !isRemote(x.format) && x.status == .planned) {
            return false
        }
        if matches(a.data, a.occurred, a.occurredUntil, b.data, b.occurred, b.occurredUntil) { return true }
        guard !a.dateIsStated || !b.dateIsStated else { return false }
        return matches(a.data, a.occurred, a.occurredUntil, b.data, a.occurred, a.occurredUntil)
    }

    static func pending(stream: StreamID, occurred: FuzzyDate, until: FuzzyDate?, data: EventData, source: Provenance, ids: inout Set<String>) -> PendingEvent {
        let text = PendingEvent.identityText(stream: stream, occurred: occurred, occurredUntil: until, data: data, source: source)
        var id = eventID(text)
        var n = 2
        while !ids.insert(id).inserted { id = eventID(text + "#\(n)"); n += 1 }
        return PendingEvent(id: id, stream: stream, occurred: occurred, occurredUntil: until, data: data, source: source)
    }

    /// A stable event id: the first 20 hex digits of the SHA-256 of the event's identity.
    public static func eventID(_ identity: String) -> String { String(Hashing.sha256Hex(identity).prefix(20)) }

    // MARK: Matching

    /// Whether two dates (with optional span ends) are within a day of each other.
    public static func datesClose(_ a: FuzzyDate, _ aUntil: FuzzyDate?, _ b: FuzzyDate, _ bUntil: FuzzyDate?) -> Bool {
        func md(_ d: FuzzyDate) -> (Int, Int)? {
            switch d {
            case .day(_, let m, let dd), .monthDay(let m, let dd): return (m, dd)
            default: return nil
            }
        }
        if !a.hasYear || !b.hasYear {
            guard let x = md(a), let y = md(b) else {
                if case .month(_, let m) = a, let y = md(b) { return m == y.0 }
                if case .month(_, let m) = b, let x = md(a) { return m == x.0 }
                return true
            }
            let base = FuzzyDate.day(year: 2001, month: x.0, day: x.1)
            let other = FuzzyDate.day(year: 2001, month: y.0, day: y.1)
            return other == base || other == base.adding(days: 1) || other == base.adding(days: -1)
        }
        guard let a0 = a.earliestDay, let a1 = (aUntil ?? a).latestDay, let b0 = b.earliestDay, let b1 = (bUntil ?? b).latestDay else { return false }
        return b0 <= a1.adding(days: 1) && a0 <= b1.adding(days: 1)
    }

    static func isRemote(_ f: TalksFormat) -> Bool { f == .phone || f == .video }

    /// Whether two payloads (with their dates) state the same fact.
    public static func matches(_ a: EventData, _ aDate: FuzzyDate, _ aUntil: FuzzyDate?, _ b: EventData, _ bDate: FuzzyDate, _ bUntil: FuzzyDate?) -> Bool {
        switch (a, b) {
        case (.visitStarted(let x), .visitStarted(let y)):
            return x.visitor == y.visitor && x.host == y.host && datesClose(aDate, aUntil, bDate, bUntil)
                && compatible(x.level, y.level, .unspecified)
        case (.talksHeld(let x), .talksHeld(let y)):
            return x.parties == y.parties && datesClose(aDate, aUntil, bDate, bUntil) && compatible(x.format, y.format, .unspecified)
                && !differentCounterparts(x.participants, y.participants)
        case (.agreementSigned(let x), .agreementSigned(let y)):
            guard x.parties == y.parties, datesClose(aDate, aUntil, bDate, bUntil) else { return false }
            if !x.title.isEmpty && !y.title.isEmpty { return x.title.lowercased() == y.title.lowercased() }
            return x.kind == y.kind
        case (.tradeFigureReported(let x), .tradeFigureReported(let y)):
            guard x.parties == y.parties, x.metric == y.metric, x.unit == y.unit else { return false }
            guard abs(x.value - y.value) <= 0.01 * max(abs(x.value), abs(y.value)) else { return false }
            if let dx = x.direction, let dy = y.direction, dx != dy { return false }
            if let cx = x.change, let cy = y.change, cx != cy { return false }
            if let px = x.period, let py = y.period, px.from != py.from { return false }
            return true
        default:
            return false
        }
    }

    /// Two meetings on one day with different people of the same side are two facts
    /// (the Emperor in the morning, the Prime Minister after).
    static func differentCounterparts(_ a: [String], _ b: [String]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        func bySide(_ names: [String]) -> [CountryCode: Set<String>] {
            var out = [CountryCode: Set<String>]()
            for n in names { if let p = Gazetteer.person(n) { out[p.country, default: []].insert(n) } }
            return out
        }
        let x = bySide(a), y = bySide(b)
        for (side, names) in x { if let other = y[side], names.isDisjoint(with: other) { return true } }
        return false
    }

    /// How much a candidate says beyond its type and pair (higher is more specific).
    static func specificity(_ d: EventData) -> Int {
        switch d {
        case .visitStarted(let v): return v.level == .unspecified ? 0 : 1
        case .talksHeld(let t): return t.format == .unspecified ? 0 : 1
        case .agreementSigned(let a): return a.title.isEmpty ? 0 : 1
        default: return 0
        }
    }

    private static func compatible<T: Equatable>(_ a: T, _ b: T, _ unknown: T) -> Bool { a == b || a == unknown || b == unknown }

    /// Whether a candidate may corroborate an existing fact: a happened fact is not
    /// corroborated by... it is: a planned report of a fact that happened adds a source; but a
    /// fact reported as done is new information over a merely planned one.
    static func corroborates(existing: EventData, candidate: EventData) -> Bool {
        switch (existing, candidate) {
        case (.visitStarted(let x), .visitStarted(let y)): return !(x.status == .planned && y.status == .happened)
        case (.talksHeld(let x), .talksHeld(let y)): return !(x.status == .planned && y.status == .happened)
        case (.agreementSigned(let x), .agreementSigned(let y)): return !(x.status == .planned && y.status == .signed)
        default: return true
        }
    }

    /// Same specific attributes (used to prefer an exact match among several).
    static func sameSpecifics(_ a: EventData, _ b: EventData) -> Bool {
        switch (a, b) {
        case (.visitStarted(let x), .visitStarted(let y)): return x.level == y.level && x.status == y.status
        case (.talksHeld(let x), .talksHeld(let y)): return x.format == y.format && x.status == y.status
        case (.agreementSigned(let x), .agreementSigned(let y)): return x.kind == y.kind && x.status == y.status
        default: return true
        }
    }

    /// Two candidates of one article for the same fact, as one: the earlier quote, with
    /// whatever the later one says more precisely.
    static func merge(_ a: Candidate, _ b: Candidate) -> Candidate {
        var out = a
        if !a.dateIsStated && b.dateIsStated {
            out.occurred = b.occurred
            out.occurredUntil = b.occurredUntil
            out.dateIsStated = true
        }
        switch (a.data, b.data) {
        case (.visitStarted(var x), .visitStarted(let y)):
            // The visit starts on the day of arrival: keep the earliest day named.
            if b.dateIsStated, let bd = b.occurred.earliestDay ?? (b.occurred.hasYear ? nil : b.occurred), bd < (out.occurred.earliestDay ?? out.occurred), b.occurred != .unknown {
                let end = out.occurredUntil ?? out.occurred
                out.occurred = b.occurred
                out.occurredUntil = (b.occurredUntil ?? end) == b.occurred ? nil : max(b.occurredUntil ?? end, end)
            }
            if x.level == .unspecified { x.level = y.level }
            x.leader = x.leader ?? y.leader
            x.place = x.place ?? y.place
            x.firstEver = x.firstEver ?? y.firstEver
            if x.status == .planned && y.status == .happened { x.status = .happened }
            out.data = .visitStarted(x)
        case (.talksHeld(var x), .talksHeld(let y)):
            if x.format == .unspecified { x.format = y.format }
            for p in y.participants where !x.participants.contains(p) { x.participants.append(p) }
            x.place = x.place ?? y.place
            if x.status == .planned && y.status == .happened { x.status = .happened }
            out.data = .talksHeld(x)
        case (.agreementSigned(var x), .agreementSigned(let y)):
            if x.title.isEmpty { x.title = y.title }
            if x.kind == .other || x.kind == .documents && y.kind != .documents && !y.title.isEmpty { x.kind = y.kind }
            x.count = x.count ?? y.count
            if x.status == .planned && y.status == .signed { x.status = .signed }
            out.data = .agreementSigned(x)
        case (.tradeFigureReported(var x), .tradeFigureReported(let y)):
            x.change = x.change ?? y.change
            x.period = x.period ?? y.period
            x.direction = x.direction ?? y.direction
            x.reportedBy = x.reportedBy ?? y.reportedBy
            out.data = .tradeFigureReported(x)
        default: break
        }
        if out.occurredUntil == nil, let u = b.occurredUntil, out.occurred == b.occurred { out.occurredUntil = u }
        if !out.occurred.hasYear, b.occurred.hasYear { out.occurred = b.occurred; out.occurredUntil = b.occurredUntil }
        return out
    }
}
