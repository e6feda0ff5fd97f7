import ChanceryDomain

/// One-line human descriptions of facts and figures, for summaries, tables and the audit.
public enum FactText {
    /// `a, b, c` for up to `limit` items, else the first `limit` and `… and N more`.
    public static func list(_ items: [String], upTo limit: Int) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " … and \(items.count - limit) more"
    }

    /// `IR–KZ`: a pair with an en dash.
    public static func pair(_ s: StreamID) -> String { "\(s.first.rawValue)–\(s.second.rawValue)" }

    /// A one-line summary of a payload, e.g. `IR → KZ official visit, Masoud Pezeshkian, Astana`.
    public static func summary(_ data: EventData, stream: StreamID) -> String {
        switch data {
        case .visitStarted(let v):
            var s = "\(v.visitor.rawValue) → \(v.host.rawValue) "
            if v.level != .unspecified { s += "\(v.level.rawValue) " }
            s += "visit"
            if v.firstEver == true { s += " (first ever)" }
            if let l = v.leader { s += ", \(l)" }
            if let p = v.place { s += ", \(p)" }
            if v.status == .planned { s += " (planned)" }
            return s
        case .talksHeld(let t):
            var s = "\(pair(stream)) "
            if t.format != .unspecified { s += "\(t.format.rawValue) " }
            s += "talks"
            if !t.participants.isEmpty { s += ", " + t.participants.joined(separator: " and ") }
            if let p = t.place { s += ", \(p)" }
            if t.status == .planned { s += " (planned)" }
            return s
        case .agreementSigned(let a):
            var s = "\(pair(stream)) \(a.kind.rawValue.replacingUnderscores)"
            if let c = a.count { s += " ×\(c)" }
            if !a.title.isEmpty { s += " «\(a.title)»" }
            s += a.status == .signed ? " signed" : " (planned)"
            return s
        case .tradeFigureReported(let t):
            var s = t.direction.map { "\($0.from.rawValue) → \($0.to.rawValue)" } ?? pair(stream)
            s += " \(t.metric.rawValue.replacingUnderscores) \(amount(t))"
            if let p = t.period { s += " (\(period(p)))" }
            if let r = t.reportedBy { s += ", per \(r)" }
            return s
        case .eventCorroborated(let c):
            return "corroborates \(c.event)"
        case .eventRetracted(let r):
            return "retracts \(r.event): \(r.reason)"
        }
    }

    /// A figure's value with its unit: `+40 %`, `3 bn USD`, `17.8 mn USD`, `1200 tonnes`.
    public static func amount(_ t: TradeFigureReported) -> String {
        let sign: String
        switch t.change {
        case .increase?: sign = "+"
        case .decrease?: sign = "−"
        case nil: sign = ""
        }
        if t.unit == "percent" { return "\(sign)\(number(t.value)) %" }
        let a = abs(t.value)
        let scaled: String
        if a >= 1e9 { scaled = "\(number(t.value / 1e9)) bn" } else if a >= 1e6 { scaled = "\(number(t.value / 1e6)) mn" } else {
            scaled = number(t.value)
        }
        return "\(sign)\(scaled) \(t.unit)"
    }

    /// A number with at most two decimals and no trailing zeros: `17.8`, `3`, `0.25`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "\(d)" }
        let r = (d * 100).rounded() / 100
        if r == r.rounded(), abs(r) < 9e15 { return String(Int64(r)) }
        var s = String(r)
        if s.contains("e") { return s }
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// `2025-01..2025-10`.
    public static func period(_ p: Period) -> String { "\(p.from)..\(p.to)" }

    /// `—` for nothing.
    static func orDash(_ s: String?) -> String { s ?? "—" }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
