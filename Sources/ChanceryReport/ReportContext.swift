import ChanceryDomain

/// What the report needs beyond the projections: where the log stands, and for the evidence
/// the articles' names, dates and languages and the rule behind each event.
public struct ReportContext: Hashable, Sendable {
    /// A position of the hash chain.
    public struct LogPosition: Hashable, Sendable {
        public var seq: Int64
        public var hash: String
        public init(seq: Int64, hash: String) { self.seq = seq; self.hash = hash }
    }

    /// An article, as the evidence names it.
    public struct Article: Hashable, Sendable {
        /// SHA-256 (hex) of its bytes.
        public var sha256: String
        /// The file name.
        public var name: String
        /// The publication date (`YYYY-MM-DD`, `--MM-DD`), if known.
        public var published: String?
        /// Its language code (`kk`, `ru`, `en`), for the quotes' `lang`.
        public var language: String?

        public init(sha256: String, name: String, published: String? = nil, language: String? = nil) {
            self.sha256 = sha256; self.name = name; self.published = published; self.language = language
        }
    }

    /// The head of the log that `verify` checked: its last seq and hash.
    public var head: LogPosition
    /// Where the report reads up to when a transaction-time bound stops it before the head
    /// (the last event at or before `--at-seq`); `nil` when it reads the whole log.
    public var reads: LogPosition?
    /// The articles by SHA-256.
    public var articles: [String: Article]
    /// The extraction rule (or `manual`) of each event, by event id (facts and corroborations).
    public var rules: [String: String]

    public init(head: LogPosition, reads: LogPosition? = nil, articles: [String: Article] = [:], rules: [String: String] = [:]) {
        self.head = head; self.reads = reads; self.articles = articles; self.rules = rules
    }
}
