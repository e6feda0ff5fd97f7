import ChanceryDomain
import ChanceryProjections
import Plot

/// The state card: who, first and last contact, counts of visits, talks and agreements, the
/// latest trade figures, the sources and the log position (from `state A B` and its `counts`).
enum StateCard {
    static func section(_ r: RelationshipReport) -> Body {
        let s = r.state
        let counts = s.counts
        return .section(
            .id("state"), .cls("card"),
            .h2("State of the relationship"),
            .dl(
                .cls("facts"),
                item("Countries", .group(
                    .span(.cls("code"), .verbatim(r.pair.first.rawValue)), .text(" "), .verbatim(r.name(r.pair.first)),
                    .br(),
                    .span(.cls("code"), .verbatim(r.pair.second.rawValue)), .text(" "), .verbatim(r.name(r.pair.second))
                )),
                item("First contact", .verbatim(s.contact.first?.description ?? "—")),
                item("Last contact", .verbatim(s.contact.last?.description ?? "—")),
                item("Visits", tallies(total: s.visits.count, [
                    ("by direction", counts["visits"]?["byDirection"], { $0.replacingOccurrences(">", " → ") }),
                    ("by level", counts["visits"]?["byLevel"], { $0 }),
                    ("by status", counts["visits"]?["byStatus"], { $0 }),
                ])),
                item("Talks", tallies(total: s.talks.count, [
                    ("by format", counts["talks"]?["byFormat"], { $0 }),
                    ("by status", counts["talks"]?["byStatus"], { $0 }),
                ])),
                item("Agreements", agreements(s, counts)),
                item("Source articles", .group(
                    .strong(.verbatim(String(s.sources))),
                    .if(!s.files.isEmpty, .ul(.cls("files"), .forEach(s.files) { .li(.verbatim($0)) }))
                )),
                item("Log", .group(
                    .verbatim("verified head at seq \(r.context.head.seq)"), .br(),
                    .code(.cls("hash"), .verbatim(r.context.head.hash)),
                    .unwrap(r.context.reads) { p in
                        .group(.br(), .verbatim("report reads up to seq \(p.seq)"), .br(), .code(.cls("hash"), .verbatim(p.hash)))
                    }
                ))
            ),
            latestTrade(s)
        )
    }

    static func item(_ term: String, _ value: Body) -> Node<HTML.DescriptionListContext> {
        .div(.cls("fact"), .dt(.verbatim(term)), .dd(value))
    }

    /// `3` then lines such as `by direction: IR → KZ 2, KZ → IR 1`.
    static func tallies(total: Int, _ groups: [(String, JSONValue?, (String) -> String)]) -> Body {
        .group(
            .strong(.verbatim(String(total))),
            .forEach(groups) { label, value, show in
                let members = (value?.objectValue ?? [:]).sorted { $0.key < $1.key }
                return .if(!members.isEmpty, .group(
                    .br(),
                    .span(.cls("muted"), .verbatim(label + ": ")),
                    .verbatim(members.map { "\(show($0.key)) \($0.value.intValue ?? 0)" }.joined(separator: ", "))
                ))
            }
        )
    }

    static func agreements(_ s: BilateralSnapshot, _ counts: JSONValue) -> Body {
        let byStatus = counts["agreements"]?["byStatus"]
        let documents = counts["agreements"]?["documents"]
        func line(_ status: String) -> String {
            let n = byStatus?[status]?.intValue ?? 0
            let d = documents?[status]?.intValue ?? 0
            return "\(status) \(n)" + (d != n ? " (\(d) documents)" : "")
        }
        return .group(.strong(.verbatim(String(s.agreements.count))), .br(), .verbatim(line("signed") + ", " + line("planned")))
    }

    /// The latest figure of each series, linked to its evidence.
    static func latestTrade(_ s: BilateralSnapshot) -> Body {
        let keys = s.trade.keys.sorted()
        return .div(
            .cls("latest-trade"),
            .h3("Latest trade figures"),
            .if(keys.isEmpty, .p(.cls("muted"), .text("No trade figure reported."))),
            .if(!keys.isEmpty, .table(
                .thead(.tr(.th("Series"), .th("Value"), .th("Period"), .th("Reported"), .th("Sources"), .th(.cls("ev"), "Evidence"))),
                .tbody(.forEach(keys) { k in
                    let f = s.trade[k]!
                    let t = f.tradeFigure
                    return .tr(
                        .td(.verbatim(TradeChart.seriesName(k))),
                        .td(.cls("num"), .verbatim(t.map(FactText.amount) ?? "")),
                        .td(.verbatim(t?.period.map(FactText.period) ?? "—")),
                        .td(.verbatim(f.when)),
                        .td(.cls("num"), .verbatim(String(f.sourceCount))),
                        .td(.cls("ev"), EvidenceSection.link(f))
                    )
                })
            ))
        )
    }
}

private extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
