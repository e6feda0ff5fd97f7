import Plot

/// Strict escaping for text that comes from articles and the log.
///
/// Plot escapes text nodes but keeps sequences that look like entities (`&amp;` stays `&amp;`
/// and shows as `&`) and does not escape attribute values at all. A quote must show exactly
/// as the article has it, so every piece of data goes through these instead.
enum Escape {
    /// `&`, `<` and `>` as entities: safe as element content.
    static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe inside a double-quoted attribute value.
    static func attribute(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A fragment id made of `[A-Za-z0-9_-]` only (event ids are hex; anything else is
    /// replaced), so it is valid in `id` and `href="#…"` alike.
    static func fragment(_ s: String) -> String {
        String(s.map { c in
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "_"
        })
    }
}

extension Node {
    /// Text shown exactly as given (escaped strictly, see `Escape`).
    static func verbatim(_ text: String) -> Node { .raw(Escape.text(text)) }

    /// An attribute whose value is escaped strictly.
    static func attr(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// `class="…"`.
    static func cls(_ names: String) -> Node { .attr("class", names) }
}

/// Body content: the context of everything the report builds below `<body>`.
typealias Body = Node<HTML.BodyContext>
