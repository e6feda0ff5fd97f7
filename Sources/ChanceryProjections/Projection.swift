import ChanceryDomain

/// A state that a projection folds the log into: checkpointed by the last `seq` applied and
/// serialisable to a `JSONValue` (restoring it and folding on gives exactly what folding
/// the whole log would have).
public protocol ProjectionState: Hashable, Sendable {
    /// The state before any event.
    init()
    /// The `seq` of the last event applied (0 for none).
    var checkpoint: Int64 { get }
    /// The state as a JSON value.
    var json: JSONValue { get }
    /// Restores a state written by `json`.
    init(json: JSONValue) throws(StateDecodingError)
}

/// A pure fold of the log: `evolve` applies one event, in `seq` order, to the state.
public protocol Projection {
    associatedtype State: ProjectionState
    /// Applies one event. Events at or before the state's checkpoint are skipped, so
    /// catching up from a checkpoint may safely re-read the event at the checkpoint.
    static func evolve(_ state: inout State, _ event: RecordedEvent)
}

extension Projection {
    /// Folds `events` (in `seq` order) into `state`, keeping only what `slice` admits:
    /// transaction time (`atSeq`, `knownAt`) for every event, valid time (`asOf`) for facts.
    public static func fold(_ events: some Sequence<RecordedEvent>, slice: TimeSlice = .all,
                            into state: State = State()) -> State {
        var s = state
        if slice == .all {
            for e in events { evolve(&s, e) }
        } else {
            for e in events where slice.admits(e) { evolve(&s, e) }
        }
        return s
    }
}

/// A projection whose state is a `FactLedger` kept under a fixed policy.
public protocol LedgerProjection: Projection where State == LedgerState<Self> {
    /// The name written into the serialised state (checked on restore).
    static var name: String { get }
    /// Which facts the ledger keeps.
    static var policy: FactLedger.Policy { get }
}

extension LedgerProjection {
    public static func evolve(_ state: inout State, _ event: RecordedEvent) {
        guard event.seq > state.checkpoint else { return }
        state.checkpoint = event.seq
        state.ledger.apply(event, policy: policy)
    }
}

/// The state of a `LedgerProjection`: its ledger and checkpoint.
public struct LedgerState<P: LedgerProjection>: ProjectionState {
    public var ledger: FactLedger
    public var checkpoint: Int64

    public init() {
        ledger = FactLedger()
        checkpoint = 0
    }

    /// `{"projection": name, "checkpoint": seq, "ledger": {"index", "streams"}}`.
    public var json: JSONValue {
        .object(["projection": .string(P.name), "checkpoint": .int(checkpoint), "ledger": ledger.json])
    }

    public init(json: JSONValue) throws(StateDecodingError) {
        let f = try Fields(json, path: "")
        let name = try f.string("projection")
        guard name == P.name else { throw StateDecodingError(path: "projection", problem: "is \(name), expected \(P.name)") }
        checkpoint = try f.int("checkpoint")
        ledger = try FactLedger(json: try f.value("ledger"), path: "ledger")
    }

    /// The kept facts of `pair` that `slice` admits in valid time, in timeline order.
    public func facts(of pair: StreamID, slice: TimeSlice = .all) -> [FactRecord] {
        guard let s = ledger.streams[pair] else { return [] }
        var out = [FactRecord]()
        out.reserveCapacity(s.facts.count)
        for r in s.facts.values where slice.admitsValid(r.occurred) { out.append(r) }
        out.sort(by: FactRecord.timelineOrder)
        return out
    }
}
