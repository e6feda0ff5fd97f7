import ChanceryDomain
import ChanceryProjections
import Plot

/// The evidence: one `<details>` entry per fact, with every article that reports it (the
/// verbatim quote, the article's name and date, the rule that fired), the corroborating
/// articles and the retraction, if any. Marks and rows elsewhere link here.
enum EvidenceSection {
    /// A link to the evidence of `f`.
    static func link<C: HTML.BodyContext>(_ f: FactRecord, text: String = "quote") -> Node<C> {
        .a(.attr("href", "#" + MarkStyle.evidenceID(f.id)), .cls("ev-link"),
           .attr("aria-label", "Evidence: \(f.summary)"), .verbatim(text))
    }

    static func section(_ r: RelationshipReport) -> Body {
        let facts = r.evidenceFacts
        return .section(
            .id("evidence"),
            .h2("Evidence"),
            .p(.cls("muted"), .verbatim("\(facts.count) fact\(facts.count == 1 ? "" : "s"), each with the sentences that report it, verbatim.")),
            .forEach(facts) { entry($0, r.context) }
        )
    }

    static func entry(_ f: FactRecord, _ c: ReportContext) -> Body {
        let planned = MarkStyle.isPlanned(f)
        return .details(
            .open(true),
            .id(MarkStyle.evidenceID(f.id)),
            .cls("evidence" + (f.isRetracted ? " retracted" : "")),
            .attr("data-fact", f.id), .attr("data-type", f.type.rawValue),
            .summary(
                MarkStyle.icon(f.type, hollow: planned), .text(" "),
                .span(.cls("when"), .verbatim(f.when)), .text(" "),
                .span(.cls("what"), .verbatim(f.summary)),
                .if(planned, .span(.cls("badge"), .text("planned"))),
                .if(f.isRetracted, .span(.cls("badge alert"), .text("retracted")))
            ),
            .p(.cls("meta"), .verbatim("\(MarkStyle.lane(f.type)) · event \(f.id) · seq \(f.seq) · recorded \(f.recordedAt) · "
                + "\(f.sourceCount) source article\(f.sourceCount == 1 ? "" : "s")"
                + (f.corroborations > 0 ? ", \(f.corroborations) corroboration\(f.corroborations == 1 ? "" : "s")" : ""))),
            .ol(.cls("sources"), .forEach(f.sources.enumerated().map { $0 }) { n, s in source(s, first: n == 0, c) }),
            .unwrap(f.retraction) { rt in
                .p(.cls("retraction"), .strong("Retracted"),
                   .verbatim(" at seq \(rt.seq) (\(rt.recordedAt), event \(rt.event)): "),
                   .span(.cls("reason"), .verbatim(rt.reason)))
            }
        )
    }

    static func source(_ s: SourceRef, first: Bool, _ c: ReportContext) -> Node<HTML.ListContext> {
        let article = c.articles[s.article]
        let lang = article?.language ?? ""
        return .li(
            .cls("source"), .attr("data-role", first ? "reported" : "corroborated"),
            .blockquote(.cls("quote"), .if(!lang.isEmpty, .attr("lang", lang)), .verbatim(s.quote)),
            .p(.cls("cite"),
               .strong(.text(first ? "Reported by " : "Corroborated by ")),
               .span(.cls("file"), .verbatim(article?.name ?? s.file)),
               .verbatim(", published \(article?.published ?? "date unknown")"),
               .text(" · rule "), .code(.verbatim(c.rules[s.event] ?? "unknown")),
               .text(" · event "), .code(.verbatim(s.event)), .verbatim(" (seq \(s.seq))"),
               .br(),
               .span(.cls("sha"), .verbatim("article sha256 \(s.article)")))
        )
    }
}
