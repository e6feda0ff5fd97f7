import ChanceryDomain

/// What a projection needs to know of an event another event names, read without decoding
/// its payload: where it is, what it is and, for a corroboration or retraction, the event it
/// names in turn.
public struct EventHead: Sendable, Hashable {
    public var seq: Int64
    public var stream: String
    /// `nil` for a type name this build does not know.
    public var type: EventType?
    public var version: Int
    /// The `event` member of a corroboration's or retraction's payload.
    public var named: String?
}

extension EventStore {
    /// The head of the event `id`, if stored.
    public func head(ofEvent id: String) throws -> EventHead? {
        let s = try db.prepare("SELECT seq, id, type, version, payload, stream FROM events WHERE id = ?")
        defer { s.reset() }
        s.bind(1, id)
        guard try s.step() else { return nil }
        let row = EventRowView(s)
        let type = row.type
        var named: String?
        if let type, !type.isDomain { named = row.withBytes(.payload) { CanonicalJSON.stringMember("event", in: $0) } }
        return EventHead(seq: row.seq, stream: s.string(5), type: type, version: row.version, named: named)
    }
}
