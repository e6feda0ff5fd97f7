import ChanceryDomain
import ChanceryProjections
import Plot

/// The timeline: one lane per event type, a mark per fact of the history placed by
/// `occurred`. Shape and colour by type, hollow when planned, struck through when retracted,
/// size by the number of source articles. Facts whose year is unknown (`--MM-DD`) or that
/// have no date (`unknown`) are shown apart, in columns of their own, never on the axis.
struct TimelineChart {
    /// Where a mark is drawn.
    enum Placement: String, Hashable, Sendable {
        /// On the time axis (the year is known).
        case axis
        /// Apart: a day and month without a year.
        case yearUnknown = "year-unknown"
        /// Apart: no date at all.
        case undated
    }

    struct Mark: Hashable, Sendable {
        var fact: FactRecord
        var lane: Int
        var placement: Placement
        var x: Double
        var y: Double
        var r: Double
        /// The days the date covers (a coarse date or a span), when wider than the mark.
        var span: ClosedRange<Double>?
        /// Where the short label goes: right or left of the mark, or nowhere (no room).
        var label: LabelSide = .none
        var shape: MarkShape { MarkShape(fact.type) }
        var planned: Bool { MarkStyle.isPlanned(fact) }
        var retracted: Bool { fact.isRetracted }
    }

    enum LabelSide: Hashable, Sendable { case right, left, none }

    /// The room a short label needs beside its mark.
    static let labelRoom = 170.0

    /// A few words for a mark: `IR → KZ official visit`, `narrow talks`, `documents signed`, `+40 % trade turnover`.
    static func shortLabel(_ f: FactRecord) -> String {
        switch f.data {
        case .visitStarted(let v):
            return "\(v.visitor.rawValue) → \(v.host.rawValue) " + (v.level == .unspecified ? "" : "\(v.level.rawValue) ") + "visit"
                + (v.status == .planned ? " (planned)" : "")
        case .talksHeld(let t):
            return (t.format == .unspecified ? "" : "\(t.format.rawValue) ") + "talks" + (t.status == .planned ? " (planned)" : "")
        case .agreementSigned(let a):
            return a.kind.rawValue.split(separator: "_").joined(separator: " ") + (a.count.map { " ×\($0)" } ?? "")
                + (a.status == .signed ? " signed" : " (planned)")
        case .tradeFigureReported(let t):
            return "\(FactText.amount(t)) \(TradeChart.lowerFirst(TradeChart.seriesName(TradeSeriesKey(t))))"
        default:
            return f.summary
        }
    }

    /// A column of the apart panel: its centre and its date text.
    struct Column: Hashable, Sendable {
        var x: Double
        var label: String
    }

    static let width = 960.0
    static let gutter = 150.0
    static let right = 16.0
    static let top = 34.0
    static let rowHeight = 30.0
    static let lanePadding = 14.0
    static let axisSpace = 44.0
    static let columnWidth = 72.0

    var report: RelationshipReport
    var marks: [Mark] = []
    var scale: DayScale?
    var columns: [Column] = []
    /// The panel of facts shown apart: its left edge (`nil` when there are none).
    var apartX: Double?
    /// Each lane's top and height.
    var lanes: [(top: Double, height: Double)] = []
    var height = 0.0

    init(report: RelationshipReport) {
        self.report = report
        layout()
    }

    /// The facts drawn: the history's domain facts, withdrawn ones included.
    var facts: [FactRecord] { report.history.items.filter { $0.type.isDomain } }

    private static func apartOrder(_ a: FuzzyDate, _ b: FuzzyDate) -> Bool {
        switch (a, b) {
        case (.unknown, .unknown): return false
        case (.unknown, _): return false
        case (_, .unknown): return true
        default: return a.sortKey < b.sortKey
        }
    }

