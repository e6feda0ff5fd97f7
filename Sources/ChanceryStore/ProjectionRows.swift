// Projection rows beyond one key at a time: listing, reading a range, removing a range.

extension EventStore {
    /// The keys of a projection's rows, sorted.
    public func projectionKeys(_ projection: String) throws -> [String] {
        let s = try db.prepare("SELECT key FROM projection_state WHERE projection = ? ORDER BY key")
        defer { s.reset() }
        s.bind(1, projection)
        var out = [String]()
        while try s.step() { out.append(s.string(0)) }
        return out
    }

    /// The rows of a projection with these keys (missing ones left out), by key.
    public func projectionRows(_ projection: String, keys: [String]) throws -> [(key: String, value: String)] {
        guard !keys.isEmpty else { return [] }
        var out = [(String, String)]()
        // SQLite limits bound parameters: read in chunks.
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = keys[start..<min(start + 500, keys.count)]
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let s = try Statement(db, "SELECT key, value FROM projection_state WHERE projection = ? AND key IN (\(marks))")
            s.bind(1, projection)
            for (n, k) in chunk.enumerated() { s.bind(Int32(n + 2), k) }
            while try s.step() { out.append((s.string(0), s.string(1))) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The rows of a projection whose key starts with `prefix`, by key (one index range).
    public func projectionRows(_ projection: String, keyPrefix prefix: String) throws -> [(key: String, value: String)] {
        let s = try db.prepare("SELECT key, value FROM projection_state WHERE projection = ? AND key >= ? AND key < ? ORDER BY key")
        defer { s.reset() }
        s.bind(1, projection); PrefixRange.bind(prefix, at: 2, in: s)
        var out = [(String, String)]()
        while try s.step() { out.append((s.string(0), s.string(1))) }
        return out
    }
}

extension StoreTransaction {
    /// Removes the rows of `projection` whose key starts with `prefix`.
    public func removeProjectionRows(_ projection: String, keyPrefix prefix: String) throws {
        let s = try store.db.prepare("DELETE FROM projection_state WHERE projection = ? AND key >= ? AND key < ?")
        s.bind(1, projection); PrefixRange.bind(prefix, at: 2, in: s)
        try s.run()
    }

    /// Removes one row of `projection`.
    public func removeProjection(_ projection: String, key: String) throws {
        let s = try store.db.prepare("DELETE FROM projection_state WHERE projection = ? AND key = ?")
        s.bind(1, projection); s.bind(2, key)
        try s.run()
    }
}
