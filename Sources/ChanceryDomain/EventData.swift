/// The payload of an event, one case per type.
public enum EventData: Hashable, Sendable {
    case visitStarted(VisitStarted)
    case talksHeld(TalksHeld)
    case agreementSigned(AgreementSigned)
    case tradeFigureReported(TradeFigureReported)
    case eventCorroborated(EventCorroborated)
    case eventRetracted(EventRetracted)

    /// The type this payload belongs to.
    public var type: EventType {
        switch self {
        case .visitStarted: return .visitStarted
        case .talksHeld: return .talksHeld
        case .agreementSigned: return .agreementSigned
        case .tradeFigureReported: return .tradeFigureReported
        case .eventCorroborated: return .eventCorroborated
        case .eventRetracted: return .eventRetracted
        }
    }

    /// The two countries the fact is about, sorted (nil for bookkeeping events).
    public var parties: [CountryCode]? {
        switch self {
        case .visitStarted(let v): return [v.visitor, v.host].sorted()
        case .talksHeld(let t): return t.parties
        case .agreementSigned(let a): return a.parties
        case .tradeFigureReported(let t): return t.parties
        case .eventCorroborated, .eventRetracted: return nil
        }
    }

    /// The payload as the export's `data` object (optional fields omitted when absent).
    public var json: JSONValue {
        var o = [String: JSONValue]()
        switch self {
        case .visitStarted(let v):
            o["visitor"] = .string(v.visitor.rawValue)
            o["host"] = .string(v.host.rawValue)
            if let l = v.leader { o["leader"] = .string(l) }
            o["level"] = .string(v.level.rawValue)
            if let p = v.place { o["place"] = .string(p) }
            if let f = v.firstEver { o["firstEver"] = .bool(f) }
            o["status"] = .string(v.status.rawValue)
        case .talksHeld(let t):
            o["parties"] = .array(t.parties.map { .string($0.rawValue) })
            o["participants"] = .array(t.participants.map { .string($0) })
            o["format"] = .string(t.format.rawValue)
            if let p = t.place { o["place"] = .string(p) }
            o["status"] = .string(t.status.rawValue)
        case .agreementSigned(let a):
            o["parties"] = .array(a.parties.map { .string($0.rawValue) })
            o["title"] = .string(a.title)
            o["kind"] = .string(a.kind.rawValue)
            if let c = a.count { o["count"] = .int(Int64(c)) }
            o["status"] = .string(a.status.rawValue)
        case .tradeFigureReported(let t):
            o["parties"] = .array(t.parties.map { .string($0.rawValue) })
            o["metric"] = .string(t.metric.rawValue)
            o["value"] = .number(t.value)
            o["unit"] = .string(t.unit)
            if let c = t.change { o["change"] = .string(c.rawValue) }
            if let p = t.period { o["period"] = .object(["from": .string(p.from), "to": .string(p.to)]) }
            if let d = t.direction { o["direction"] = .object(["from": .string(d.from.rawValue), "to": .string(d.to.rawValue)]) }
            if let r = t.reportedBy { o["reportedBy"] = .string(r) }
        case .eventCorroborated(let c):
            o["event"] = .string(c.event)
        case .eventRetracted(let r):
            o["event"] = .string(r.event)
            o["reason"] = .string(r.reason)
        }
        return .object(o)
    }

