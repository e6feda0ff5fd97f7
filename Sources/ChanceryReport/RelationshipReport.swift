import ChanceryDomain
import ChanceryProjections
import Plot

/// One bilateral relationship as a self-contained HTML page: header and state card, SVG
/// timeline and trade chart, agreements and history tables, and the evidence behind every
/// mark and row. Built from the projections' query results; inline CSS and SVG, no script,
/// no external resource, system fonts.
public struct RelationshipReport: Sendable {
    public var pair: StreamID
    /// Display names of the two countries (the code is shown when a name is missing).
    public var names: [CountryCode: String]
    /// `state A B`.
    public var state: BilateralSnapshot
    /// `history A B`: every fact, withdrawn ones included.
    public var history: History
    /// `trade A B`.
    public var trade: TradeSeries
    /// `agreements A B`.
    public var agreements: AgreementList
    /// The log position and the evidence's articles and rules.
    public var context: ReportContext

    public init(pair: StreamID, names: [CountryCode: String], state: BilateralSnapshot, history: History,
                trade: TradeSeries, agreements: AgreementList, context: ReportContext) {
        self.pair = pair; self.names = names; self.state = state; self.history = history
        self.trade = trade; self.agreements = agreements; self.context = context
    }

    /// `Iran` for `IR` (the code when no name was given).
    func name(_ c: CountryCode) -> String { names[c] ?? c.rawValue }

    /// `Iran – Kazakhstan`.
    var title: String { "\(name(pair.first)) – \(name(pair.second))" }

    /// Every fact the page shows, by id: the history's, plus any the other results carry.
    var factsByID: [String: FactRecord] {
        var out = [String: FactRecord]()
        for f in state.facts + trade.lines.flatMap(\.points) + agreements.items { out[f.id] = f }
        for f in history.items { out[f.id] = f }
        return out
    }

    /// The facts of the evidence section, in timeline order.
    var evidenceFacts: [FactRecord] {
        factsByID.values.sorted(by: FactRecord.timelineOrder)
    }

    /// The page.
    public var html: String {
        let page = HTML(
            .lang(.english),
            .head(
                .encoding(.utf8),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"),
                      .content(PageStyle.contentSecurityPolicy)),
                .meta(.name("generator"), .content("chancery report")),
                .element(named: "title", nodes: [.verbatim("\(title) (\(pair)) · Chancery report")]),
                .style(PageStyle.css)
            ),
            .body(
                .header(ReportHeader.nodes(self)),
                .nav(.attr("aria-label", "Sections"), ReportHeader.navigation),
                .main(
                    StateCard.section(self),
                    TimelineChart(report: self).section,
                    TradeChart(report: self).section,
                    FactTables.agreements(self),
                    FactTables.history(self),
                    EvidenceSection.section(self)
                ),
                .footer(ReportHeader.footer(context))
            )
        )
        return page.render()
    }
}
