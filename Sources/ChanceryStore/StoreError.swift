import ChanceryDomain

/// What the caller expects a stream's version to be before an append.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// Append whatever the stream holds.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must be at exactly this version (number of events in it).
    case exact(Int)

    public var description: String {
        switch self {
        case .any: return "any"
        case .noStream: return "no stream"
        case .exact(let n): return "version \(n)"
        }
    }
}

/// A failure of the event store, with the context needed to act on it.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The stream was not at the expected version.
    case versionConflict(stream: StreamID, expected: ExpectedVersion, actual: Int)
    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The database was written by a newer build.
    case schemaTooNew(path: String, version: Int, supported: Int)
    /// The database cannot be written (read-only file or directory).
    case readOnly(path: String, reason: String)
    /// `import` needs an empty store.
    case notEmpty(path: String, events: Int)
    /// A line of an imported log is invalid.
    case badImportLine(line: Int, problem: String)
    /// An event id is not in the log.
    case unknownEvent(String)
    /// An error from SQLite.
    case sqlite(SQLiteError)

    public var description: String {
        switch self {
        case .versionConflict(let s, let e, let a):
            return "version conflict on stream \(s): expected \(e), actual version \(a)"
        case .notADatabase(let p): return "\(p): not a Chancery store (the file is not an SQLite database)"
        case .schemaTooNew(let p, let v, let s):
            return "\(p): the store's schema version \(v) is newer than this build supports (\(s)); use a newer chancery"
        case .readOnly(let p, let r): return "\(p): the store cannot be written (\(r))"
        case .notEmpty(let p, let n): return "\(p): import needs an empty store, this one holds \(n) events"
        case .badImportLine(let l, let p): return "line \(l): \(p)"
        case .unknownEvent(let id): return "no event with id \(id) in the log"
        case .sqlite(let e): return e.description
        }
    }
}
