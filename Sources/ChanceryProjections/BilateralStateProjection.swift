import ChanceryDomain

/// The state of each bilateral relationship: the facts still standing (retracted ones are
/// dropped), with the articles that report them. Queried with `snapshot(_:pair:slice:)`.
public enum BilateralStateProjection: LedgerProjection {
    public typealias State = LedgerState<BilateralStateProjection>
    public static let name = "bilateral"
    public static let policy = FactLedger.Policy(keepsRetracted: false)

    /// What `state A B` shows: the pair's contact span, visits, talks, agreements, latest
    /// trade figures and sources, as of `slice.asOf` in valid time. Transaction-time bounds
    /// (`atSeq`, `knownAt`) are applied by `fold(_:slice:)`; here they are only echoed.
    public static func snapshot(_ state: State, pair: StreamID, slice: TimeSlice = .all) -> BilateralSnapshot {
        BilateralSnapshot(pair: pair, facts: state.facts(of: pair, slice: slice), slice: slice)
    }

    /// Folds `events` with `slice` and takes the snapshot of `pair`.
    public static func snapshot(_ events: some Sequence<RecordedEvent>, pair: StreamID, slice: TimeSlice = .all) -> BilateralSnapshot {
        snapshot(fold(events, slice: slice), pair: pair, slice: slice)
    }
}
