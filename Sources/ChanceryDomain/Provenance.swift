/// Where a fact comes from: the article, the verbatim sentence, its byte span and the rule.
public struct Provenance: Hashable, Sendable {
    /// SHA-256 (hex) of the article's bytes.
    public var article: String
    /// The article's file name.
    public var file: String
    /// The sentence that carries the fact, verbatim.
    public var quote: String
    /// `[start, end)` UTF-8 byte offsets of the quote in the article.
    public var span: [Int]
    /// The id of the extraction rule that fired, or `manual`.
    public var rule: String

    public init(article: String, file: String, quote: String, span: [Int], rule: String) {
        self.article = article; self.file = file; self.quote = quote; self.span = span; self.rule = rule
    }

    /// The export's `source` object.
    public var json: JSONValue {
        .object(["article": .string(article), "file": .string(file), "quote": .string(quote),
                 "span": .array(span.map { .int(Int64($0)) }), "rule": .string(rule)])
    }

    /// Reads the export's `source` object.
    public init(json: JSONValue) throws(PayloadError) {
        func s(_ k: String) throws(PayloadError) -> String {
            guard let v = json[k]?.stringValue else { throw PayloadError(type: nil, field: "source.\(k)", problem: "missing or not a string") }
            return v
        }
        guard let sp = json["span"]?.arrayValue, sp.count == 2, let a = sp[0].intValue, let b = sp[1].intValue else {
            throw PayloadError(type: nil, field: "source.span", problem: "must be two integers")
        }
        self.init(article: try s("article"), file: try s("file"), quote: try s("quote"), span: [Int(a), Int(b)], rule: try s("rule"))
    }
}
