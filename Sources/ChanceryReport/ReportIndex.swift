import ChanceryDomain
import ChanceryProjections
import Plot

/// The index of `report --all`: every pair with a page, most active first.
public struct ReportIndex: Sendable {
    /// One pair: its state and history, and the file name of its page.
    public struct Entry: Sendable {
        public var pair: StreamID
        public var names: [CountryCode: String]
        public var state: BilateralSnapshot
        public var history: History
        public var file: String

        public init(pair: StreamID, names: [CountryCode: String], state: BilateralSnapshot, history: History, file: String) {
            self.pair = pair; self.names = names; self.state = state; self.history = history; self.file = file
        }

        /// Facts that still stand.
        public var facts: Int { history.items.filter { !$0.isRetracted }.count }
        var title: String { "\(names[pair.first] ?? pair.first.rawValue) – \(names[pair.second] ?? pair.second.rawValue)" }
    }

    public var entries: [Entry]
    public var context: ReportContext

    public init(entries: [Entry], context: ReportContext) {
        self.entries = entries
        self.context = context
    }

    /// The entries by activity: facts that stand, then source articles, then pair.
    public var ranked: [Entry] {
        entries.sorted { a, b in
            if a.facts != b.facts { return a.facts > b.facts }
            if a.state.sources != b.state.sources { return a.state.sources > b.state.sources }
            return a.pair < b.pair
        }
    }

    /// The index page.
    public var html: String {
        let rows = ranked
        let slice = rows.first?.state.slice ?? .all
        let head: Node<HTML.DocumentContext> = .head(
            .encoding(.utf8),
            .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
            .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(PageStyle.contentSecurityPolicy)),
            .meta(.name("generator"), .content("chancery report")),
            .element(named: "title", nodes: [.verbatim("Bilateral relationships · Chancery report")]),
            .style(PageStyle.css)
        )
        let summary = ReportHeader.sliceText(slice) + " \(rows.count) pair\(rows.count == 1 ? "" : "s"), most active first."
        let header: Body = .header(
            .p(.cls("kicker"), .text("Chancery · bilateral relationship reports")),
            .h1("Bilateral relationships"),
            .p(.cls("slice"), .verbatim(summary))
        )
        let body: Node<HTML.DocumentContext> = .body(header, .main(table(rows)), .footer(ReportHeader.footer(context)))
        return HTML(.lang(.english), head, body).render()
    }

    private func table(_ rows: [Entry]) -> Body {
        let headings = ["Rank", "Pair", "Countries", "Facts", "Visits", "Talks", "Agreements", "Trade figures", "Sources",
                        "First contact", "Last contact"]
        let head: Node<HTML.TableContext> = .thead(.tr(.forEach(headings) { .th(.verbatim($0)) }))
        let body: Node<HTML.TableContext> = .tbody(.forEach(rows.enumerated().map { $0 }) { n, e in row(n, e) })
        return .table(.cls("index"), head, body)
    }

    private func row(_ n: Int, _ e: Entry) -> Node<HTML.TableContext> {
        let trade = e.history.items.filter { $0.type == .tradeFigureReported && !$0.isRetracted }.count
        let numbers = [e.facts, e.state.visits.count, e.state.talks.count, e.state.agreements.count, trade, e.state.sources]
        let rank: Node<HTML.TableRowContext> = .td(.cls("num"), .verbatim(String(n + 1)))
        let link: Node<HTML.TableRowContext> = .td(.a(.attr("href", e.file), .span(.cls("code"), .verbatim(e.pair.description))))
        let counts: Node<HTML.TableRowContext> = .forEach(numbers) { .td(.cls("num"), .verbatim(String($0))) }
        let first: Node<HTML.TableRowContext> = .td(.verbatim(e.state.contact.first?.description ?? "—"))
        let last: Node<HTML.TableRowContext> = .td(.verbatim(e.state.contact.last?.description ?? "—"))
        return .tr(.attr("data-pair", e.pair.description), rank, link, .td(.verbatim(e.title)), counts, first, last)
    }
}
