import ChanceryDomain
import CSQLite

/// A measured proposal for `ChanceryDomain.CanonicalJSON` (which the benchmark does not
/// edit): the same canonical bytes, written with runs of plain bytes copied at once and each
/// object's members sorted once. Checked byte for byte against `CanonicalJSON` on the
/// persisted projection rows of the run, and timed on them.
public enum JSONProbe {
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ s: String, into out: inout [UInt8]) {
        var s = s
        s.withUTF8 { b in
            out.append(0x22)
            var run = 0, i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c >= 0x20 && c != 0x22 && c != 0x5C { i += 1; continue }
                if i > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
                switch c {
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x08: out.append(0x5C); out.append(0x62)
                case 0x0C: out.append(0x5C); out.append(0x66)
                default: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
                i += 1
                run = i
            }
            if n > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<n])) }
            out.append(0x22)
        }
    }

    static func write(_ v: JSONValue, into out: inout [UInt8]) {
        switch v {
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(0x5B)
            for (n, x) in a.enumerated() {
                if n > 0 { out.append(0x2C) }
                write(x, into: &out)
            }
            out.append(0x5D)
        case .object(let o):
            out.append(0x7B)
            for (n, m) in o.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if n > 0 { out.append(0x2C) }
                writeString(m.key, into: &out)
                out.append(0x3A)
                write(m.value, into: &out)
            }
            out.append(0x7D)
        default: CanonicalJSON.write(v, into: &out)
        }
    }

    /// Parses up to `limit` persisted projection rows of the store at `path`, then writes each
    /// back with `CanonicalJSON.string` and with the proposal; returns both timings (ms) and
    /// whether every output was identical.
    public static func run(storePath path: String, limit: Int = 5000) throws -> (rows: Int, bytes: Int, current: Double, proposed: Double, identical: Bool) {
        let db = try RawDB(path: path, readOnly: true)
        let s = try db.prepare("SELECT value FROM projection_state LIMIT \(limit)")
        defer { sqlite3_finalize(s) }
        var values = [JSONValue]()
        var bytes = 0
        while sqlite3_step(s) == SQLITE_ROW {
            let n = Int(sqlite3_column_bytes(s, 0))
            let b = Array(UnsafeRawBufferPointer(start: sqlite3_column_text(s, 0), count: n))
            bytes += n
            values.append(try JSONParser.parse(b))
        }
        var a = [String](), b = [String]()
        a.reserveCapacity(values.count); b.reserveCapacity(values.count)
        let t0 = Stopwatch.now()
        for v in values { a.append(CanonicalJSON.string(v)) }
        let current = Stopwatch.seconds(since: t0) * 1000
        let t1 = Stopwatch.now()
        for v in values {
            var out = [UInt8]()
            out.reserveCapacity(256)
            write(v, into: &out)
            b.append(String(decoding: out, as: UTF8.self))
        }
        let proposed = Stopwatch.seconds(since: t1) * 1000
        return (values.count, bytes, current, proposed, a == b)
    }
}
