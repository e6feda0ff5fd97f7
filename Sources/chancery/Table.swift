import ChanceryDomain
import ChanceryProjections

/// Aligned plain-text tables and CSV for the query commands.
enum Table {
    /// Columns padded to their widest cell (by characters), cells longer than
    /// `ChanceryProjections.Table.widestPadded` overflowing; the first row is the header.
    static func render(_ rows: [[String]], bold: Bool = Terminal.colour) -> String {
        let widths = ChanceryProjections.Table.columnWidths(rows)
        var s = ""
        for (n, r) in rows.enumerated() {
            var line = self.line(r, widths: widths)
            if n == 0 && bold { line = "\u{1B}[1m" + line + "\u{1B}[0m" }
            s += line + "\n"
        }
        return s
    }

    /// One row, each cell but the last padded to its column's width and two blanks.
    static func line(_ r: [String], widths: [Int]) -> String {
        var line = ""
        for (i, c) in r.enumerated() {
            let last = i == r.count - 1
            line += last ? c : c + String(repeating: " ", count: max(widths[i] - c.count, 0) + 2)
        }
        return line
    }

    /// RFC 4180 CSV.
    static func csv(_ rows: [[String]]) -> String {
        rows.map(csvLine).joined(separator: "\n") + "\n"
    }

    /// One CSV record (no line end).
    static func csvLine(_ r: [String]) -> String {
        r.map { c in
            c.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }.joined(separator: ",")
    }
}

/// One-line human summaries of payloads.
enum Summary {
    static func line(_ d: EventData) -> String {
        switch d {
        case .visitStarted(let v):
            var s = "\(v.visitor) → \(v.host) \(v.level.rawValue) visit"
            if let l = v.leader { s += ", \(l)" }
            if let p = v.place { s += ", \(p)" }
            if v.status == .planned { s += " (planned)" }
            return s
        case .talksHeld(let t):
            var s = "\(t.parties.map(\.rawValue).joined(separator: "–")) talks (\(t.format.rawValue))"
            if let p = t.place { s += ", \(p)" }
            if t.status == .planned { s += " (planned)" }
            return s
        case .agreementSigned(let a):
            var s = a.kind.rawValue.replacingOccurrences(of: "_", with: " ")
            if let c = a.count { s = "\(c) \(s)" }
            if !a.title.isEmpty { s += " «\(a.title)»" }
            return s + (a.status == .planned ? " (to be signed)" : " signed")
        case .tradeFigureReported(let t):
            var s = "\(t.metric.rawValue) "
            if let c = t.change { s += c == .increase ? "+" : "−" }
            s += t.unit == "percent" ? "\(number(t.value))%" : "\(number(t.value)) \(t.unit)"
            if let p = t.period { s += " (\(p.from)…\(p.to))" }
            if let d = t.direction { s += " \(d.from)→\(d.to)" }
            return s
        case .eventCorroborated(let c): return "corroborates \(c.event.prefix(12))"
        case .eventRetracted(let r): return "retracts \(r.event.prefix(12)): \(r.reason)"
        }
    }

    static func number(_ v: Double) -> String {
        if v.rounded() == v && abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