    private mutating func layout() {
        let dated = facts.filter { Days.range($0.occurred) != nil }
        let apart = facts.filter { Days.range($0.occurred) == nil }

        // The apart panel: one column per distinct date text, `--MM-DD` in calendar order, then `unknown`.
        var labels = [FuzzyDate]()
        for f in apart.sorted(by: { TimelineChart.apartOrder($0.occurred, $1.occurred) }) where !labels.contains(f.occurred) {
            labels.append(f.occurred)
        }
        let panelWidth = labels.isEmpty ? 0 : Double(labels.count) * TimelineChart.columnWidth
        var x1 = TimelineChart.width - TimelineChart.right
        if !labels.isEmpty {
            let left = dated.isEmpty ? TimelineChart.gutter : x1 - panelWidth
            apartX = left
            columns = labels.enumerated().map { n, d in
                Column(x: left + (Double(n) + 0.5) * TimelineChart.columnWidth, label: d.description)
            }
            x1 = left - 28
        }

        // The axis fits the dated facts (spans and coarse dates included).
        if !dated.isEmpty {
            var lo = Int.max, hi = Int.min
            for f in dated {
                let r = Days.range(f.occurred)!
                lo = min(lo, r.lowerBound)
                hi = max(hi, r.upperBound)
                if let u = f.occurredUntil.flatMap(Days.range) { hi = max(hi, u.upperBound) }
            }
            scale = DayScale(fitting: lo...hi, x0: TimelineChart.gutter, x1: x1)
        }

        // Rows within each lane, so marks on the same day do not hide each other.
        var placed = [(fact: FactRecord, lane: Int, placement: Placement, x: Double, span: ClosedRange<Double>?, row: Int)]()
        var rowsPerLane = Array(repeating: 1, count: MarkStyle.lanes.count)
        for (lane, type) in MarkStyle.lanes.enumerated() {
            var rowEnds = [Double]()
            let items: [(FactRecord, Double, ClosedRange<Double>?)] = dated.filter { $0.type == type }.map { f in
                let s = scale!
                let r = Days.range(f.occurred)!
                let x: Double
                if case .day = f.occurred { x = s.centre(r.lowerBound) } else { x = s.centre(r) }
                var spanEnd = r.upperBound
                if let u = f.occurredUntil.flatMap(Days.range) { spanEnd = max(spanEnd, u.upperBound) }
                let span = spanEnd > r.lowerBound || r.count > 1 ? s.x(Double(r.lowerBound))...s.x(Double(spanEnd + 1)) : nil
                return (f, x, span)
            }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.seq < $1.0.seq }
            for (f, x, span) in items {
                let row = rowEnds.firstIndex { x - $0 >= 30 } ?? rowEnds.count
                if row == rowEnds.count { rowEnds.append(x) } else { rowEnds[row] = x }
                placed.append((f, lane, .axis, x, span, row))
            }
            rowsPerLane[lane] = max(rowsPerLane[lane], rowEnds.count)
            for c in columns {
                let inColumn = apart.filter { $0.type == type && $0.occurred.description == c.label }.sorted { $0.seq < $1.seq }
                for (row, f) in inColumn.enumerated() {
                    placed.append((f, lane, f.occurred == .unknown ? .undated : .yearUnknown, c.x, nil, row))
                }
                rowsPerLane[lane] = max(rowsPerLane[lane], inColumn.count)
            }
        }

