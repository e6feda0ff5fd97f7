import ChanceryDomain

/// Every fact of every pair, withdrawn ones kept and marked, with all the articles that
/// report them. Queried with `history(_:pair:period:type:slice:)`.
public enum TimelineProjection: LedgerProjection {
    public typealias State = LedgerState<TimelineProjection>
    public static let name = "timeline"
    public static let policy = FactLedger.Policy(keepsRetracted: true)

    /// What `history A B` shows: the facts of `pair` in timeline order (by `occurred`, then
    /// `seq`; year-unknown dates first), those in `period` (year-unknown facts only when the
    /// period is unbounded) and of `type` when given, as of `slice.asOf`. Transaction-time
    /// bounds are applied by `fold(_:slice:)`; here they are only echoed.
    public static func history(_ state: State, pair: StreamID, period: ValidPeriod = .always, type: EventType? = nil,
                               slice: TimeSlice = .all) -> History {
        let items = state.facts(of: pair, slice: slice).filter { f in
            period.contains(f.occurred) && (type == nil || f.type == type)
        }
        return History(pair: pair, period: period, type: type, slice: slice, items: items)
    }

    /// Folds `events` with `slice` and takes the history of `pair`.
    public static func history(_ events: some Sequence<RecordedEvent>, pair: StreamID, period: ValidPeriod = .always,
                               type: EventType? = nil, slice: TimeSlice = .all) -> History {
        history(fold(events, slice: slice), pair: pair, period: period, type: type, slice: slice)
    }
}

/// The facts of a pair in timeline order: the answer to `history A B`.
public struct History: Hashable, Sendable {
    public var pair: StreamID
    public var period: ValidPeriod
    public var type: EventType?
    public var slice: TimeSlice
    /// The facts, withdrawn ones included (with their `retraction`).
    public var items: [FactRecord]

    public init(pair: StreamID, period: ValidPeriod, type: EventType?, slice: TimeSlice, items: [FactRecord]) {
        self.pair = pair; self.period = period; self.type = type; self.slice = slice; self.items = items
    }

    /// An array of `FactRecord.historyJSON`: `{"id","seq","type","occurred","data","summary",
    /// "sources":[file names],"corroborations","retracted","retraction"?,"evidence",...}`.
    public var json: JSONValue { .array(items.map(\.historyJSON)) }

    /// Rows `seq | occurred | type | summary | sources | corroborations | retracted | id`.
    public var table: Table { Table(header: History.tableHeader, rows: items.map(History.row)) }

    /// The header of `table`.
    public static let tableHeader = ["seq", "occurred", "type", "summary", "sources", "corroborations", "retracted", "id"]

    /// The row of one fact.
    public static func row(_ f: FactRecord) -> [String] {
        [String(f.seq), f.when, f.type.rawValue, f.summary, f.files.joined(separator: ", "),
         String(f.corroborations), f.retraction.map { "yes: \($0.reason)" } ?? "", f.id]
    }
}
