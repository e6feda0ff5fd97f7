import ChanceryDomain
import ChanceryStore

/// Rebuilds the persisted projection rows (`ProjectionKeeper`'s `facts` and `pairs`) pair by
/// pair, straight from the stored event rows, without decoding a payload or a source.
///
/// The rows it writes are byte for byte the ones the fold writes (`rebuildByFolding`), which
/// the tests check on generated logs: a fact's row is spliced from its event's canonical
/// columns (the payload is the fact's `data`; the source's `article`, `file` and `quote` are
/// its source's) and from the rows of the events that bear on it.
///
/// Memory holds one pair at a time, and only seqs and ids: a pair's events are read once in
/// seq order to learn which events bear on which fact, then each fact's row is assembled
/// from its events read again by seq. Anything this path does not handle throws
/// `Unsupported` (the caller then folds the whole log): an event that names a fact of
/// another pair, a payload of an older version, a row it cannot take apart.
struct RowRebuild {
    /// The log holds something this path leaves to the fold.
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    let store: EventStore
    /// Facts up to this seq were imported: their `data` is written in this build's form
    /// (decoded and re-encoded) rather than copied.
    var importedThrough: Int64 = 0

    init(store: EventStore) throws {
        self.store = store
        importedThrough = try store.importedThrough()
    }

    /// What one fact's row is made of: seqs of the events that bear on it.
    struct Fact {
        let seq: Int64
        let id: String
        /// The corroborations' seqs whose source the fact still carries, in log order.
        var sources: [Int64] = []
        /// Every corroboration applied to the fact (also those retracted since).
        var corroborations: [String] = []
        /// The corroborations recorded after the fact was withdrawn.
        var afterRetraction: [String] = []
        /// The seq of the `EventRetracted` that withdrew the fact.
        var retraction: Int64?
    }

    enum Ref {
        case fact(Int)
        case corroboration(fact: Int, seq: Int64)
    }

    func run(in tx: StoreTransaction, comparing: Bool) throws -> ProjectionKeeper.Rebuild {
        let head = try store.head().seq
        let old = Set(try store.projectionKeys(ProjectionKeeper.pairsName))
        var written = Set<String>()
        var changed = [StreamID]()
        var factCount = 0
        for name in try store.streams() {
            guard let pair = StreamID(name), pair.description == name else { throw Unsupported(description: "stream \(name)") }
            let facts = try scan(pair, through: head)
            guard !facts.isEmpty else { continue }
            // Rows are written as they are made (in key order), and compared with the old
            // ones through digests: memory holds no pair's rows.
            let before = comparing ? try store.projectionDigest(ProjectionKeeper.factsName, keyPrefix: name + "/") : RowDigest()
            let oldPair = comparing ? try tx.projection(ProjectionKeeper.pairsName, key: name) : nil
            try tx.removeProjectionRows(ProjectionKeeper.factsName, keyPrefix: name + "/")
            var after = RowDigest()
            for f in facts.sorted(by: { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }) {
                let key = ProjectionKeeper.key(pair, f.id), value = try row(f, of: pair)
                if comparing { after.add(key: key, value: value) }
                try tx.putProjection(ProjectionKeeper.factsName, key: key, bytes: value)
            }
            let pairRow = ProjectionKeeper.PairRow(facts: facts.count).text
            if comparing, oldPair != pairRow || before != after { changed.append(pair) }
            try tx.putProjection(ProjectionKeeper.pairsName, key: name, value: pairRow)
            factCount += facts.count
            written.insert(name)
        }
        for key in old.subtracting(written).sorted() {
            try tx.removeProjectionRows(ProjectionKeeper.factsName, keyPrefix: key + "/")
            try tx.removeProjection(ProjectionKeeper.pairsName, key: key)
            if comparing, let s = StreamID(key) { changed.append(s) }
        }
        try tx.setCheckpoint(ProjectionKeeper.checkpointName, seq: head)
        return ProjectionKeeper.Rebuild(events: Int(head), checkpoint: head, pairs: written.count, facts: factCount,
                                        changed: changed.sorted())
    }

    // MARK: Which events bear on which fact

    /// The facts of `pair` with the seqs of the events bearing on them, as the fold applies
    /// the pair's events in seq order (see `FactLedger.apply`, timeline policy).
    func scan(_ pair: StreamID, through head: Int64) throws -> [Fact] {
        let name = pair.description
        var facts = [Fact]()
        var index = [String: Ref]()
        try store.forEachEventRow(inStream: name, throughSeq: head) { row in
            let typeName = row.string(.type)
            guard let type = EventType(rawValue: typeName) else { throw Unsupported(description: "type \(typeName)") }
            guard row.version == store.upcasters.currentVersion(of: type) else {
                throw Unsupported(description: "\(typeName) v\(row.version) at seq \(row.seq)")
            }
            let seq = row.seq
            switch type {
            case .eventCorroborated:
                let target = try self.target(row)
                switch index[target] {
                case .fact(let i)?:
                    let id = row.string(.id)
                    guard index[id] == nil else { return }
                    facts[i].sources.append(seq)
                    facts[i].corroborations.append(id)
                    if facts[i].retraction != nil { facts[i].afterRetraction.append(id) }
                    index[id] = .corroboration(fact: i, seq: seq)
                case .corroboration?: return
                case nil: try checkNotForeign(target, of: name, before: seq)
                }
            case .eventRetracted:
                let target = try self.target(row)
                switch index[target] {
                case .fact(let i)?:
                    if facts[i].retraction == nil { facts[i].retraction = seq }
                case .corroboration(let i, let c)?:
                    if let k = facts[i].sources.firstIndex(of: c) { facts[i].sources.remove(at: k) }
                case nil: try checkNotForeign(target, of: name, before: seq)
                }
            default:
                let id = row.string(.id)
                guard index[id] == nil else { return }
                index[id] = .fact(facts.count)
                facts.append(Fact(seq: seq, id: id))
            }
        }
        return facts
    }

