import ChanceryDomain
import ChanceryProjections
import Plot

/// The agreements registry and the history as tables, for readers who prefer text.
enum FactTables {
    static func agreements(_ r: RelationshipReport) -> Body {
        let items = r.agreements.items
        return .section(
            .id("agreements"),
            .h2("Agreements"),
            .if(items.isEmpty, .p(.cls("muted"), .text("No agreement recorded."))),
            .if(!items.isEmpty, .table(
                .thead(.tr(.th("Occurred"), .th("Kind"), .th("Title"), .th("Documents"), .th("Status"), .th("Sources"), .th(.cls("ev"), "Evidence"))),
                .tbody(.forEach(items) { f in
                    guard case .agreementSigned(let a) = f.data else { return .empty }
                    return .tr(
                        .attr("data-fact", f.id),
                        .td(.verbatim(f.when)),
                        .td(.verbatim(a.kind.rawValue.split(separator: "_").joined(separator: " "))),
                        .td(.verbatim(a.title.isEmpty ? "—" : a.title)),
                        .td(.cls("num"), .verbatim(a.count.map(String.init) ?? "")),
                        .td(MarkStyle.icon(.agreementSigned, hollow: a.status == .planned), .text(" "), .verbatim(a.status.rawValue)),
                        .td(.cls("num"), .verbatim(String(f.sourceCount))),
                        .td(.cls("ev"), EvidenceSection.link(f))
                    )
                })
            ))
        )
    }

    static func history(_ r: RelationshipReport) -> Body {
        let items = r.history.items
        return .section(
            .id("history"),
            .h2("History"),
            .p(.cls("muted"), .text("Every fact in timeline order (dates without a year first), retracted ones included and struck through.")),
            .if(items.isEmpty, .p(.cls("muted"), .text("No fact recorded."))),
            .if(!items.isEmpty, .table(
                .thead(.tr(.th("Seq"), .th("Occurred"), .th("Type"), .th("Summary"), .th("Status"), .th("Sources"),
                           .th("Corroborations"), .th("Retracted"), .th(.cls("ev"), "Evidence"))),
                .tbody(.forEach(items) { f in
                    .tr(
                        .attr("data-fact", f.id),
                        .if(f.isRetracted, .cls("retracted")),
                        .td(.cls("num"), .verbatim(String(f.seq))),
                        .td(.verbatim(f.when)),
                        .td(MarkStyle.icon(f.type, hollow: MarkStyle.isPlanned(f)), .text(" "), .verbatim(MarkStyle.lane(f.type))),
                        .td(.cls("summary"), .verbatim(f.summary)),
                        .td(.verbatim(f.status ?? "")),
                        .td(.cls("files"), .verbatim(f.files.joined(separator: ", "))),
                        .td(.cls("num"), .verbatim(String(f.corroborations))),
                        .td(.verbatim(f.retraction.map { "yes: \($0.reason)" } ?? "")),
                        .td(.cls("ev"), EvidenceSection.link(f))
                    )
                })
            ))
        )
    }
}
