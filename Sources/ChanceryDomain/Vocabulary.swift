/// The fixed vocabularies of the event model (EVENTS.md). Raw values are the export's words.

/// How formal a visit is.
public enum VisitLevel: String, Sendable, CaseIterable, Hashable {
    case state, official, working, unspecified
}

/// Whether a visit or talks are reported as done or as announced for the future.
public enum FactStatus: String, Sendable, CaseIterable, Hashable {
    case happened, planned
}

/// Whether a document is reported as signed or as to be signed.
public enum SigningStatus: String, Sendable, CaseIterable, Hashable {
    case signed, planned
}

/// The format of talks.
public enum TalksFormat: String, Sendable, CaseIterable, Hashable {
    case narrow, expanded, phone, video, unspecified
}

/// The kind of a signed document.
public enum AgreementKind: String, Sendable, CaseIterable, Hashable {
    case treaty, agreement, memorandum
    case jointStatement = "joint_statement"
    case roadmap, program, documents, other
}

/// What a trade figure measures.
public enum TradeMetric: String, Sendable, CaseIterable, Hashable {
    case tradeTurnover = "trade_turnover"
    case tradeTarget = "trade_target"
    case exports, imports, investment
    case freightVolume = "freight_volume"
    case other
}

/// The sign of a percentage change.
public enum Change: String, Sendable, CaseIterable, Hashable {
    case increase, decrease
}