        var y = TimelineChart.top
        lanes = rowsPerLane.map { rows in
            let h = Double(rows) * TimelineChart.rowHeight + TimelineChart.lanePadding
            defer { y += h }
            return (y, h)
        }
        height = y + TimelineChart.axisSpace
        marks = placed.map { p in
            Mark(fact: p.fact, lane: p.lane, placement: p.placement, x: p.x,
                 y: lanes[p.lane].top + TimelineChart.lanePadding / 2 + (Double(p.row) + 0.5) * TimelineChart.rowHeight,
                 r: MarkStyle.radius(sources: p.fact.sourceCount), span: p.span)
        }
        // Label a mark when nothing else in its row is within reach on one side.
        for i in marks.indices where marks[i].placement == .axis {
            let m = marks[i]
            let row = marks.filter { $0.placement == .axis && $0.lane == m.lane && $0.y == m.y && $0 != m }
            let right = m.x + m.r + 6 + TimelineChart.labelRoom <= (scale?.x1 ?? 0) + 10
                && !row.contains { $0.x > m.x - 1 && $0.x - m.x < TimelineChart.labelRoom + 12 }
            let left = m.x - m.r - 6 - TimelineChart.labelRoom >= TimelineChart.gutter
                && !row.contains { $0.x < m.x + 1 && m.x - $0.x < TimelineChart.labelRoom + 12 }
            marks[i].label = right ? .right : (left ? .left : .none)
        }
        // Apart, only the last column has room beside it.
        if let last = columns.last {
            for i in marks.indices where marks[i].placement != .axis && marks[i].x == last.x
                && last.x + TimelineChart.columnWidth / 2 + TimelineChart.labelRoom <= TimelineChart.width - TimelineChart.right {
                marks[i].label = .right
            }
        }
    }

    /// The accessible name and tooltip of a mark.
    static func describe(_ f: FactRecord) -> String {
        var s = "\(MarkStyle.lane(f.type)): \(f.summary). Occurred \(f.when)"
        if let st = f.status { s += "; \(st)" }
        s += "; \(f.sourceCount) source article\(f.sourceCount == 1 ? "" : "s")"
        if let r = f.retraction { s += "; RETRACTED: \(r.reason)" }
        return s + "."
    }

    func markNode(_ m: Mark) -> Body {
        let f = m.fact
        var cls = "shape \(MarkStyle.colour(f.type))"
        if m.planned { cls += " hollow" }
        var children: [Body] = [SVG.title(TimelineChart.describe(f))]
        if let span = m.span {
            children.append(SVG.line(span.lowerBound, m.y, span.upperBound, m.y, "span \(MarkStyle.colour(f.type))"))
        }
        children.append(m.shape.node(x: m.x, y: m.y, r: m.r, cls: cls))
        if m.retracted {
            children.append(SVG.line(m.x - m.r - 5, m.y, m.x + m.r + 5, m.y, "strike"))
        }
        switch m.label {
        case .right: children.append(SVG.text(m.x + m.r + 6, m.y + 4, TimelineChart.shortLabel(f), "mark-label"))
        case .left: children.append(SVG.text(m.x - m.r - 6, m.y + 4, TimelineChart.shortLabel(f), "mark-label", anchor: "end"))
        case .none: break
        }
        return SVG.link(to: MarkStyle.evidenceID(f.id), label: TimelineChart.describe(f), [
            ("class", "mark" + (m.retracted ? " retracted" : "") + (m.planned ? " planned" : "")),
            ("data-fact", f.id), ("data-type", f.type.rawValue), ("data-shape", m.shape.rawValue),
            ("data-status", f.status ?? ""), ("data-retracted", m.retracted ? "true" : "false"),
            ("data-sources", String(f.sourceCount)), ("data-placement", m.placement.rawValue),
            ("data-occurred", f.occurred.description),
        ], children)
    }

    var svg: Body {
        let w = TimelineChart.width
        let bottom = height - TimelineChart.axisSpace
        var nodes = [Body]()
        for (n, lane) in lanes.enumerated() {
            let type = MarkStyle.lanes[n]
            nodes.append(SVG.rect(0, lane.top, w, lane.height, n % 2 == 0 ? "lane-bg even" : "lane-bg odd"))
            let cy = lane.top + lane.height / 2
            nodes.append(SVG.group([("class", "lane-label"), ("data-lane", type.rawValue)], [
                MarkShape(type).node(x: 16, y: cy, r: 6, cls: "shape \(MarkStyle.colour(type))"),
                SVG.text(30, cy + 4.5, MarkStyle.lane(type), "label"),
            ]))
        }
        if let s = scale {
            nodes.append(SVG.text(s.x0, 20, "By date of occurrence", "heading"))
            for t in s.ticks {
                nodes.append(SVG.line(t.x, TimelineChart.top, t.x, bottom + 5, "grid"))
                nodes.append(SVG.text(t.x, bottom + 20, t.label, "tick", anchor: "middle"))
            }
            nodes.append(SVG.line(s.x0, bottom, s.x1, bottom, "axis"))
        } else if apartX == nil {
            nodes.append(SVG.text(TimelineChart.gutter, 20, "No fact recorded", "heading"))
        }
        if let ax = apartX {
            nodes.append(SVG.line(ax - 12, 8, ax - 12, bottom + 30, "divider"))
            nodes.append(SVG.text(ax, 20, scale == nil ? "No fact with a known year: shown apart, not placed" : "Year unknown: shown apart, not placed", "heading"))
            for c in columns {
                nodes.append(SVG.text(c.x, bottom + 20, c.label, "tick apart-label", anchor: "middle"))
            }
        }
        let marksGroup = SVG.group([("class", "marks")], marks.map(markNode))
        return SVG.root(width: w, height: height, title: "Timeline of \(report.title)",
                        description: "One lane per event type; \(marks.count) facts. Circles are visits, squares talks, diamonds agreements, triangles trade figures; hollow marks are planned, struck-through marks retracted; larger marks have more source articles.",
                        classes: "chart timeline", nodes + [marksGroup])
    }

    static var legend: Body {
        .ul(
            .cls("legend"),
            .forEach(MarkStyle.lanes) { t in .li(MarkStyle.icon(t), .text(" "), .verbatim(MarkStyle.lane(t))) },
            .li(MarkStyle.icon(.visitStarted, hollow: true), .text(" hollow: planned, not (yet) happened")),
            .li(.span(.cls("strike-sample"), .text("struck through")), .text(": retracted")),
            .li(.text("larger: reported by more articles"))
        )
    }

    var section: Body {
        let apart = marks.filter { $0.placement != .axis }
        return .section(
            .id("timeline"),
            .h2("Timeline"),
            .div(.cls("figure"), svg),
            TimelineChart.legend,
            .if(!apart.isEmpty, .p(.cls("note"), .verbatim(
                "\(apart.count) fact\(apart.count == 1 ? " has" : "s have") a date without a year (or no date) and "
                    + "\(apart.count == 1 ? "is" : "are") shown apart, not placed on the axis: "
                    + apart.map { "\($0.fact.summary) (\($0.fact.occurred))" }.joined(separator: "; ") + "."))),
            .if(marks.isEmpty, .p(.cls("muted"), .text("No fact recorded for this pair.")))
        )
    }
}
