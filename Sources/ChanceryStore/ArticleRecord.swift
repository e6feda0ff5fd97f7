/// An ingested article as the store keeps it: its original bytes and what was read of them.
public struct ArticleRecord: Sendable, Hashable {
    /// SHA-256 (hex) of `bytes`.
    public var sha256: String
    /// The file name.
    public var name: String
    /// The original bytes, exactly as read.
    public var bytes: [UInt8]
    /// `kk`, `ru`, `en` (or `manual` for a curator's record).
    public var language: String
    /// The publication date used (`YYYY-MM-DD` or `--MM-DD`), if known.
    public var published: String?
    /// When it was ingested (RFC 3339 UTC).
    public var ingestedAt: String

    public init(sha256: String, name: String, bytes: [UInt8], language: String, published: String?, ingestedAt: String) {
        self.sha256 = sha256; self.name = name; self.bytes = bytes; self.language = language
        self.published = published; self.ingestedAt = ingestedAt
    }
}

/// Which events to read.
public struct EventFilter: Sendable, Hashable {
    public var stream: String?
    public var type: String?
    public var sinceSeq: Int64
    public var throughSeq: Int64?
    public init(stream: String? = nil, type: String? = nil, sinceSeq: Int64 = 0, throughSeq: Int64? = nil) {
        self.stream = stream; self.type = type; self.sinceSeq = sinceSeq; self.throughSeq = throughSeq
    }
}
