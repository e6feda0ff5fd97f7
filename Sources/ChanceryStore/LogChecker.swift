import ChanceryDomain

/// Checks an exported log line by line, as `import` does, without any store: each line is
/// JSON describing a known event type and version, seqs run from 1 without gap, every
/// `prevHash` is the previous line's `hash`, every `hash` matches the line's content, ids are
/// unique. Blank lines are allowed only at the end.
public struct LogChecker {
    /// How payloads of older versions are read.
    public var upcasters: Upcasters
    private var lineNo = 0
    private var prev = Hashing.genesis
    private var expected: Int64 = 1
    private var ids = Set<String>()
    private var pendingBlank = 0

    public init(upcasters: Upcasters = .standard) { self.upcasters = upcasters }

    /// The number of events checked so far.
    public var count: Int { Int(expected - 1) }

    /// The hash of the last event checked (the genesis hash before any).
    public var head: String { prev }

    /// Checks the next line (its bytes without the newline): the event, or `nil` for a blank
    /// line. Throws `StoreError.badImportLine` naming the line.
    public mutating func check(line raw: [UInt8]) throws -> RecordedEvent? {
        try checkColumns(line: raw)?.event
    }

    mutating func checkColumns(line raw: [UInt8]) throws -> (event: RecordedEvent, columns: Envelope.Columns)? {
        lineNo += 1
        if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { pendingBlank = lineNo; return nil }
        if pendingBlank > 0 { throw StoreError.badImportLine(line: pendingBlank, problem: "blank line inside the log") }
        func bad(_ p: String) -> StoreError { .badImportLine(line: lineNo, problem: p) }
        let json: JSONValue
        do { json = try JSONParser.parse(raw) } catch { throw bad("not JSON: \(error)") }
        let event: RecordedEvent
        do { event = try RecordedEvent(json: json, upcasters: upcasters) } catch { throw bad("\(error)") }
        if event.seq != expected { throw bad("seq \(event.seq) where \(expected) was expected (gap, duplicate or disorder)") }
        if event.prevHash != prev { throw bad("prevHash does not match the previous line's hash (broken chain)") }
        let cols = Envelope.Columns(seq: event.seq, id: event.id, type: event.type.rawValue, version: Int64(event.version),
                                    stream: event.stream.description, occurred: event.occurred.description,
                                    occurredUntil: event.occurredUntil?.description, recordedAt: event.recordedAt,
                                    payload: CanonicalJSON.bytes(json["data"]!), source: CanonicalJSON.bytes(json["source"]!),
                                    prevHash: prev)
        let hash = Envelope.hash(cols)
        if hash != event.hash { throw bad("hash does not match the line's content (broken chain)") }
        if !ids.insert(event.id).inserted { throw bad("duplicate event id \(event.id)") }
        prev = hash
        expected += 1
        return (event, cols)
    }

    /// Checks every line and returns the events in seq order; the first bad line throws
    /// `StoreError.badImportLine`.
    public static func check(lines: some Sequence<[UInt8]>, upcasters: Upcasters = .standard) throws -> [RecordedEvent] {
        var checker = LogChecker(upcasters: upcasters)
        var out = [RecordedEvent]()
        for line in lines {
            if let e = try checker.check(line: line) { out.append(e) }
        }
        return out
    }

    /// The lines of a file's bytes, without their `\n` (a final newline ends the last line).
    public static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        return lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines
    }
}
