import ChanceryDomain

/// Which part of the log a query sees, along the two time axes.
///
/// - `asOf` is **valid time**: only facts whose `occurred` (its earliest day) is on or before
///   the last day `asOf` denotes (`2025-12` means up to 2025-12-31). Facts with an unknown
///   year (`--MM-DD`) are left out whenever `asOf` is given, and an `asOf` without a year
///   admits no fact. Corroborations and retractions are not facts: they pass, and apply to
///   whichever facts passed.
/// - `atSeq` and `knownAt` are **transaction time**: only events with `seq ≤ atSeq` and
///   `recordedAt ≤ knownAt`. They apply to every event, so a retraction recorded after the
///   bound does not apply. `knownAt` is RFC 3339; a bare date means the end of that UTC day.
public struct TimeSlice: Hashable, Sendable {
    /// Valid-time bound: facts that had occurred by this date.
    public var asOf: FuzzyDate?
    /// Transaction-time bound: events up to this position of the log.
    public var atSeq: Int64?
    /// Transaction-time bound: events recorded at or before this RFC 3339 instant.
    public var knownAt: String? {
        didSet { knownInstant = knownAt.flatMap { Instant(rfc3339: $0) } }
    }
    private var knownInstant: Instant?

    public init(asOf: FuzzyDate? = nil, atSeq: Int64? = nil, knownAt: String? = nil) {
        self.asOf = asOf
        self.atSeq = atSeq
        self.knownAt = knownAt
        self.knownInstant = knownAt.flatMap { Instant(rfc3339: $0) }
    }

    /// The whole log, every fact.
    public static let all = TimeSlice()

    /// Whether `knownAt` is absent or reads as an RFC 3339 instant or a date.
    public var knownAtIsValid: Bool { knownAt == nil || knownInstant != nil }

    /// Whether a transaction-time bound is set.
    public var boundsTransactionTime: Bool { atSeq != nil || knownAt != nil }

    /// The same slice without its valid-time bound.
    public var withoutAsOf: TimeSlice { TimeSlice(atSeq: atSeq, knownAt: knownAt) }

    /// Valid time: whether a fact that occurred on `occurred` is visible.
    public func admitsValid(_ occurred: FuzzyDate) -> Bool {
        guard let asOf else { return true }
        guard let limit = asOf.latestDay, let first = occurred.earliestDay else { return false }
        return first.sortKey <= limit.sortKey
    }

    /// Transaction time: whether an event at `seq`, recorded at `recordedAt`, is visible.
    public func admitsTransaction(seq: Int64, recordedAt: String) -> Bool {
        if let atSeq, seq > atSeq { return false }
        guard let knownAt else { return true }
        if let bound = knownInstant, let at = Instant(rfc3339: recordedAt, dateMeansEndOfDay: false) {
            return at <= bound
        }
        return recordedAt <= knownAt
    }

    /// Whether `event` is visible: transaction time for every event, valid time for facts.
    public func admits(_ event: RecordedEvent) -> Bool {
        guard admitsTransaction(seq: event.seq, recordedAt: event.recordedAt) else { return false }
        return event.type.isDomain ? admitsValid(event.occurred) : true
    }

    /// The bounds as query results echo them: `asOf`, `atSeq`, `knownAt` (null when unset).
    public var echo: [String: JSONValue] {
        ["asOf": asOf.map { .string($0.description) } ?? .null,
         "atSeq": atSeq.map { .int($0) } ?? .null,
         "knownAt": knownAt.map { .string($0) } ?? .null]
    }
}

/// A closed range of valid time, `[from, to]`, by day: a fact belongs when its earliest day
/// is on or after the first day of `from` and on or before the last day of `to`. Facts with
/// an unknown year belong only to the unbounded period.
public struct ValidPeriod: Hashable, Sendable {
    public var from: FuzzyDate?
    public var to: FuzzyDate?

    public init(from: FuzzyDate? = nil, to: FuzzyDate? = nil) {
        self.from = from
        self.to = to
    }

    /// The whole of time.
    public static let always = ValidPeriod()

    /// Whether a fact that occurred on `occurred` falls in the period.
    public func contains(_ occurred: FuzzyDate) -> Bool {
        if from == nil && to == nil { return true }
        guard let day = occurred.earliestDay?.sortKey else { return false }
        if let from {
            guard let lo = from.earliestDay?.sortKey, day >= lo else { return false }
        }
        if let to {
            guard let hi = to.latestDay?.sortKey, day <= hi else { return false }
        }
        return true
    }
}
