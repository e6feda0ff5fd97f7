import ChanceryDomain

extension EventStore {
    /// Imports an exported log into this (empty) store. Every line is checked (JSON, known
    /// type and version, seq, chain) before anything commits; the first bad line throws
    /// `StoreError.badImportLine` naming it, and the store stays empty.
    ///
    /// `lines` yields each line's bytes without its newline. Blank lines are not allowed
    /// except a final one. Exported logs carry no article bytes: `verify` checks the
    /// imported events' chain, not their articles.
    @discardableResult
    public func importLog(_ lines: some Sequence<[UInt8]>) throws -> Int {
        try importLog(lines, then: nil)
    }

    /// Imports an exported log as `importLog(_:)` does, then calls `finish` inside the same
    /// transaction (to bring projections up to date with the imported events).
    @discardableResult
    public func importLog(_ lines: some Sequence<[UInt8]>, then finish: ((StoreTransaction) throws -> Void)?) throws -> Int {
        try write { tx in
            let existing = try eventCount()
            if existing > 0 { throw StoreError.notEmpty(path: path, events: existing) }
            var checker = LogChecker(upcasters: upcasters)
            var versions: [String: Int] = [:]
            let ins = try db.prepare("""
                INSERT INTO events (seq, id, stream, stream_version, type, version, occurred, occurred_until, recorded_at, payload, source, article, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            for raw in lines {
                guard let (event, cols) = try checker.checkColumns(line: raw) else { continue }
                let v = (versions[cols.stream] ?? 0) + 1
                versions[cols.stream] = v
                ins.reset()
                ins.bind(1, cols.seq); ins.bind(2, cols.id); ins.bind(3, cols.stream); ins.bind(4, v)
                ins.bind(5, cols.type); ins.bind(6, cols.version); ins.bind(7, cols.occurred); ins.bind(8, cols.occurredUntil)
                ins.bind(9, cols.recordedAt); ins.bind(10, String(decoding: cols.payload, as: UTF8.self))
                ins.bind(11, String(decoding: cols.source, as: UTF8.self)); ins.bind(12, event.source.article)
                ins.bind(13, cols.prevHash); ins.bind(14, event.hash)
                try ins.run()
            }
            let meta = try db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('imported_through', ?)")
            meta.bind(1, String(checker.count))
            try meta.run()
            try finish?(tx)
            return checker.count
        }
    }
}
