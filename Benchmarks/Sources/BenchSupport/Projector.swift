import ChanceryDomain
import ChanceryStore
import ChanceryCore
#if canImport(ChanceryProjections)
import ChanceryProjections
#endif

/// How the benchmark keeps and queries the projections: what runs inside each append
/// transaction, the rebuild that `replay` measures, and the `state` / `history` queries.
public protocol Projector {
    /// What this projector measures (written into the result).
    var name: String { get }
    /// Called inside each article's transaction with the events just appended.
    mutating func afterAppend(_ store: EventStore, _ tx: StoreTransaction, _ events: [RecordedEvent]) throws
    /// Rebuilds every projection from the log; returns the events applied.
    mutating func rebuild(_ store: EventStore) throws -> Int
    /// `state A B` (with `asOf` for `--as-of`); returns a size, so the work is not optimised away.
    mutating func state(_ store: EventStore, pair: StreamID, asOf: FuzzyDate?) throws -> Int
    /// `history A B`; returns the number of items.
    mutating func history(_ store: EventStore, pair: StreamID) throws -> Int
    /// Frees what the projector holds in memory.
    mutating func drop()
    /// Removes every projection row and checkpoint from the store (a rebuild from nothing).
    mutating func clear(_ store: EventStore) throws
}

extension Projector {
    public mutating func clear(_ store: EventStore) throws { drop() }
}

#if canImport(ChanceryProjections)
/// The pure folds, kept in memory: `AllProjections.evolve` on each appended event, replay
/// with `forEachEvent`, queries on the folded state (nothing persisted).
public struct FoldProjector: Projector {
    var live = ProjectionSet()
    public init() {}
    public var name: String { "in-memory folds (AllProjections.evolve); queries on the folded state" }

    public mutating func afterAppend(_ store: EventStore, _ tx: StoreTransaction, _ events: [RecordedEvent]) throws {
        for e in events { AllProjections.evolve(&live, e) }
    }

    public mutating func rebuild(_ store: EventStore) throws -> Int {
        live = ProjectionSet()
        var n = 0
        try store.forEachEvent { e in
            AllProjections.evolve(&live, e)
            n += 1
        }
        return n
    }

    public mutating func state(_ store: EventStore, pair: StreamID, asOf: FuzzyDate?) throws -> Int {
        let s = BilateralStateProjection.snapshot(live.bilateral, pair: pair, slice: TimeSlice(asOf: asOf))
        return s.visits.count + s.talks.count + s.agreements.count + s.trade.count + s.sources
    }

    public mutating func history(_ store: EventStore, pair: StreamID) throws -> Int {
        TimelineProjection.history(live.timeline, pair: pair).items.count
    }

    public mutating func drop() { live = ProjectionSet() }
}
#endif

/// No projections at all: the store alone (for the `--no-projections` split).
public struct NullProjector: Projector {
    public init() {}
    public var name: String { "none" }
    public mutating func afterAppend(_ store: EventStore, _ tx: StoreTransaction, _ events: [RecordedEvent]) throws {}
    public mutating func rebuild(_ store: EventStore) throws -> Int {
        var n = 0
        try store.forEachEvent { _ in n += 1 }
        return n
    }
    public mutating func state(_ store: EventStore, pair: StreamID, asOf: FuzzyDate?) throws -> Int { 0 }
    public mutating func history(_ store: EventStore, pair: StreamID) throws -> Int { 0 }
    public mutating func drop() {}

    public mutating func clear(_ store: EventStore) throws {
        try store.write { tx in
            for name in [ProjectionKeeper.factsName, ProjectionKeeper.pairsName, ProjectionKeeper.checkpointName] {
                try tx.clearProjection(name)
            }
        }
    }
}

/// The persisted projections as the CLI keeps and reads them: `ProjectionKeeper.apply`
/// inside each append transaction (the hook `Ingestor` installs), `ProjectionKeeper.rebuild`
/// for replay, `QueryService.writeStateJSON` / `.writeHistoryJSON` for the queries (what
/// `state --json` and `history --json` print).
public struct KeeperProjector: Projector {
    public init() {}
    public var name: String { "persisted (ProjectionKeeper in each append; queries written as state/history --json)" }

    public mutating func afterAppend(_ store: EventStore, _ tx: StoreTransaction, _ events: [RecordedEvent]) throws {
        try ProjectionKeeper(store: store).apply(events, in: tx)
    }

    public mutating func rebuild(_ store: EventStore) throws -> Int {
        try ProjectionKeeper(store: store).rebuild().events
    }

    /// `state A B --json` as the CLI writes it (a fact at a time), into a byte count.
    public mutating func state(_ store: EventStore, pair: StreamID, asOf: FuzzyDate?) throws -> Int {
        var bytes = 0
        try QueryService(store: store).writeStateJSON(pair, slice: TimeSlice(asOf: asOf)) { bytes += $0.count }
        return bytes
    }

    /// `history A B --json` as the CLI writes it, into a byte count.
    public mutating func history(_ store: EventStore, pair: StreamID) throws -> Int {
        var bytes = 0
        try QueryService(store: store).writeHistoryJSON(pair) { bytes += $0.count }
        return bytes
    }

    public mutating func drop() {}

    public mutating func clear(_ store: EventStore) throws {
        try store.write { tx in
            for name in [ProjectionKeeper.factsName, ProjectionKeeper.pairsName, ProjectionKeeper.checkpointName] {
                try tx.clearProjection(name)
            }
        }
    }
}
