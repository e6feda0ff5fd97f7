import ChanceryDomain

/// A serialised projection state that cannot be restored: where (a path such as
/// `streams.IR-KZ.facts[3].seq`) and what is wrong.
public struct StateDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

/// The members of a JSON object being restored, with typed accessors that throw
/// `StateDecodingError` naming the path.
struct Fields {
    let members: [String: JSONValue]
    let path: String

    init(_ value: JSONValue?, path: String) throws(StateDecodingError) {
        guard case .object(let o)? = value else { throw StateDecodingError(path: path, problem: "not an object") }
        members = o
        self.path = path
    }

    func sub(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) throws(StateDecodingError) -> JSONValue {
        guard let v = members[key] else { throw StateDecodingError(path: sub(key), problem: "missing") }
        return v
    }

    func has(_ key: String) -> Bool {
        if let v = members[key], v != .null { return true }
        return false
    }

    func string(_ key: String) throws(StateDecodingError) -> String {
        guard let s = members[key]?.stringValue else { throw StateDecodingError(path: sub(key), problem: "missing or not a string") }
        return s
    }

    func optString(_ key: String) throws(StateDecodingError) -> String? {
        has(key) ? try string(key) : nil
    }

    func int(_ key: String) throws(StateDecodingError) -> Int64 {
        guard let i = members[key]?.intValue else { throw StateDecodingError(path: sub(key), problem: "missing or not an integer") }
        return i
    }

    func array(_ key: String) throws(StateDecodingError) -> [JSONValue] {
        guard let a = members[key]?.arrayValue else { throw StateDecodingError(path: sub(key), problem: "missing or not an array") }
        return a
    }

    func object(_ key: String) throws(StateDecodingError) -> Fields {
        try Fields(members[key], path: sub(key))
    }

    func date(_ key: String) throws(StateDecodingError) -> FuzzyDate {
        guard let d = FuzzyDate(try string(key)) else { throw StateDecodingError(path: sub(key), problem: "not a date") }
        return d
    }

    func optDate(_ key: String) throws(StateDecodingError) -> FuzzyDate? {
        has(key) ? try date(key) : nil
    }

    func stream(_ key: String) throws(StateDecodingError) -> StreamID {
        guard let s = StreamID(try string(key)) else { throw StateDecodingError(path: sub(key), problem: "not a pair such as IR-KZ") }
        return s
    }

    func eventType(_ key: String) throws(StateDecodingError) -> EventType {
        guard let t = EventType(rawValue: try string(key)) else { throw StateDecodingError(path: sub(key), problem: "unknown event type") }
        return t
    }
}
