/// An event as the log holds it: the export's envelope.
public struct RecordedEvent: Hashable, Sendable {
    public var seq: Int64
    public var id: String
    public var version: Int
    public var stream: StreamID
    public var occurred: FuzzyDate
    public var occurredUntil: FuzzyDate?
    public var recordedAt: String
    public var data: EventData
    public var source: Provenance
    public var prevHash: String
    public var hash: String

    public init(seq: Int64, id: String, version: Int = 1, stream: StreamID, occurred: FuzzyDate,
                occurredUntil: FuzzyDate? = nil, recordedAt: String, data: EventData, source: Provenance,
                prevHash: String, hash: String) {
        self.seq = seq; self.id = id; self.version = version; self.stream = stream; self.occurred = occurred
        self.occurredUntil = occurredUntil; self.recordedAt = recordedAt; self.data = data; self.source = source
        self.prevHash = prevHash; self.hash = hash
    }

    /// The type of the payload.
    public var type: EventType { data.type }

    /// The envelope as a JSON object; without `hash` it is what the chain covers.
    public func json(includingHash: Bool = true) -> JSONValue {
        var o: [String: JSONValue] = [
            "seq": .int(seq), "id": .string(id), "type": .string(type.rawValue), "version": .int(Int64(version)),
            "stream": .string(stream.description), "occurred": .string(occurred.description),
            "recordedAt": .string(recordedAt), "data": data.json, "source": source.json, "prevHash": .string(prevHash),
        ]
        if let u = occurredUntil { o["occurredUntil"] = .string(u.description) }
        if includingHash { o["hash"] = .string(hash) }
        return .object(o)
    }

    /// One export line (canonical JSON, no trailing newline).
    public var exportLine: String { CanonicalJSON.string(json()) }
}

/// An export line that does not describe a valid event.
public struct EnvelopeError: Error, CustomStringConvertible, Sendable, Equatable {
    public let field: String
    public let problem: String
    public init(field: String, problem: String) { self.field = field; self.problem = problem }
    public var description: String { "\(field): \(problem)" }
}

extension RecordedEvent {
    /// Reads an export line's object, upcasting older payload versions with `upcasters`.
    public init(json: JSONValue, upcasters: Upcasters = .standard) throws(EnvelopeError) {
        guard json.objectValue != nil else { throw EnvelopeError(field: "line", problem: "is not a JSON object") }
        func str(_ k: String) throws(EnvelopeError) -> String {
            guard let s = json[k]?.stringValue else { throw EnvelopeError(field: k, problem: "missing or not a string") }
            return s
        }
        guard let seq = json["seq"]?.intValue, seq >= 1 else { throw EnvelopeError(field: "seq", problem: "missing or not a positive integer") }
        guard let version = json["version"]?.intValue else { throw EnvelopeError(field: "version", problem: "missing or not an integer") }
        let typeName = try str("type")
        guard let type = EventType(rawValue: typeName) else { throw EnvelopeError(field: "type", problem: "unknown event type \"\(typeName)\"") }
        guard let stream = StreamID(try str("stream")), stream.description == (try str("stream")) else {
            throw EnvelopeError(field: "stream", problem: "not a sorted pair such as IR-KZ")
        }
        guard let occurred = FuzzyDate(try str("occurred")) else { throw EnvelopeError(field: "occurred", problem: "not a date") }
        var until: FuzzyDate?
        if let u = json["occurredUntil"], u != .null {
            guard let s = u.stringValue, let d = FuzzyDate(s) else { throw EnvelopeError(field: "occurredUntil", problem: "not a date") }
            until = d
        }
        guard let rawData = json["data"] else { throw EnvelopeError(field: "data", problem: "missing") }
        let data: EventData
        do {
            let upcast = try upcasters.upcast(type: type, version: Int(version), data: rawData)
            data = try EventData(type: type, json: upcast)
        } catch let e as PayloadError {
            throw EnvelopeError(field: "data", problem: e.description)
        } catch let e as UpcastError {
            throw EnvelopeError(field: "version", problem: e.description)
        } catch {
            throw EnvelopeError(field: "data", problem: "\(error)")
        }
        let source: Provenance
        do { source = try Provenance(json: json["source"] ?? .null) } catch { throw EnvelopeError(field: "source", problem: error.description) }
        self.init(seq: seq, id: try str("id"), version: Int(version), stream: stream, occurred: occurred, occurredUntil: until,
                  recordedAt: try str("recordedAt"), data: data, source: source, prevHash: try str("prevHash"), hash: try str("hash"))
    }
}
