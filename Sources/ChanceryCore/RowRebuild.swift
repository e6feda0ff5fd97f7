#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ChanceryDomain
import ChanceryStore

/// Rebuilds the persisted projection rows (`ProjectionKeeper`'s `facts` and `pairs`) pair by
/// pair, straight from the stored event rows, without decoding a payload or a source.
///
/// The rows it writes are byte for byte the ones the fold writes (`rebuildByFolding`), which
/// the tests check on generated logs: a fact's row lists the seqs of the events that make it
/// (`ProjectionKeeper.FactRow`), learnt from the type, id and named event of each of the
/// pair's events.
///
/// Memory holds part of one pair at a time, and only seqs and ids: a pair's events are read
/// in seq order, once for a pair of at most `factsPerPass` events, else once per pass, each
/// pass taking the facts whose id falls in its share (by a hash of the id) with their
/// corroborations, so that no pass holds more than about `factsPerPass` facts whatever the
/// size of the pair. Anything this path does not handle throws `Unsupported` (the caller then
/// folds the whole log): an event that names a fact of another pair, a corroboration or
/// retraction of an older payload version, a payload it cannot take apart.
struct RowRebuild {
    /// The log holds something this path leaves to the fold.
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    let store: EventStore
    /// The most events of a pair read in one pass (the facts a pass holds are at most as many).
    let factsPerPass: Int

    init(store: EventStore, factsPerPass: Int = 20_000) {
        self.store = store
        self.factsPerPass = max(1, factsPerPass)
    }

    /// Which of `passes` passes takes the fact (or names the event) `id`: FNV-1a of its
    /// bytes, so that any ids, whatever their form, are spread evenly.
    struct Share: Equatable {
        let pass: Int
        let passes: Int

