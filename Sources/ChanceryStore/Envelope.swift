import ChanceryDomain

/// Writes an event's canonical JSON straight from its stored columns (payload and source
/// are stored canonical), so the chain, verify and export never decode a payload.
enum Envelope {
    struct Columns {
        var seq: Int64
        var id: String
        var type: String
        var version: Int64
        var stream: String
        var occurred: String
        var occurredUntil: String?
        var recordedAt: String
        var payload: [UInt8]
        var source: [UInt8]
        var prevHash: String
    }

    private static func key(_ k: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// The canonical JSON of the event; with `hash`, one export line.
    static func bytes(_ c: Columns, hash: String?) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(c.payload.count + c.source.count + 400)
        out.append(UInt8(ascii: "{"))
        key("data", &out, first: true); out.append(contentsOf: c.payload)
        if let hash { key("hash", &out); CanonicalJSON.writeString(hash, into: &out) }
        key("id", &out); CanonicalJSON.writeString(c.id, into: &out)
        key("occurred", &out); CanonicalJSON.writeString(c.occurred, into: &out)
        if let u = c.occurredUntil { key("occurredUntil", &out); CanonicalJSON.writeString(u, into: &out) }
        key("prevHash", &out); CanonicalJSON.writeString(c.prevHash, into: &out)
        key("recordedAt", &out); CanonicalJSON.writeString(c.recordedAt, into: &out)
        key("seq", &out); out.append(contentsOf: Array(String(c.seq).utf8))
        key("source", &out); out.append(contentsOf: c.source)
        key("stream", &out); CanonicalJSON.writeString(c.stream, into: &out)
        key("type", &out); CanonicalJSON.writeString(c.type, into: &out)
        key("version", &out); out.append(contentsOf: Array(String(c.version).utf8))
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The chain hash of the event.
    static func hash(_ c: Columns) -> String {
        Hashing.chain(prevHash: c.prevHash, body: bytes(c, hash: nil))
    }
}

/// What the article chain covers for one article row.
enum ArticleEnvelope {
    static func bytes(n: Int64, sha256: String, name: String, language: String, published: String?, ingestedAt: String, prevHash: String) -> [UInt8] {
        var o: [String: JSONValue] = [
            "n": .int(n), "sha256": .string(sha256), "name": .string(name), "language": .string(language),
            "ingestedAt": .string(ingestedAt), "prevHash": .string(prevHash),
        ]
        if let published { o["published"] = .string(published) }
        return CanonicalJSON.bytes(.object(o))
    }
}
