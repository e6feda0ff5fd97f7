import ChanceryDomain
import ChanceryProjections
import Plot

/// The trade chart: each series' figures over the periods they cover, on a shared time axis.
/// Growth rates (percent) have their own panel around zero; levels get one panel per metric,
/// direction and unit, as bars over their period (points when no period is given); targets
/// are dashed lines in the panel of what they target. Figures whose date has no year are
/// listed apart.
struct TradeChart {
    enum Kind: String, Hashable, Sendable { case level, growth, target }

    struct Figure: Hashable, Sendable {
        var fact: FactRecord
        var figure: TradeFigureReported
        var key: TradeSeriesKey
        var kind: Kind
        /// The days the figure covers: its period, else the day it stands for; `nil` without a year.
        var days: ClosedRange<Int>?
        var hasPeriod: Bool
        /// The value with the sign of its change.
        var value: Double { figure.change == .decrease ? -figure.value : figure.value }
    }

    struct Panel: Hashable, Sendable {
        var title: String
        var unit: String
        var growth: Bool
        var figures: [Figure]
        var yMin = 0.0
        var yMax = 1.0
        var ticks: [Double] = []
    }

    static let width = 960.0
    static let gutter = 150.0
    static let right = 24.0
    static let plotHeight = 150.0
    static let panelGap = 74.0

    var report: RelationshipReport
    var panels: [Panel] = []
    var apart: [Figure] = []
    var scale: DayScale?

    init(report: RelationshipReport) {
        self.report = report
        layout()
    }

    /// `Trade turnover`, `Investment IR → KZ`.
    static func seriesName(_ k: TradeSeriesKey) -> String {
        let base: String
        switch k.metric {
        case .tradeTurnover: base = "Trade turnover"
        case .tradeTarget: base = "Trade target"
        case .exports: base = "Exports"
        case .imports: base = "Imports"
        case .investment: base = "Investment"
        case .freightVolume: base = "Freight volume"
        case .other: base = "Other figure"
        }
        return k.direction.map { "\(base) \($0.from.rawValue) → \($0.to.rawValue)" } ?? base
    }

