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
        try write { tx in
            let existing = try eventCount()
            if existing > 0 { throw StoreError.notEmpty(path: path, events: existing) }
            var lineNo = 0
            var prev = Hashing.genesis
            var expected: Int64 = 1
            var versions: [String: Int] = [:]
            var ids = Set<String>()
            var pendingBlank = 0
            let ins = try db.prepare("""
                INSERT INTO events (seq, id, stream, stream_version, type, version, occurred, occurred_until, recorded_at, payload, source, article, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            for raw in lines {
                lineNo += 1
                if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { pendingBlank = lineNo; continue }
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
                let v = (versions[cols.stream] ?? 0) + 1
                versions[cols.stream] = v
                ins.reset()
                ins.bind(1, cols.seq); ins.bind(2, cols.id); ins.bind(3, cols.stream); ins.bind(4, v)
                ins.bind(5, cols.type); ins.bind(6, cols.version); ins.bind(7, cols.occurred); ins.bind(8, cols.occurredUntil)
                ins.bind(9, cols.recordedAt); ins.bind(10, String(decoding: cols.payload, as: UTF8.self))
                ins.bind(11, String(decoding: cols.source, as: UTF8.self)); ins.bind(12, event.source.article)
                ins.bind(13, prev); ins.bind(14, hash)
                try ins.run()
                prev = hash
                expected += 1
            }
            let meta = try db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('imported_through', ?)")
            meta.bind(1, String(expected - 1))
            try meta.run()
            _ = tx
            return Int(expected - 1)
        }
    }
}
