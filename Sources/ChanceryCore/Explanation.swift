import ChanceryDomain
import ChanceryStore

/// Where an event comes from, for `explain`: its article, the paragraph holding the quote,
/// the rule, and the events that corroborate or retract it.
public struct Explanation: Sendable {
    public var event: RecordedEvent
    public var article: ArticleRecord?
    /// The paragraph around the quote, split at the quote: before, quote, after.
    public var paragraph: (before: String, quote: String, after: String)?
    public var corroborations: [RecordedEvent]
    public var retractions: [RecordedEvent]
    /// When the event is itself a corroboration or retraction, the fact it refers to.
    public var target: RecordedEvent?

    /// Gathers the explanation of `event` from `store`.
    public static func make(store: EventStore, event: RecordedEvent) throws -> Explanation {
        let article = try store.article(sha256: event.source.article)
        var paragraph: (String, String, String)?
        if let a = article, event.source.span.count == 2 {
            let bytes = a.bytes
            let text = Array((String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)).utf8)
            let lo = event.source.span[0], hi = event.source.span[1]
            if lo >= 0, hi <= text.count, lo <= hi {
                var start = lo
                while start > 0 && !(text[start - 1] == 0x0A && start >= 2 && (text[start - 2] == 0x0A || isBlankLineBefore(text, start - 1))) { start -= 1 }
                var end = hi
                while end < text.count && !(text[end] == 0x0A && (end + 1 < text.count && (text[end + 1] == 0x0A || isBlankLineAfter(text, end + 1)))) { end += 1 }
                func s(_ r: Range<Int>) -> String { String(decoding: text[r], as: UTF8.self) }
                paragraph = (s(start..<lo).trimmingLeadingSpace(), s(lo..<hi), s(hi..<end))
            }
        }
        var corr = [RecordedEvent](), retr = [RecordedEvent]()
        for r in try store.references(to: event.id) {
            if r.type == .eventCorroborated { corr.append(r) } else { retr.append(r) }
        }
        var target: RecordedEvent?
        switch event.data {
        case .eventCorroborated(let c): target = try store.event(id: c.event)
        case .eventRetracted(let r): target = try store.event(id: r.event)
        default: break
        }
        return Explanation(event: event, article: article, paragraph: paragraph, corroborations: corr, retractions: retr, target: target)
    }

    private static func isBlankLineBefore(_ t: [UInt8], _ nl: Int) -> Bool {
        var k = nl - 1
        while k >= 0 && (t[k] == 0x20 || t[k] == 0x09 || t[k] == 0x0D) { k -= 1 }
        return k < 0 || t[k] == 0x0A
    }

    private static func isBlankLineAfter(_ t: [UInt8], _ from: Int) -> Bool {
        var k = from
        while k < t.count && (t[k] == 0x20 || t[k] == 0x09 || t[k] == 0x0D) { k += 1 }
        return k >= t.count || t[k] == 0x0A
    }

    /// Human-readable text; with `colour` the quote is highlighted, else it is marked »…«.
    public func render(colour: Bool) -> String {
        var s = "event      \(event.id)  seq \(event.seq)  \(event.type.rawValue)  \(event.stream)\n"
        s += "occurred   \(event.occurred)\(event.occurredUntil.map { " … \($0)" } ?? "")\n"
        s += "recorded   \(event.recordedAt)\n"
        s += "data       \(CanonicalJSON.string(event.data.json))\n"
        s += "article    \(event.source.file)  (sha256 \(event.source.article.prefix(16))…)"
        if let a = article { s += "  language \(a.language), published \(a.published ?? "unknown")" } else { s += "  (article bytes not in this store)" }
        s += "\n"
        s += "rule       \(event.source.rule)\n"
        s += "span       [\(event.source.span.map(String.init).joined(separator: ", ")))\n"
        if let t = target { s += "refers to  \(t.id)  seq \(t.seq)  \(t.type.rawValue)  from \(t.source.file)\n" }
        s += "\n"
        if let p = paragraph {
            let mark = colour ? "\u{1B}[1;33m" + p.quote + "\u{1B}[0m" : "»" + p.quote + "«"
            s += "    " + (p.before + mark + p.after).replacingOccurrences(of: "\n", with: "\n    ") + "\n\n"
        } else {
            s += "    quote: " + event.source.quote + "\n\n"
        }
        if corroborations.isEmpty { s += "corroborated by: none\n" }
        else {
            s += "corroborated by \(corroborations.count):\n"
            for c in corroborations { s += "  seq \(c.seq)  \(c.source.file)  «\(c.source.quote.prefix(140))»\n" }
        }
        if retractions.isEmpty { s += "retracted: no\n" }
        else { for r in retractions { s += "RETRACTED at seq \(r.seq) (\(r.recordedAt)): \(r.data.json["reason"]?.stringValue ?? "")\n" } }
        return s
    }
}

extension String {
    func trimmingLeadingSpace() -> String {
        String(self.drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }
}
