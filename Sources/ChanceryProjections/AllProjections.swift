import ChanceryDomain

/// The five projections folded together in one pass over the log (replay, catch-up).
public enum AllProjections: Projection {
    public typealias State = ProjectionSet

    public static func evolve(_ state: inout ProjectionSet, _ event: RecordedEvent) {
        BilateralStateProjection.evolve(&state.bilateral, event)
        TimelineProjection.evolve(&state.timeline, event)
        TradeSeriesProjection.evolve(&state.trade, event)
        AgreementsProjection.evolve(&state.agreements, event)
        PartnersProjection.evolve(&state.partners, event)
    }
}

/// The states of the five projections.
public struct ProjectionSet: ProjectionState {
    public var bilateral: BilateralStateProjection.State
    public var timeline: TimelineProjection.State
    public var trade: TradeSeriesProjection.State
    public var agreements: AgreementsProjection.State
    public var partners: PartnersProjection.State

    public init() {
        bilateral = .init(); timeline = .init(); trade = .init(); agreements = .init(); partners = .init()
    }

    /// The lowest checkpoint of the five (where a catch-up must start from).
    public var checkpoint: Int64 {
        min(bilateral.checkpoint, timeline.checkpoint, trade.checkpoint, agreements.checkpoint, partners.checkpoint)
    }

    /// `{"bilateral","timeline","trade","agreements","partners"}`, each a `LedgerState.json`.
    public var json: JSONValue {
        .object(["bilateral": bilateral.json, "timeline": timeline.json, "trade": trade.json,
                 "agreements": agreements.json, "partners": partners.json])
    }

    public init(json: JSONValue) throws(StateDecodingError) {
        let f = try Fields(json, path: "")
        bilateral = try .init(json: try f.value("bilateral"))
        timeline = try .init(json: try f.value("timeline"))
        trade = try .init(json: try f.value("trade"))
        agreements = try .init(json: try f.value("agreements"))
        partners = try .init(json: try f.value("partners"))
    }
}