    /// `trade turnover` from `Trade turnover` (country codes keep their case).
    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }

    /// `40 %`, `3 bn USD`: an axis label.
    static func axisLabel(_ v: Double, unit: String) -> String {
        if unit == "percent" { return "\(v > 0 ? "+" : "")\(FactText.number(v)) %" }
        let a = abs(v)
        if a >= 1e9 { return "\(FactText.number(v / 1e9)) bn" }
        if a >= 1e6 { return "\(FactText.number(v / 1e6)) mn" }
        if a >= 1e3 { return "\(FactText.number(v / 1e3)) k" }
        return FactText.number(v)
    }

    /// Round tick values covering `lo...hi` (about four steps of 1, 2, 2.5 or 5 × 10ⁿ).
    static func niceTicks(_ lo: Double, _ hi: Double) -> [Double] {
        let span = max(hi - lo, 1e-9)
        let raw = span / 4
        var mag = 1.0
        while mag * 10 <= raw { mag *= 10 }
        while mag > raw { mag /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
        var t = (lo / step).rounded(.down) * step
        var out = [Double]()
        while out.count < 20 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            if t >= hi - step * 1e-9 { break }
            t += step
        }
        return out
    }

    private mutating func layout() {
        var figures = [Figure]()
        for line in report.trade.lines {
            for p in line.points {
                guard let t = p.tradeFigure else { continue }
                let kind: Kind = t.metric == .tradeTarget ? .target : (t.unit == "percent" ? .growth : .level)
                var days: ClosedRange<Int>?
                var hasPeriod = false
                if let per = t.period, let r = Days.range(from: per.from, to: per.to) {
                    days = r
                    hasPeriod = true
                } else {
                    days = Days.range(p.tradeDate)
                }
                figures.append(Figure(fact: p, figure: t, key: line.key, kind: kind, days: days, hasPeriod: hasPeriod))
            }
        }
        apart = figures.filter { $0.days == nil }
        let placed = figures.filter { $0.days != nil }

        // Panels: percent figures together; levels by metric (a target joins turnover), direction and unit.
        var order = [String]()
        var groups = [String: Panel]()
        for f in placed {
            let growth = f.figure.unit == "percent"
            let metric: TradeMetric = f.key.metric == .tradeTarget ? .tradeTurnover : f.key.metric
            let id = growth ? "percent" : "\(metric.rawValue)|\(f.key.direction.map { "\($0.from)>\($0.to)" } ?? "")|\(f.figure.unit)"
            if groups[id] == nil {
                order.append(id)
                groups[id] = Panel(title: "", unit: f.figure.unit, growth: growth, figures: [])
            }
            groups[id]!.figures.append(f)
        }
        panels = order.sorted { a, b in (a == "percent" ? 0 : 1, a) < (b == "percent" ? 0 : 1, b) }.map { id in
            var p = groups[id]!
            var names = [String]()
            for f in p.figures where !names.contains(TradeChart.seriesName(f.key)) { names.append(TradeChart.seriesName(f.key)) }
            p.title = p.growth ? "Growth rates, % change (\(names.joined(separator: ", ")))"
                : "\(names.joined(separator: " and ")), \(p.unit)"
            let values = p.figures.map(\.value)
            let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 1)
            let pad = (hi - lo) * 0.15
            p.ticks = TradeChart.niceTicks(lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0)
            p.yMin = p.ticks.first ?? 0
            p.yMax = max(p.ticks.last ?? 1, p.yMin + 1e-9)
            return p
        }

        // The time axis fits the figures (a target without a period spans the panel instead).
        var lo = Int.max, hi = Int.min
        for f in placed where f.kind != .target || f.hasPeriod || placed.allSatisfy({ $0.kind == .target }) {
            lo = min(lo, f.days!.lowerBound)
            hi = max(hi, f.days!.upperBound)
        }
        if lo <= hi { scale = DayScale(fitting: lo...hi, x0: TradeChart.gutter, x1: TradeChart.width - TradeChart.right) }
    }

    var height: Double { Double(panels.count) * (TradeChart.plotHeight + TradeChart.panelGap) + 8 }

    /// The accessible name and tooltip of a figure.
    static func describe(_ f: Figure) -> String {
        var s = "\(seriesName(f.key)): \(FactText.amount(f.figure))"
        if let p = f.figure.period { s += " over \(FactText.period(p))" } else { s += ", no period given" }
        if f.kind == .target { s += " (target)" }
        s += "; reported \(f.fact.when)"
        if let r = f.figure.reportedBy { s += " by \(r)" }
        s += "; \(f.fact.sourceCount) source article\(f.fact.sourceCount == 1 ? "" : "s")"
        return s + "."
    }

    private func panelNodes(_ p: Panel, index: Int, top: Double, scale s: DayScale) -> [Body] {
        let plotTop = top + 26
        let plotBottom = plotTop + TradeChart.plotHeight
        func y(_ v: Double) -> Double { plotBottom - (v - p.yMin) / (p.yMax - p.yMin) * TradeChart.plotHeight }
        var nodes: [Body] = [
            SVG.text(s.x0, top + 14, p.title, "heading"),
            SVG.rect(s.x0, plotTop, s.x1 - s.x0, TradeChart.plotHeight, "plot-bg"),
        ]
        for t in p.ticks {
            nodes.append(SVG.line(s.x0, y(t), s.x1, y(t), t == 0 ? "axis" : "grid"))
            nodes.append(SVG.text(s.x0 - 8, y(t) + 4, TradeChart.axisLabel(t, unit: p.unit), "tick", anchor: "end"))
        }
        for t in s.ticks {
            nodes.append(SVG.line(t.x, plotBottom, t.x, plotBottom + 5, "axis"))
            nodes.append(SVG.text(t.x, plotBottom + 19, t.label, "tick", anchor: "middle"))
        }
        nodes.append(SVG.text(TradeChart.gutter - 8, top + 14, p.growth ? "%" : p.unit, "unit", anchor: "end"))

        // Bars over the same period share its width side by side.
        var sameExtent = [ClosedRange<Int>: [Figure]]()
        for f in p.figures where f.kind != .target && f.hasPeriod { sameExtent[f.days!, default: []].append(f) }
        var marks = [Body]()
        for (n, f) in p.figures.enumerated() {
            let series = "s\(n % 6)"
            let label = (p.growth ? "\(FactText.amount(f.figure)) \(TradeChart.lowerFirst(TradeChart.seriesName(f.key)))"
                         : (f.kind == .target ? "target \(FactText.amount(f.figure))" : FactText.amount(f.figure)))
            var children: [Body] = [SVG.title(TradeChart.describe(f))]
            let d = f.days!
            switch f.kind {
            case .target:
                let (x0, x1) = f.hasPeriod ? (s.x(Double(d.lowerBound)), s.x(Double(d.upperBound + 1))) : (s.x0, s.x1)
                children.append(SVG.line(x0, y(f.value), x1, y(f.value), "target \(series)"))
                children.append(SVG.text(x1 - 4, y(f.value) - 6, label, "value", anchor: "end"))
            case .level where f.hasPeriod, .growth where f.hasPeriod:
                // The value over its whole period: a light area with a strong top edge, so figures
                // over the same period overlap without one hiding another; their labels spread out.
                let group = sameExtent[d] ?? [f]
                let k = Double(group.count), i = Double(group.firstIndex(of: f) ?? 0)
                let bx0 = s.x(Double(d.lowerBound)), bx1 = s.x(Double(d.upperBound + 1))
                let (top, bottom) = (min(y(f.value), y(0)), max(y(f.value), y(0)))
                children.append(SVG.rect(bx0 + 1, top, max(bx1 - bx0 - 2, 2), bottom - top, "bar \(series)"))
                children.append(SVG.line(bx0 + 1, y(f.value), bx1 - 1, y(f.value), "level \(series)"))
                let lx = bx0 + (bx1 - bx0) * (i + 1) / (k + 1)
                children.append(SVG.text(lx, f.value >= 0 ? top - 6 : bottom + 14, label, "value", anchor: "middle"))
            default:
                let x = s.centre(d)
                children.append(SVG.line(x, y(0), x, y(f.value), "stem \(series)"))
                children.append(SVG.element("circle", [("cx", SVG.n(x)), ("cy", SVG.n(y(f.value))), ("r", "5"), ("class", "point \(series)")]))
                children.append(SVG.text(x + 8, y(f.value) - 6, label, "value"))
            }
            marks.append(SVG.link(to: MarkStyle.evidenceID(f.fact.id), label: TradeChart.describe(f), [
                ("class", "figure-mark"), ("data-fact", f.fact.id), ("data-series", f.key.description),
                ("data-kind", f.kind.rawValue), ("data-unit", f.figure.unit), ("data-value", FactText.number(f.value)),
            ], children))
        }
        return [SVG.group([("class", "panel"), ("data-panel", p.growth ? "growth" : "level"), ("data-unit", p.unit)],
                          nodes + marks)]
    }

    var svg: Body {
        guard let s = scale else { return .empty }
        var nodes = [Body]()
        var top = 4.0
        for (n, p) in panels.enumerated() {
            nodes += panelNodes(p, index: n, top: top, scale: s)
            top += TradeChart.plotHeight + TradeChart.panelGap
        }
        return SVG.root(width: TradeChart.width, height: height, title: "Trade figures of \(report.title)",
                        description: "\(panels.count) panels over a shared time axis: growth rates in percent, levels by metric and unit as bars over their periods, targets as dashed lines.",
                        classes: "chart trade", nodes)
    }

    /// Every figure of every series as a row.
    var table: Body {
        let rows = report.trade.lines.flatMap { l in l.points.map { (l.key, $0) } }
        return .table(
            .cls("figures"),
            .caption(.text("All trade figures, by series")),
            .thead(.tr(.th("Series"), .th("Value"), .th("Period"), .th("Reported"), .th("By"), .th("Sources"), .th(.cls("ev"), "Evidence"))),
            .tbody(.forEach(rows) { key, f in
                let t = f.tradeFigure
                return .tr(
                    .td(.verbatim(TradeChart.seriesName(key))),
                    .td(.cls("num"), .verbatim(t.map(FactText.amount) ?? "")),
                    .td(.verbatim(t?.period.map(FactText.period) ?? "—")),
                    .td(.verbatim(f.when)),
                    .td(.verbatim(t?.reportedBy ?? "")),
                    .td(.cls("num"), .verbatim(String(f.sourceCount))),
                    .td(.cls("ev"), EvidenceSection.link(f))
                )
            })
        )
    }

    var section: Body {
        .section(
            .id("trade"),
            .h2("Trade"),
            .if(panels.isEmpty && apart.isEmpty, .p(.cls("muted"), .text("No trade figure reported for this pair."))),
            .if(!panels.isEmpty, .div(.cls("figure"), svg)),
            .if(!apart.isEmpty, .p(.cls("note"), .text("Figures whose date has no year, not placed on the axis: "),
                                   .forEach(apart) { f in
                                       .group(EvidenceSection.link(f.fact, text: TradeChart.describe(f)), .text(" "))
                                   })),
            .if(!report.trade.lines.isEmpty, table)
        )
    }
}