    /// Reads a current-version payload of `type` from its `data` object.
    public init(type: EventType, json: JSONValue) throws(PayloadError) {
        guard let o = json.objectValue else { throw PayloadError(type: type, field: "data", problem: "is not an object") }
        func str(_ k: String) throws(PayloadError) -> String {
            guard let s = o[k]?.stringValue else { throw PayloadError(type: type, field: k, problem: "missing or not a string") }
            return s
        }
        func optStr(_ k: String) throws(PayloadError) -> String? {
            guard let v = o[k], v != .null else { return nil }
            guard let s = v.stringValue else { throw PayloadError(type: type, field: k, problem: "not a string") }
            return s
        }
        func code(_ k: String, in obj: [String: JSONValue]? = nil) throws(PayloadError) -> CountryCode {
            guard let s = (obj ?? o)[k]?.stringValue, let c = CountryCode(s), c.rawValue == s else {
                throw PayloadError(type: type, field: k, problem: "missing or not an alpha-2 code")
            }
            return c
        }
        func parties() throws(PayloadError) -> [CountryCode] {
            guard let a = o["parties"]?.arrayValue, a.count == 2 else { throw PayloadError(type: type, field: "parties", problem: "must be two codes") }
            var out = [CountryCode]()
            for v in a {
                guard let s = v.stringValue, let c = CountryCode(s), c.rawValue == s else { throw PayloadError(type: type, field: "parties", problem: "must be two codes") }
                out.append(c)
            }
            guard out[0] != out[1] else { throw PayloadError(type: type, field: "parties", problem: "must be two distinct codes") }
            return out.sorted()
        }
        func word<E: RawRepresentable>(_ k: String, _: E.Type) throws(PayloadError) -> E where E.RawValue == String {
            let s = try str(k)
            guard let e = E(rawValue: s) else { throw PayloadError(type: type, field: k, problem: "unknown value \"\(s)\"") }
            return e
        }
        func optWord<E: RawRepresentable>(_ k: String, _: E.Type) throws(PayloadError) -> E? where E.RawValue == String {
            guard let s = try optStr(k) else { return nil }
            guard let e = E(rawValue: s) else { throw PayloadError(type: type, field: k, problem: "unknown value \"\(s)\"") }
            return e
        }
        switch type {
        case .visitStarted:
            let v = try code("visitor"), h = try code("host")
            guard v != h else { throw PayloadError(type: type, field: "host", problem: "equals visitor") }
            var first: Bool?
            if let f = o["firstEver"], f != .null {
                guard let b = f.boolValue else { throw PayloadError(type: type, field: "firstEver", problem: "not a bool") }
                first = b
            }
            self = .visitStarted(VisitStarted(visitor: v, host: h, leader: try optStr("leader"),
                                              level: try word("level", VisitLevel.self), place: try optStr("place"),
                                              firstEver: first, status: try word("status", FactStatus.self)))
        case .talksHeld:
            var names = [String]()
            if let a = o["participants"] {
                guard let arr = a.arrayValue else { throw PayloadError(type: type, field: "participants", problem: "not an array") }
                for n in arr {
                    guard let s = n.stringValue else { throw PayloadError(type: type, field: "participants", problem: "not a list of names") }
                    names.append(s)
                }
            }
            self = .talksHeld(TalksHeld(parties: try parties(), participants: names, format: try word("format", TalksFormat.self),
                                        place: try optStr("place"), status: try word("status", FactStatus.self)))
        case .agreementSigned:
            var count: Int?
            if let c = o["count"], c != .null {
                guard let i = c.intValue else { throw PayloadError(type: type, field: "count", problem: "not an integer") }
                count = Int(i)
            }
            self = .agreementSigned(AgreementSigned(parties: try parties(), title: try optStr("title") ?? "",
                                                    kind: try word("kind", AgreementKind.self), count: count,
                                                    status: try word("status", SigningStatus.self)))
        case .tradeFigureReported:
            guard let value = o["value"]?.doubleValue else { throw PayloadError(type: type, field: "value", problem: "missing or not a number") }
            var period: Period?
            if let p = o["period"], p != .null {
                guard let f = p["from"]?.stringValue, let t = p["to"]?.stringValue else { throw PayloadError(type: type, field: "period", problem: "needs from and to") }
                period = Period(from: f, to: t)
            }
            var direction: TradeDirection?
            if let d = o["direction"], d != .null {
                guard let dobj = d.objectValue else { throw PayloadError(type: type, field: "direction", problem: "not an object") }
                direction = TradeDirection(from: try code("from", in: dobj), to: try code("to", in: dobj))
            }
            self = .tradeFigureReported(TradeFigureReported(
                parties: try parties(), metric: try word("metric", TradeMetric.self), value: value, unit: try str("unit"),
                change: try optWord("change", Change.self), period: period, direction: direction,
                reportedBy: try optStr("reportedBy")))
        case .eventCorroborated:
            self = .eventCorroborated(EventCorroborated(event: try str("event")))
        case .eventRetracted:
            self = .eventRetracted(EventRetracted(event: try str("event"), reason: try str("reason")))
        }
    }
}

/// A payload that does not fit its type's schema.
public struct PayloadError: Error, CustomStringConvertible, Sendable, Equatable {
    public let type: EventType?
    public let field: String
    public let problem: String
    public init(type: EventType?, field: String, problem: String) { self.type = type; self.field = field; self.problem = problem }
    public var description: String { "\(type?.rawValue ?? "event").\(field) \(problem)" }
}