    /// The id a corroboration or retraction names.
    func target(_ row: EventRowView) throws -> String {
        guard let t = row.withBytes(.payload, { CanonicalJSON.stringMember("event", in: $0) }) else {
            throw Unsupported(description: "payload without an event at seq \(row.seq)")
        }
        return t
    }

    /// An id the pair does not know: ignored by the fold when it is nothing earlier in
    /// another stream; else the fold must apply it across pairs.
    func checkNotForeign(_ id: String, of stream: String, before seq: Int64) throws {
        if let at = try store.locate(id: id), at.seq < seq, at.stream != stream {
            throw Unsupported(description: "seq \(seq) names \(id) of \(at.stream)")
        }
    }

    // MARK: One fact's row

    /// The canonical text of the fact's row, as `ProjectionKeeper.FactRow.text` writes it.
    func row(_ f: Fact, of pair: StreamID) throws -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(1024 * (1 + f.sources.count))
        out.append(UInt8(ascii: "{"))
        if !f.afterRetraction.isEmpty { list("afterRetraction", f.afterRetraction.sorted(), &out) }
        if !f.corroborations.isEmpty { list("corroborations", f.corroborations.sorted(), &out) }
        put("\"fact\":{\"data\":", &out)
        var own = [UInt8](), type = [UInt8]()
        try read(f.seq) { row in
            row.appendJSONString(.type, to: &type)
            if f.seq <= importedThrough { try normalData(row, &out) } else { row.appendBytes(.payload, to: &out) }
            put(",\"id\":", &out); row.appendJSONString(.id, to: &out)
            put(",\"occurred\":", &out); row.appendJSONString(.occurred, to: &out)
            if row.hasOccurredUntil { put(",\"occurredUntil\":", &out); row.appendJSONString(.occurredUntil, to: &out) }
            put(",\"recordedAt\":", &out); row.appendJSONString(.recordedAt, to: &out)
            try source(row, f.seq, &own)
        }
        if let r = f.retraction {
            try read(r) { row in
                put(",\"retraction\":{\"event\":", &out); row.appendJSONString(.id, to: &out)
                put(",\"reason\":", &out)
                try row.withBytes(.payload) { p in
                    guard let m = CanonicalJSON.member("reason", in: p) else {
                        throw Unsupported(description: "retraction without a reason at seq \(r)")
                    }
                    out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[m]))
                }
                put(",\"recordedAt\":", &out); row.appendJSONString(.recordedAt, to: &out)
                put(",\"seq\":", &out); number(r, &out)
                out.append(UInt8(ascii: "}"))
            }
        }
        put(",\"seq\":", &out); number(f.seq, &out)
        put(",\"sources\":[", &out)
        out.append(contentsOf: own)
        for s in f.sources {
            out.append(UInt8(ascii: ","))
            try read(s) { row in try source(row, s, &out) }
        }
        put("],\"stream\":", &out); CanonicalJSON.writeString(pair.description, into: &out)
        put(",\"type\":", &out); out.append(contentsOf: type)
        put("}}", &out)
        return out
    }

    /// `{"article","event","file","quote","recordedAt","seq"}` of the event in `row`
    /// (`SourceRef.json`).
    func source(_ row: EventRowView, _ seq: Int64, _ out: inout [UInt8]) throws {
        try row.withBytes(.source) { p in
            let m = CanonicalJSON.members(["article", "file", "quote"], in: p)
            guard let article = m[0], let file = m[1], let quote = m[2] else {
                throw Unsupported(description: "source without article, file or quote at seq \(seq)")
            }
            put("{\"article\":", &out); out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[article]))
            put(",\"event\":", &out); row.appendJSONString(.id, to: &out)
            put(",\"file\":", &out); out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[file]))
            put(",\"quote\":", &out); out.append(contentsOf: UnsafeRawBufferPointer(rebasing: p[quote]))
        }
        put(",\"recordedAt\":", &out); row.appendJSONString(.recordedAt, to: &out)
        put(",\"seq\":", &out); number(seq, &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The fact's `data` as `EventData.json` writes it (for an imported payload).
    func normalData(_ row: EventRowView, _ out: inout [UInt8]) throws {
        var payload = [UInt8]()
        row.appendBytes(.payload, to: &payload)
        guard let type = EventType(rawValue: row.string(.type)),
              let data = try? EventData(type: type, json: try JSONParser.parse(payload)) else {
            throw Unsupported(description: "unreadable payload at seq \(row.seq)")
        }
        CanonicalJSON.write(data.json, into: &out)
    }

    func read(_ seq: Int64, _ body: (EventRowView) throws -> Void) throws {
        guard try store.withEventRow(seq: seq, body) != nil else { throw Unsupported(description: "no event at seq \(seq)") }
    }

    func list(_ key: String, _ ids: [String], _ out: inout [UInt8]) {
        CanonicalJSON.writeString(key, into: &out)
        put(":[", &out)
        for (n, id) in ids.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            CanonicalJSON.writeString(id, into: &out)
        }
        put("],", &out)
    }

    func put(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    func number(_ n: Int64, _ out: inout [UInt8]) { out.append(contentsOf: String(n).utf8) }
}
