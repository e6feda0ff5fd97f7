import ChanceryDomain
import ChanceryProjections
import Plot

/// The shape that stands for an event type, so colour is never the only carrier of meaning.
enum MarkShape: String, CaseIterable, Sendable {
    case circle, square, diamond, triangle

    /// The shape of `type`'s marks: visits circles, talks squares, agreements diamonds,
    /// trade figures triangles.
    init(_ type: EventType) {
        switch type {
        case .visitStarted: self = .circle
        case .talksHeld: self = .square
        case .agreementSigned: self = .diamond
        default: self = .triangle
        }
    }

    /// The shape centred on (`x`, `y`), about `2r` across, with the classes `cls`.
    func node(x: Double, y: Double, r: Double, cls: String) -> Body {
        let n = SVG.n
        switch self {
        case .circle:
            return SVG.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", n(r)), ("class", cls)])
        case .square:
            let s = r * 0.9
            return SVG.rect(x - s, y - s, 2 * s, 2 * s, cls)
        case .diamond:
            let s = r * 1.25
            return SVG.element("path", [("d", "M\(n(x)),\(n(y - s)) L\(n(x + s)),\(n(y)) L\(n(x)),\(n(y + s)) L\(n(x - s)),\(n(y)) Z"),
                                        ("class", cls)])
        case .triangle:
            let s = r * 1.2
            return SVG.element("path", [("d", "M\(n(x)),\(n(y - s)) L\(n(x + s)),\(n(y + s * 0.8)) L\(n(x - s)),\(n(y + s * 0.8)) Z"),
                                        ("class", cls)])
        }
    }
}

/// How the report names and draws each of the four domain event types.
enum MarkStyle {
    /// The lanes of the timeline, top to bottom.
    static let lanes: [EventType] = EventType.domainTypes

    /// `Visits`, `Talks`, `Agreements`, `Trade figures`.
    static func lane(_ type: EventType) -> String {
        switch type {
        case .visitStarted: return "Visits"
        case .talksHeld: return "Talks"
        case .agreementSigned: return "Agreements"
        case .tradeFigureReported: return "Trade figures"
        case .eventCorroborated: return "Corroborations"
        case .eventRetracted: return "Retractions"
        }
    }

    /// The CSS class carrying the type's colour: `t-visit`, `t-talks`, `t-agreement`, `t-trade`.
    static func colour(_ type: EventType) -> String {
        switch type {
        case .visitStarted: return "t-visit"
        case .talksHeld: return "t-talks"
        case .agreementSigned: return "t-agreement"
        default: return "t-trade"
        }
    }

    /// A small inline SVG of the type's shape, for legends and table cells.
    static func icon(_ type: EventType, hollow: Bool = false) -> Body {
        SVG.element("svg", [("viewBox", "0 0 16 16"), ("width", "16"), ("height", "16"), ("class", "icon"),
                            ("aria-hidden", "true"), ("focusable", "false")],
                    [MarkShape(type).node(x: 8, y: 8, r: 5.5, cls: "shape \(colour(type))\(hollow ? " hollow" : "")")])
    }

    /// The radius of a mark reported by `sources` distinct articles (6 for one, growing, at most 13).
    static func radius(sources: Int) -> Double {
        min(13, 6 + 2.5 * Double(max(sources, 1) - 1))
    }

    /// Whether a fact is announced for the future rather than done (hollow marks).
    static func isPlanned(_ f: FactRecord) -> Bool { f.status == "planned" }

    /// The fragment id of a fact's evidence entry.
    static func evidenceID(_ factID: String) -> String { "ev-" + Escape.fragment(factID) }
}
