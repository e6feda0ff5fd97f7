import ChanceryDomain

/// The languages Chancery reads.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case kk, ru, en
}

/// An article read from its bytes: decoded text, language and publication date.
///
/// Byte spans of quotes are offsets into `text.utf8`, which is the file's bytes for a
/// UTF-8 file (the usual case); for a UTF-16 or Windows-1251 file it is the UTF-8 text
/// it decodes to.
public struct Article: Sendable, Hashable {
    /// The file name (no directory).
    public var name: String
    /// The decoded text.
    public var text: String
    /// The identified language.
    public var language: Language
    /// The publication date: the caller's `--published`, else the article's date line.
    public var published: FuzzyDate?

    public init(name: String, text: String, language: Language, published: FuzzyDate?) {
        self.name = name; self.text = text; self.language = language; self.published = published
    }
}

/// A fact the extractor proposes, before `decide` compares it with the log.
public struct Candidate: Sendable, Hashable {
    /// The domain payload (one of the four domain event types).
    public var data: EventData
    /// When it happened (valid time).
    public var occurred: FuzzyDate
    /// The last day of a span, if any.
    public var occurredUntil: FuzzyDate?
    /// The sentence that states it, verbatim.
    public var quote: String
    /// `[start, end)` UTF-8 byte offsets of `quote` in `Article.text`.
    public var span: Range<Int>
    /// The stable id of the rule that fired.
    public var rule: String
    /// Whether the sentence itself dates the fact (false: the date was taken from the
    /// article, e.g. its publication date). Candidates of one article whose date was not
    /// stated may join a dated fact of the same article.
    public var dateIsStated: Bool = true

    public init(data: EventData, occurred: FuzzyDate, occurredUntil: FuzzyDate? = nil, quote: String, span: Range<Int>, rule: String) {
        self.data = data; self.occurred = occurred; self.occurredUntil = occurredUntil
        self.quote = quote; self.span = span; self.rule = rule
    }

    /// The stream the fact belongs to.
    public var stream: StreamID? {
        guard let p = data.parties, p.count == 2 else { return nil }
        return StreamID(p[0], p[1])
    }
}

/// Why an article cannot be read. Each case says what is wrong and where.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case tooLarge(bytes: Int, limit: Int)
    case binary(offset: Int)
    case invalidEncoding(offset: Int)
    case unsupportedLanguage(String)

    public var description: String {
        switch self {
        case .empty: return "the file is empty (no text)"
        case .tooLarge(let n, let limit): return "the file is \(n) bytes, over the \(limit)-byte limit for an article"
        case .binary(let o): return "binary content (byte \(o) is not text)"
        case .invalidEncoding(let o): return "not UTF-8 text: invalid byte sequence at byte offset \(o)"
        case .unsupportedLanguage(let what): return "unsupported language (\(what)); Chancery reads Kazakh, Russian and English"
        }
    }
}

/// Turns article bytes into candidate facts. Pure: the same bytes give the same candidates.
public struct Extractor: Sendable {
    public init() {}

    /// Decodes, identifies and dates an article. `published` overrides the date line.
    public func read(bytes: [UInt8], name: String, published: FuzzyDate? = nil) throws(ArticleError) -> Article {
        let text = try ArticleDecoder.decode(bytes)
        guard let lang = LanguageIdentifier.identify(text) else {
            throw .unsupportedLanguage(LanguageIdentifier.describe(text))
        }
        return Article(name: name, text: text, language: lang, published: published ?? PublicationDateReader.read(text, language: lang))
    }

    /// The candidate facts of an article.
    public func candidates(in article: Article) -> [Candidate] {
        FactExtractor.extract(article)
    }
}
