import ChanceryDomain

/// Indented JSON with sorted keys (the same values as the canonical form, laid out for
/// people): what the CLI prints for `--json`.
public enum JSONText {
    /// `v` as indented text, with a final newline.
    public static func pretty(_ v: JSONValue) -> String {
        var out = [UInt8]()
        write(v, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// A line break followed by `indent` spaces.
    public static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    /// Appends `v` laid out at `indent` (the column its first line starts at).
    public static func write(_ v: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch v {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (n, x) in a.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, &out)
                write(x, indent: indent + 2, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (n, k) in o.keys.sorted().enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, &out)
                writeKey(k, into: &out)
                write(o[k]!, indent: indent + 2, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "}"))
        default:
            CanonicalJSON.write(v, into: &out)
        }
    }

    /// `"key": `.
    static func writeKey(_ k: String, into out: inout [UInt8]) {
        CanonicalJSON.writeString(k, into: &out)
        out.append(contentsOf: [UInt8(ascii: ":"), 0x20])
    }
}

/// Writes one indented JSON document a piece at a time, laid out exactly as
/// `JSONText.pretty` lays out the whole value, handing the bytes to `sink` in chunks of
/// about 64 KiB: for answers too long to build as one value.
public struct JSONStream {
    /// Receives the text, in order.
    public typealias Sink = (ArraySlice<UInt8>) throws -> Void
    private var buffer = [UInt8]()
    private let sink: Sink
    /// Per open array: its indent and whether it has an element yet.
    private var arrays: [(indent: Int, count: Int)] = []

    public init(sink: @escaping Sink) {
        self.sink = sink
        buffer.reserveCapacity(1 << 16 + 4096)
    }

    /// Appends a whole value at `indent`.
    public mutating func value(_ v: JSONValue, indent: Int) throws {
        JSONText.write(v, indent: indent, into: &buffer)
        try flushIfLarge()
    }

    /// The members of an object whose values are all known (keys sorted), without braces:
    /// each on its own line at `indent`, the first preceded by a comma when `afterOthers`.
    public mutating func members(_ o: [String: JSONValue], indent: Int, afterOthers: Bool) throws {
        for (n, k) in o.keys.sorted().enumerated() {
            if n > 0 || afterOthers { buffer.append(UInt8(ascii: ",")) }
            JSONText.newline(indent, &buffer)
            JSONText.writeKey(k, into: &buffer)
            JSONText.write(o[k]!, indent: indent, into: &buffer)
        }
        try flushIfLarge()
    }

    /// Starts a member `"key": ` at `indent` (after a comma unless it is the first).
    public mutating func key(_ k: String, indent: Int, first: Bool) {
        if !first { buffer.append(UInt8(ascii: ",")) }
        JSONText.newline(indent, &buffer)
        JSONText.writeKey(k, into: &buffer)
    }

    /// Raw punctuation (`{`, `}`, a newline and indent).
    public mutating func text(_ s: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Ends an object opened at `indent`.
    public mutating func closeObject(indent: Int) {
        JSONText.newline(indent, &buffer)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Opens an array whose own line starts at `indent`.
    public mutating func openArray(indent: Int) {
        buffer.append(UInt8(ascii: "["))
        arrays.append((indent, 0))
    }

    /// Appends an element to the innermost open array.
    public mutating func element(_ v: JSONValue) throws {
        let a = arrays[arrays.count - 1]
        if a.count > 0 { buffer.append(UInt8(ascii: ",")) }
        JSONText.newline(a.indent + 2, &buffer)
        JSONText.write(v, indent: a.indent + 2, into: &buffer)
        arrays[arrays.count - 1].count += 1
        try flushIfLarge()
    }

    /// Closes the innermost open array (`[]` when it had no element).
    public mutating func closeArray() {
        let a = arrays.removeLast()
        if a.count > 0 { JSONText.newline(a.indent, &buffer) }
        buffer.append(UInt8(ascii: "]"))
    }

    private mutating func flushIfLarge() throws {
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Hands what is buffered to the sink.
    public mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer[...])
        buffer.removeAll(keepingCapacity: true)
    }
}
