import ChanceryDomain

/// The first and last contact of a pair: over visits and talks that happened and documents
/// signed, leaving out year-unknown dates. First is the earliest `occurred`, last the latest
/// end (`occurredUntil` of a span, else `occurred`), both in timeline order (a coarser date
/// comes before the finer dates it contains: `2024` < `2024-08` < `2024-08-22`).
public struct ContactSpan: Hashable, Sendable {
    public var first: FuzzyDate?
    public var last: FuzzyDate?

    public init(first: FuzzyDate? = nil, last: FuzzyDate? = nil) {
        self.first = first
        self.last = last
    }

    /// The span of `facts` as `slice` sees them (a span is cut at `slice.asOf`).
    public init(_ facts: some Sequence<FactRecord>, slice: TimeSlice = .all) {
        self.init()
        for f in facts { include(f, slice: slice) }
    }

    /// Whether a fact counts as contact: a visit or talks that happened, a signed document.
    public static func isContact(_ r: FactRecord) -> Bool {
        switch r.data {
        case .visitStarted(let v): return v.status == .happened
        case .talksHeld(let t): return t.status == .happened
        case .agreementSigned(let a): return a.status == .signed
        default: return false
        }
    }

    /// Widens the span by `r` when it is contact with a known year.
    public mutating func include(_ r: FactRecord, slice: TimeSlice = .all) {
        guard ContactSpan.isContact(r), r.occurred.hasYear else { return }
        if first.map({ r.occurred < $0 }) ?? true { first = r.occurred }
        var end = r.occurred
        if let u = r.occurredUntil, u.hasYear, u > end, slice.admitsValid(u) { end = u }
        if last.map({ $0 < end }) ?? true { last = end }
    }
}
