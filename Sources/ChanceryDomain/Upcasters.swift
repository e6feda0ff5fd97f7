/// Turns payloads written under an older schema version into the current one, on read.
/// Stored rows are never rewritten: the log keeps what was written, and the hash chain
/// covers the stored form.
public struct Upcasters: Sendable {
    /// One step: a payload of `type` at `from` becomes version `from + 1`.
    public typealias Step = @Sendable (JSONValue) throws -> JSONValue

    private var steps: [String: Step] = [:]
    private var current: [EventType: Int] = [:]

    public init() {}

    /// Version 1 is the first version of every type: nothing to upcast yet.
    public static let standard = Upcasters()

    /// The version this registry reads up to for `type`.
    public func currentVersion(of type: EventType) -> Int { current[type] ?? type.currentVersion }

    /// Registers a step from `version` to `version + 1` for `type`.
    public mutating func register(_ type: EventType, from version: Int, _ step: @escaping Step) {
        steps["\(type.rawValue)#\(version)"] = step
        current[type] = max(currentVersion(of: type), version + 1)
    }

    /// The payload of `type` written at `version`, brought to the current version.
    public func upcast(type: EventType, version: Int, data: JSONValue) throws -> JSONValue {
        let target = currentVersion(of: type)
        if version == target { return data }
        if version > target { throw UpcastError(type: type, version: version, problem: "is newer than this build reads (\(target))") }
        var v = version, d = data
        while v < target {
            guard let step = steps["\(type.rawValue)#\(v)"] else {
                throw UpcastError(type: type, version: v, problem: "has no upcaster to version \(v + 1)")
            }
            d = try step(d)
            v += 1
        }
        return d
    }
}

/// A payload version this build cannot read.
public struct UpcastError: Error, CustomStringConvertible, Sendable {
    public let type: EventType
    public let version: Int
    public let problem: String
    public var description: String { "\(type.rawValue) version \(version) \(problem)" }
}
