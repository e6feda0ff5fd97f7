import ChanceryDomain

/// The registry of documents signed or planned between any two countries (retracted ones
/// dropped). Queried with `list(_:pair:status:slice:)`.
public enum AgreementsProjection: LedgerProjection {
    public typealias State = LedgerState<AgreementsProjection>
    public static let name = "agreements"
    public static let policy = FactLedger.Policy(types: [.agreementSigned], keepsRetracted: false)

    /// What `agreements [A B] [--status S]` shows: the agreements of `pair` (all pairs when
    /// nil) with `status` (any when nil), by pair then timeline order, as of `slice.asOf`.
    /// Transaction-time bounds are applied by `fold(_:slice:)`.
    public static func list(_ state: State, pair: StreamID? = nil, status: SigningStatus? = nil,
                            slice: TimeSlice = .all) -> AgreementList {
        let pairs = pair.map { [$0] } ?? state.ledger.streams.keys.sorted()
        var items = [FactRecord]()
        for p in pairs {
            for f in state.facts(of: p, slice: slice) {
                guard case .agreementSigned(let a) = f.data, status == nil || a.status == status else { continue }
                items.append(f)
            }
        }
        return AgreementList(pair: pair, status: status, slice: slice, items: items)
    }

    /// Folds `events` with `slice` and lists the agreements.
    public static func list(_ events: some Sequence<RecordedEvent>, pair: StreamID? = nil, status: SigningStatus? = nil,
                            slice: TimeSlice = .all) -> AgreementList {
        list(fold(events, slice: slice), pair: pair, status: status, slice: slice)
    }
}

/// Agreements across pairs: the answer to `agreements`.
public struct AgreementList: Hashable, Sendable {
    public var pair: StreamID?
    public var status: SigningStatus?
    public var slice: TimeSlice
    public var items: [FactRecord]

    public init(pair: StreamID?, status: SigningStatus?, slice: TimeSlice, items: [FactRecord]) {
        self.pair = pair; self.status = status; self.slice = slice; self.items = items
    }

    /// An array of `{"pair","id","occurred","parties","title","kind","count"?,"status","sources","files"}`.
    public var json: JSONValue { .array(items.map(AgreementList.itemJSON)) }

    /// One item of `json`.
    public static func itemJSON(_ f: FactRecord) -> JSONValue {
        var o = f.itemJSON.objectValue ?? [:]
        o["pair"] = .string(f.stream.description)
        return .object(o)
    }

    /// Rows `pair | occurred | kind | title | count | status | sources | id`.
    public var table: Table { Table(header: AgreementList.tableHeader, rows: items.compactMap(AgreementList.row)) }

    /// The header of `table`.
    public static let tableHeader = ["pair", "occurred", "kind", "title", "count", "status", "sources", "id"]

    /// The row of an agreement (`nil` for another fact).
    public static func row(_ f: FactRecord) -> [String]? {
        guard case .agreementSigned(let a) = f.data else { return nil }
        return [f.stream.description, f.when, a.kind.rawValue, a.title, a.count.map(String.init) ?? "",
                a.status.rawValue, String(f.sourceCount), f.id]
    }
}
