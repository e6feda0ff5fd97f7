/// The payloads of the event types of EVENTS.md, version 1.

/// A leader or delegation of `visitor` arrives in `host`.
public struct VisitStarted: Hashable, Sendable {
    public var visitor: CountryCode
    public var host: CountryCode
    public var leader: String?
    public var level: VisitLevel
    public var place: String?
    public var firstEver: Bool?
    public var status: FactStatus

    public init(visitor: CountryCode, host: CountryCode, leader: String? = nil, level: VisitLevel = .unspecified,
                place: String? = nil, firstEver: Bool? = nil, status: FactStatus = .happened) {
        self.visitor = visitor; self.host = host; self.leader = leader; self.level = level
        self.place = place; self.firstEver = firstEver; self.status = status
    }
}

/// Negotiations between two sides.
public struct TalksHeld: Hashable, Sendable {
    public var parties: [CountryCode]
    public var participants: [String]
    public var format: TalksFormat
    public var place: String?
    public var status: FactStatus

    public init(parties: [CountryCode], participants: [String] = [], format: TalksFormat = .unspecified,
                place: String? = nil, status: FactStatus = .happened) {
        self.parties = parties.sorted(); self.participants = participants; self.format = format
        self.place = place; self.status = status
    }
}

/// A document signed or adopted between two sides.
public struct AgreementSigned: Hashable, Sendable {
    public var parties: [CountryCode]
    public var title: String
    public var kind: AgreementKind
    public var count: Int?
    public var status: SigningStatus

    public init(parties: [CountryCode], title: String = "", kind: AgreementKind = .other, count: Int? = nil,
                status: SigningStatus = .signed) {
        self.parties = parties.sorted(); self.title = title; self.kind = kind; self.count = count; self.status = status
    }
}

/// A period a figure covers, as `YYYY-MM` (or any fuzzy date) bounds.
public struct Period: Hashable, Sendable {
    public var from: String
    public var to: String
    public init(from: String, to: String) { self.from = from; self.to = to }
}

/// Which way money or goods went.
public struct TradeDirection: Hashable, Sendable {
    public var from: CountryCode
    public var to: CountryCode
    public init(from: CountryCode, to: CountryCode) { self.from = from; self.to = to }
}

/// A number about the economic relationship of two sides.
public struct TradeFigureReported: Hashable, Sendable {
    public var parties: [CountryCode]
    public var metric: TradeMetric
    public var value: Double
    public var unit: String
    public var change: Change?
    public var period: Period?
    public var direction: TradeDirection?
    public var reportedBy: String?

    public init(parties: [CountryCode], metric: TradeMetric, value: Double, unit: String, change: Change? = nil,
                period: Period? = nil, direction: TradeDirection? = nil, reportedBy: String? = nil) {
        self.parties = parties.sorted(); self.metric = metric; self.value = value; self.unit = unit
        self.change = change; self.period = period; self.direction = direction; self.reportedBy = reportedBy
    }
}

/// Another article reports a fact already in the log.
public struct EventCorroborated: Hashable, Sendable {
    public var event: String
    public init(event: String) { self.event = event }
}

/// A person (or a rule fix) withdraws an event.
public struct EventRetracted: Hashable, Sendable {
    public var event: String
    public var reason: String
    public init(event: String, reason: String) { self.event = event; self.reason = reason }
}
