/// An event decided but not yet appended: the store gives it `seq`, `recordedAt` and its
/// place in the hash chain.
public struct PendingEvent: Hashable, Sendable {
    public var id: String
    public var stream: StreamID
    public var occurred: FuzzyDate
    public var occurredUntil: FuzzyDate?
    public var data: EventData
    public var source: Provenance
    public var version: Int

    public init(id: String, stream: StreamID, occurred: FuzzyDate, occurredUntil: FuzzyDate? = nil,
                data: EventData, source: Provenance, version: Int = 1) {
        self.id = id; self.stream = stream; self.occurred = occurred; self.occurredUntil = occurredUntil
        self.data = data; self.source = source; self.version = version
    }

    /// The type of the payload.
    public var type: EventType { data.type }

    /// The text an id is derived from: everything about the event except bookkeeping
    /// (seq, time of recording, chain). Same content and source, same id.
    public static func identityText(stream: StreamID, occurred: FuzzyDate, occurredUntil: FuzzyDate?,
                                    data: EventData, source: Provenance) -> String {
        var o: [String: JSONValue] = [
            "type": .string(data.type.rawValue), "stream": .string(stream.description),
            "occurred": .string(occurred.description), "data": data.json, "source": source.json,
        ]
        if let u = occurredUntil { o["occurredUntil"] = .string(u.description) }
        return CanonicalJSON.string(.object(o))
    }
}
