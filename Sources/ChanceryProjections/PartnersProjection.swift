import ChanceryDomain

/// The facts that still stand, per pair, for ranking the partners of a country by activity.
/// Queried with `ranking(_:country:period:slice:)`.
public enum PartnersProjection: LedgerProjection {
    public typealias State = LedgerState<PartnersProjection>
    public static let name = "partners"
    public static let policy = FactLedger.Policy(keepsRetracted: false)

    /// What `partners C [--from] [--to]` shows: the countries `country` has facts with in
    /// `period` (valid time; year-unknown facts only when unbounded) and as of `slice.asOf`,
    /// ranked by number of facts, then distinct source articles, then code.
    /// Transaction-time bounds are applied by `fold(_:slice:)`.
    public static func ranking(_ state: State, country: CountryCode, period: ValidPeriod = .always,
                               slice: TimeSlice = .all) -> PartnerRanking {
        var out = [PartnerActivity]()
        for pair in state.ledger.streams.keys where pair.contains(country) {
            let facts = state.facts(of: pair, slice: slice).filter { period.contains($0.occurred) }
            guard !facts.isEmpty, let partner = pair.other(than: country) else { continue }
            out.append(PartnerActivity(partner: partner, pair: pair, facts: facts, slice: slice))
        }
        return PartnerRanking(country: country, period: period, slice: slice, partners: out)
    }

    /// Folds `events` with `slice` and ranks the partners of `country`.
    public static func ranking(_ events: some Sequence<RecordedEvent>, country: CountryCode, period: ValidPeriod = .always,
                               slice: TimeSlice = .all) -> PartnerRanking {
        ranking(fold(events, slice: slice), country: country, period: period, slice: slice)
    }
}

/// How active one partner relationship was in a period.
public struct PartnerActivity: Hashable, Sendable {
    public var partner: CountryCode
    public var pair: StreamID
    /// The number of facts, and of distinct articles reporting them.
    public var facts: Int
    public var sources: Int
    public var visits: Int
    public var talks: Int
    public var agreements: Int
    public var trade: Int
    public var contact: ContactSpan

    public init(partner: CountryCode, pair: StreamID, facts: [FactRecord], slice: TimeSlice) {
        var tally = Tally(partner: partner, pair: pair, slice: slice)
        for f in facts { tally.add(f) }
        self = tally.activity
    }

    /// A `PartnerActivity` taken a fact at a time, in any order.
    public struct Tally {
        /// The activity of the facts added so far.
        public var activity: PartnerActivity {
            var a = partial
            a.sources = articles.count
            return a
        }

        private var partial: PartnerActivity
        private var articles = Set<String>()
        private let slice: TimeSlice

        public init(partner: CountryCode, pair: StreamID, slice: TimeSlice) {
            partial = PartnerActivity(partner: partner, pair: pair)
            self.slice = slice
        }

        /// Counts a live fact of the pair that the slice and period admit.
        public mutating func add(_ f: FactRecord) {
            partial.facts += 1
            for s in f.sources { articles.insert(s.article) }
            switch f.data {
            case .visitStarted: partial.visits += 1
            case .talksHeld: partial.talks += 1
            case .agreementSigned: partial.agreements += 1
            case .tradeFigureReported: partial.trade += 1
            case .eventCorroborated, .eventRetracted: break
            }
            partial.contact.include(f, slice: slice)
        }
    }

    init(partner: CountryCode, pair: StreamID) {
        self.partner = partner
        self.pair = pair
        facts = 0; sources = 0; visits = 0; talks = 0; agreements = 0; trade = 0
        contact = ContactSpan()
    }

    /// `{"partner","pair","facts","sources","visits","talks","agreements","trade","firstContact","lastContact"}`.
    public var json: JSONValue {
        .object(["partner": .string(partner.rawValue), "pair": .string(pair.description), "facts": .int(Int64(facts)),
                 "sources": .int(Int64(sources)), "visits": .int(Int64(visits)), "talks": .int(Int64(talks)),
                 "agreements": .int(Int64(agreements)), "trade": .int(Int64(trade)),
                 "firstContact": contact.first.map { .string($0.description) } ?? .null,
                 "lastContact": contact.last.map { .string($0.description) } ?? .null])
    }
}

/// The partners of a country by activity: the answer to `partners C`.
public struct PartnerRanking: Hashable, Sendable {
    public var country: CountryCode
    public var period: ValidPeriod
    public var slice: TimeSlice
    /// Most active first.
    public var partners: [PartnerActivity]

    /// The ranking of `partners` (in any order): by number of facts, then distinct source
    /// articles, then code.
    public init(country: CountryCode, period: ValidPeriod, slice: TimeSlice, partners: [PartnerActivity]) {
        self.country = country; self.period = period; self.slice = slice
        self.partners = partners.sorted { a, b in
            if a.facts != b.facts { return a.facts > b.facts }
            if a.sources != b.sources { return a.sources > b.sources }
            return a.partner < b.partner
        }
    }

    /// An array of `PartnerActivity.json`, most active first.
    public var json: JSONValue { .array(partners.map(\.json)) }

    /// Rows `rank | partner | pair | facts | sources | visits | talks | agreements | trade | first | last`.
    public var table: Table {
        Table(header: ["rank", "partner", "pair", "facts", "sources", "visits", "talks", "agreements", "trade", "first", "last"],
              rows: partners.enumerated().map { n, p in
                  [String(n + 1), p.partner.rawValue, p.pair.description, String(p.facts), String(p.sources), String(p.visits),
                   String(p.talks), String(p.agreements), String(p.trade), FactText.orDash(p.contact.first?.description),
                   FactText.orDash(p.contact.last?.description)]
              })
    }
}
