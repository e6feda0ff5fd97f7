import Plot

/// Inline SVG elements built as Plot nodes (Plot has no SVG vocabulary of its own).
enum SVG {
    /// An element `name` with attributes (values escaped) and children.
    static func element(_ name: String, _ attributes: [(String, String)], _ children: [Body] = []) -> Body {
        .element(named: name, nodes: attributes.map { Body.attr($0.0, $0.1) } + children)
    }

    /// `<svg>` with a `viewBox`, an accessible title and description.
    static func root(width: Double, height: Double, title: String, description: String, classes: String,
                     _ children: [Body]) -> Body {
        element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(n(width)) \(n(height))"),
                        ("width", n(width)), ("height", n(height)),
                        ("role", "img"), ("class", classes), ("preserveAspectRatio", "xMinYMin meet")],
                [element("title", [], [.verbatim(title)]), element("desc", [], [.verbatim(description)])] + children)
    }

    static func group(_ attributes: [(String, String)], _ children: [Body]) -> Body {
        element("g", attributes, children)
    }

    static func title(_ text: String) -> Body { element("title", [], [.verbatim(text)]) }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) -> Body {
        element("line", [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("class", cls)])
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String, extra: [(String, String)] = []) -> Body {
        element("rect", [("x", n(x)), ("y", n(y)), ("width", n(max(w, 0))), ("height", n(max(h, 0))), ("class", cls)] + extra)
    }

    static func text(_ x: Double, _ y: Double, _ s: String, _ cls: String, anchor: String = "start") -> Body {
        element("text", [("x", n(x)), ("y", n(y)), ("class", cls), ("text-anchor", anchor)], [.verbatim(s)])
    }

    /// A link to a fragment of the page (`href`, SVG 2).
    static func link(to fragment: String, label: String, _ attributes: [(String, String)], _ children: [Body]) -> Body {
        element("a", [("href", "#" + fragment), ("aria-label", label)] + attributes, children)
    }

    /// A coordinate with at most one decimal.
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == r.rounded(), abs(r) < 1e12 { return String(Int64(r)) }
        return String(r)
    }
}