        static func of(_ id: UnsafeRawBufferPointer, passes: Int) -> Int {
            guard passes > 1 else { return 0 }
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in id { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
            return Int(h % UInt64(passes))
        }

        static func of(_ id: String, passes: Int) -> Int {
            var id = id
            return id.withUTF8 { of(UnsafeRawBufferPointer($0), passes: passes) }
        }

        func takes(_ id: String) -> Bool { passes == 1 || Share.of(id, passes: passes) == pass }
        func takes(_ id: UnsafeRawBufferPointer) -> Bool { passes == 1 || Share.of(id, passes: passes) == pass }
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

    /// Rebuilds every pair's rows in `tx`, writing only the rows that differ from the stored
    /// ones (and removing those of facts no longer there); names the pairs that changed.
    func run(in tx: StoreTransaction) throws -> ProjectionKeeper.Rebuild {
        let head = try store.head().seq
        let old = Set(try store.projectionKeys(ProjectionKeeper.pairsName))
        var written = Set<String>()
        var changed = [StreamID]()
        var factCount = 0
        var index = [String: Ref]()
        for name in try store.streams() {
            guard let pair = StreamID(name), pair.description == name else { throw Unsupported(description: "stream \(name)") }
            let passes = max(1, (try store.eventCount(inStream: name) + factsPerPass - 1) / factsPerPass)
            var facts = 0, rowsChanged = false
            for pass in 0..<passes {
                let share = Share(pass: pass, passes: passes)
                index.removeAll(keepingCapacity: true)
                let found = try scan(pair, through: head, share: share, index: &index)
                facts += found.count
                if try merge(rows(found, of: pair), into: name, share: share, in: tx) { rowsChanged = true }
            }
            guard facts > 0 else { continue }
            let pairRow = ProjectionKeeper.PairRow(facts: facts).text
            let oldPair = try tx.projection(ProjectionKeeper.pairsName, key: name)
            if rowsChanged || oldPair != pairRow {
                try tx.putProjection(ProjectionKeeper.pairsName, key: name, value: pairRow)
                changed.append(pair)
            }
            factCount += facts
            written.insert(name)
        }
        for key in old.subtracting(written).sorted() {
            try tx.removeProjectionRows(ProjectionKeeper.factsName, keyPrefix: key + "/")
            try tx.removeProjection(ProjectionKeeper.pairsName, key: key)
            if let s = StreamID(key) { changed.append(s) }
        }
        try tx.setCheckpoint(ProjectionKeeper.checkpointName, seq: head)
        try tx.clearProjection(ProjectionKeeper.legacyCheckpointName)
        return ProjectionKeeper.Rebuild(events: Int(head), checkpoint: head, pairs: written.count, facts: factCount,
                                        changed: changed.sorted())
    }

    /// One fact row: its key's and its value's bytes.
    struct Row {
        var key: [UInt8]
        var value: [UInt8]
    }

    /// The rows of `facts`, in key order.
    func rows(_ facts: [Fact], of pair: StreamID) -> [Row] {
        let prefix = Array((pair.description + "/").utf8)
        let keys = facts.map { prefix + $0.id.utf8 }
        return keys.indices.sorted { RowRebuild.compare(keys[$0], keys[$1]) < 0 }.map { n in
            let f = facts[n]
            return Row(key: keys[n], value: ProjectionKeeper.FactRow(seq: f.seq, sources: f.sources, retraction: f.retraction,
                                                                      corroborations: f.corroborations,
                                                                      afterRetraction: f.afterRetraction).bytes)
        }
    }

    /// Makes the stored fact rows of `pair` that `share` takes equal to `rows` (in key order)
    /// by writing only the differences; returns whether there were any. The stored rows are
    /// read in one range while the differences are collected, then the differences are written.
    func merge(_ rows: [Row], into pair: String, share: Share, in tx: StoreTransaction) throws -> Bool {
        var puts = [Int](), removes = [[UInt8]]()
        var i = 0
        let prefix = pair.utf8.count + 1
        try store.forEachProjectionRow(ProjectionKeeper.factsName, keyPrefix: pair + "/") { key, value in
            guard share.takes(UnsafeRawBufferPointer(rebasing: key[prefix...])) else { return }
            while i < rows.count, RowRebuild.compare(rows[i].key, key) < 0 {
                puts.append(i)
                i += 1
            }
            if i < rows.count, RowRebuild.compare(rows[i].key, key) == 0 {
                if RowRebuild.compare(rows[i].value, value) != 0 { puts.append(i) }
                i += 1
            } else {
                removes.append(Array(key))
            }
        }
        puts += i..<rows.count
        for k in removes { try tx.removeProjection(ProjectionKeeper.factsName, keyBytes: k) }
        try tx.putProjections(ProjectionKeeper.factsName, puts.lazy.map { (key: rows[$0].key, value: rows[$0].value) })
        return !puts.isEmpty || !removes.isEmpty
    }

    /// Byte order (SQLite's `BINARY` collation): negative, zero or positive.
    static func compare(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Int {
        a.withUnsafeBytes { a in
            let n = min(a.count, b.count)
            if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
                let c = memcmp(pa, pb, n)
                if c != 0 { return Int(c) }
            }
            return a.count - b.count
        }
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        b.withUnsafeBytes { compare(a, $0) }
    }

    // MARK: Which events bear on which fact

    /// The facts of `pair` that `share` takes, with the seqs of the events bearing on them, as
    /// the fold applies the pair's events in seq order (see `FactLedger.apply`, timeline
    /// policy). `index` (empty; kept from pass to pass for its capacity) maps the ids seen to
    /// facts: the facts the share takes and the corroborations applied to them. An event
    /// naming an id the index lacks is another share's when the id is (that pass applies it
    /// or finds it foreign); else it is looked up, as in one pass.
    func scan(_ pair: StreamID, through head: Int64, share: Share, index: inout [String: Ref]) throws -> [Fact] {
        let name = pair.description
        var facts = [Fact]()
        try store.forEachEventRow(inStream: name, throughSeq: head) { row in
            guard let type = row.type else { throw Unsupported(description: "type \(row.typeName)") }
            // A fact of an older version is upcast when its row is read; the event a
            // corroboration or retraction names is read here, from this version's payload.
            if !type.isDomain, row.version != store.upcasters.currentVersion(of: type) {
                throw Unsupported(description: "\(type.rawValue) v\(row.version) at seq \(row.seq)")
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
                case nil: if share.takes(target) { try checkNotForeign(target, of: name, before: seq) }
                }
            case .eventRetracted:
                let target = try self.target(row)
                switch index[target] {
                case .fact(let i)?:
                    if facts[i].retraction == nil { facts[i].retraction = seq }
                case .corroboration(let i, let c)?:
                    if let k = facts[i].sources.firstIndex(of: c) { facts[i].sources.remove(at: k) }
                case nil: if share.takes(target) { try checkNotForeign(target, of: name, before: seq) }
                }
            default:
                guard row.withBytes(.id, { share.takes($0) }) else { return }
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
}
