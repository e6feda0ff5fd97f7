import ChanceryDomain
import ChanceryProjections
import ChanceryStore

/// Keeps the five projections persisted in the store and up to date with the log: every
/// append (ingest, record, retract, import) updates, in its own transaction, the rows of the
/// facts it touches and the checkpoint.
///
/// The rows (table `projection_state`) are the pairs' `StreamPart`s, a fact at a time:
/// - projection `facts`, key `IR-KZ/<fact id>`: `FactRow`, the seqs of the events that make
///   the fact (its own, the corroborations whose source it carries, its retraction) and the
///   ids of the corroborations indexed for it (those recorded after its retraction listed
///   apart); the fact itself is read back from those events;
/// - projection `pairs`, key `IR-KZ`: `{"facts": n, "foreign": [seq]}`, the number of facts of
///   the pair and the seqs of events recorded in *other* streams that bear on its facts (a
///   corroboration or retraction naming one), so that the pair's state at a past seq can be
///   folded from its own events and those alone (the store writes none: always empty).
///
/// The checkpoint (`projection_checkpoints`, `ledger.2`) is the last seq applied. Per-append
/// work is proportional to the events appended: the rows of the facts they name are changed
/// by seqs and ids (`RowApply`), or, for what that leaves alone, the facts are read back, the
/// events folded into them and the rows written back (`Batch`). `catchUp()` applies whatever
/// the checkpoint has not seen (events appended without the keeper); `rebuild()` rebuilds
/// every row from seq 1 (`RowRebuild`, else a fold of the whole log), in one transaction.
public struct ProjectionKeeper {
    /// The projection name of the fact rows.
    public static let factsName = "facts"
    /// The projection name of the pair rows.
    public static let pairsName = "pairs"
    /// The checkpoint's name. (Stores written before fact rows held seqs only kept their
    /// rows under `legacyCheckpointName`: with no checkpoint of this name, the rows are
    /// rebuilt from the log.)
    public static let checkpointName = "ledger.2"
    /// The checkpoint of rows that held whole facts (removed by the first rebuild).
    static let legacyCheckpointName = "ledger"

    public let store: EventStore

    public init(store: EventStore) { self.store = store }

    /// The hook `Ingestor` and `Curator` call inside each append's transaction.
    public static func hook(_ store: EventStore) -> (StoreTransaction, [RecordedEvent]) throws -> Void {
        { tx, events in try ProjectionKeeper(store: store).apply(events, in: tx) }
    }

    /// The last seq the rows have applied (0 for none).
    public func checkpoint() throws -> Int64 { try store.checkpoint(ProjectionKeeper.checkpointName) }

    /// Whether the rows have applied every event of the log.
    public func isCurrent() throws -> Bool { try checkpoint() == store.head().seq }

    // MARK: Writing

    /// Applies `events`, just appended in `tx`, to the rows they touch (and, first, any
    /// earlier event the checkpoint has not seen), and moves the checkpoint.
    public func apply(_ events: [RecordedEvent], in tx: StoreTransaction) throws {
        let cp = try checkpoint()
        let head = try store.head().seq
        if cp > head || (cp == 0 && head > 0) { try rebuild(in: tx); return }
        guard head > cp else { return }
        try applied(events, in: tx, after: cp, through: head)
    }

    /// How `apply` brought the rows up to date.
    enum Path: Equatable {
        /// By seqs and ids on the stored rows (`RowApply`).
        case rows
        /// By folding the events into the facts they touch (`Batch`).
        case fold
        /// Nothing to apply, or a rebuild.
        case other
    }

    /// `apply` from checkpoint `cp` to `head`: on the rows when `events` are exactly the
    /// events after the checkpoint and `RowApply` handles them all (and `byRows`), else by
    /// folding.
    @discardableResult
    func applied(_ events: [RecordedEvent], in tx: StoreTransaction, after cp: Int64, through head: Int64,
                 byRows: Bool = true) throws -> Path {
        let fresh = events.filter { $0.seq > cp }.sorted { $0.seq < $1.seq }
        let complete = fresh.first?.seq == cp + 1 && fresh.last?.seq == head && fresh.count == Int(head - cp)
        if complete && byRows {
            do {
                var rows = RowApply(store: store)
                for e in fresh { try rows.add(e) }
                try rows.write(in: tx, through: head)
                return .rows
            } catch is RowApply.Unsupported {}
        }
        var batch = Batch(store: store, checkpoint: cp, loadsRows: true)
        if complete {
            for e in fresh { try batch.add(e) }
        } else {
            try store.forEachEvent(EventFilter(sinceSeq: cp, throughSeq: head)) { try batch.add($0) }
        }
        try batch.write(in: tx, through: head)
        return .fold
    }

    /// Applies, in `tx`, every event after the checkpoint. Returns how many.
    @discardableResult
    public func catchUp(in tx: StoreTransaction) throws -> Int {
        let cp = try checkpoint()
        let head = try store.head().seq
        if cp > head || (cp == 0 && head > 0) { return try rebuild(in: tx).events }
        guard head > cp else { return 0 }
        var batch = Batch(store: store, checkpoint: cp, loadsRows: true)
        try store.forEachEvent(EventFilter(sinceSeq: cp, throughSeq: head)) { try batch.add($0) }
        try batch.write(in: tx, through: head)
        return Int(head - cp)
    }

    /// Brings the rows up to date when the log has events they have not seen (appended by
    /// a tool that does not keep them); without taking any lock when they are current.
    @discardableResult
    public func catchUp() throws -> Int {
        if try isCurrent() { return 0 }
        return try store.write { tx in try catchUp(in: tx) }
    }

    /// What a rebuild did.
    public struct Rebuild: Sendable, Hashable {
        /// Events folded (the whole log).
        public var events: Int
        /// The checkpoint written: the last seq.
        public var checkpoint: Int64
        /// Pairs with facts.
        public var pairs: Int
        /// Facts (rows written).
        public var facts: Int
        /// Pairs whose rows differed from the ones they replaced.
        public var changed: [StreamID]
    }

    /// Folds the whole log from seq 1 into the rows, in one transaction (readers see the old
    /// rows until it commits), and names the pairs whose rows differed from the old ones.
    @discardableResult
    public func rebuild() throws -> Rebuild {
        try store.write { tx in try rebuild(in: tx) }
    }

    /// `rebuild()` inside `tx`: pair by pair from the stored rows (`RowRebuild`), or by
    /// folding the whole log when the log has what that path does not handle (an event
    /// bearing on another pair's fact, or a payload of an older version).
    @discardableResult
    public func rebuild(in tx: StoreTransaction) throws -> Rebuild {
        do {
            return try tx.savepoint { try RowRebuild(store: store).run(in: tx) }
        } catch is RowRebuild.Unsupported {
            return try rebuildByFolding(in: tx)
        }
    }

    /// `rebuild()` inside `tx`, by folding every event into the five projections in memory
    /// (the reference the row path is tested against).
    @discardableResult
    public func rebuildByFolding(in tx: StoreTransaction) throws -> Rebuild {
        let head = try store.head().seq
        var batch = Batch(store: store, checkpoint: 0, loadsRows: false)
        try store.forEachEvent(EventFilter(throughSeq: head)) { try batch.add($0) }
        let parts = batch.set.parts()
        var changed = [StreamID]()
        let old = Set(try store.projectionKeys(ProjectionKeeper.pairsName))
        var facts = 0
        for pair in parts.keys.sorted() {
            let part = parts[pair]!
            let rows = part.split().map { p in (key: ProjectionKeeper.key(pair, p.facts[0].id), value: FactRow(part: p).text) }
                .sorted { $0.key < $1.key }
            let pairRow = PairRow(facts: part.facts.count, foreign: batch.foreign[pair] ?? []).text
            facts += rows.count
            let before = try store.projectionRows(ProjectionKeeper.factsName, keyPrefix: pair.description + "/")
            let oldPair = try tx.projection(ProjectionKeeper.pairsName, key: pair.description)
            let same = oldPair == pairRow && before.count == rows.count
                && zip(before, rows).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            if !same { changed.append(pair) }
            try tx.removeProjectionRows(ProjectionKeeper.factsName, keyPrefix: pair.description + "/")
            for r in rows { try tx.putProjection(ProjectionKeeper.factsName, key: r.key, value: r.value) }
            try tx.putProjection(ProjectionKeeper.pairsName, key: pair.description, value: pairRow)
        }
        for key in old.subtracting(parts.keys.map(\.description)).sorted() {
            try tx.removeProjectionRows(ProjectionKeeper.factsName, keyPrefix: key + "/")
            try tx.removeProjection(ProjectionKeeper.pairsName, key: key)
            if let s = StreamID(key) { changed.append(s) }
        }
        try tx.setCheckpoint(ProjectionKeeper.checkpointName, seq: head)
        try tx.clearProjection(ProjectionKeeper.legacyCheckpointName)
        return Rebuild(events: Int(head), checkpoint: head, pairs: parts.count, facts: facts, changed: changed.sorted())
    }

    // MARK: Rows

    /// The key of a fact's row: `IR-KZ/<id>`.
    static func key(_ pair: StreamID, _ fact: String) -> String { "\(pair)/\(fact)" }

    /// A pair's row: its number of facts and the other streams' events that bear on them.
    public struct PairRow: Hashable, Sendable {
        public var facts: Int
        /// Seqs of events in other streams that corroborate or retract the pair's facts.
        public var foreign: [Int64]

        public init(facts: Int = 0, foreign: [Int64] = []) {
            self.facts = facts
            self.foreign = foreign
        }

        /// `{"facts": n, "foreign": [seq]}`, canonical JSON.
        public var text: String {
            CanonicalJSON.string(.object(["facts": .int(Int64(facts)), "foreign": .array(foreign.map { .int($0) })]))
        }

        public init(text: String, key: String) throws {
            let json = try ProjectionKeeper.parse(text, key: key)
            guard let n = json["facts"]?.intValue, let f = json["foreign"]?.arrayValue else {
                throw StateDecodingError(path: "\(ProjectionKeeper.pairsName).\(key)", problem: "not a pair row")
            }
            facts = Int(n)
            foreign = f.compactMap(\.intValue)
        }
    }

    /// A fact's row: which events make the fact, by seq. The fact itself, its sources and its
    /// retraction are read back from those events (`load`), so a row holds no evidence twice.
    ///
    /// `{"afterRetraction": [ids]?, "corroborations": [ids]?, "retraction": seq?, "seq": seq,
    /// "sources": [seq]?}`, canonical JSON: the fact's own event; the corroborations whose
    /// source the fact still carries, in log order; the `EventRetracted` that withdrew it;
    /// every corroboration indexed for it; those recorded after its retraction.
    struct FactRow: Equatable {
        var seq: Int64
        var sources: [Int64] = []
        var retraction: Int64?
        var corroborations: [String] = []
        var afterRetraction: [String] = []

        init(seq: Int64, sources: [Int64] = [], retraction: Int64? = nil, corroborations: [String] = [],
             afterRetraction: [String] = []) {
            self.seq = seq; self.sources = sources; self.retraction = retraction
            self.corroborations = corroborations.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            self.afterRetraction = afterRetraction.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }

        /// The row of the one fact of `part`.
        init(part: StreamPart) {
            let f = part.facts[0]
            self.init(seq: f.seq, sources: f.sources.dropFirst().map(\.seq), retraction: f.retraction?.seq,
                      corroborations: Array(part.corroborations.keys), afterRetraction: Array(part.afterRetraction))
        }

        /// The canonical text (keys sorted, empty lists and no retraction left out).
        var bytes: [UInt8] {
            var out = [UInt8]()
            out.reserveCapacity(24 + 12 * sources.count + 24 * (corroborations.count + afterRetraction.count))
            func put(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
            func ids(_ xs: [String]) {
                for (n, x) in xs.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    CanonicalJSON.writeString(x, into: &out)
                }
            }
            put("{")
            if !afterRetraction.isEmpty { put("\"afterRetraction\":["); ids(afterRetraction); put("],") }
            if !corroborations.isEmpty { put("\"corroborations\":["); ids(corroborations); put("],") }
            if let retraction { put("\"retraction\":"); out.append(contentsOf: String(retraction).utf8); put(",") }
            put("\"seq\":"); out.append(contentsOf: String(seq).utf8)
            if !sources.isEmpty {
                put(",\"sources\":[")
                for (n, x) in sources.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: String(x).utf8)
                }
                put("]")
            }
            put("}")
            return out
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// `ids` (in byte order) with `id` in its place.
        static func inserting(_ id: String, into ids: [String]) -> [String] {
            var out = ids
            let at = out.firstIndex { !$0.utf8.lexicographicallyPrecedes(id.utf8) } ?? out.endIndex
            out.insert(id, at: at)
            return out
        }

        init(text: String, key: String) throws {
            let json = try ProjectionKeeper.parse(text, key: key)
            let path = "\(ProjectionKeeper.factsName).\(key)"
            func seqs(_ name: String) throws -> [Int64] {
                guard let v = json[name] else { return [] }
                guard let a = v.arrayValue else { throw StateDecodingError(path: path + "." + name, problem: "not a list") }
                return try a.map { x in
                    guard let n = x.intValue else { throw StateDecodingError(path: path + "." + name, problem: "not a seq") }
                    return n
                }
            }
            func strings(_ name: String) -> [String] { (json[name]?.arrayValue ?? []).compactMap(\.stringValue) }
            guard let seq = json["seq"]?.intValue else { throw StateDecodingError(path: path, problem: "no seq") }
            var retraction: Int64?
            if let r = json["retraction"] {
                guard let n = r.intValue else { throw StateDecodingError(path: path + ".retraction", problem: "not a seq") }
                retraction = n
            }
            self.init(seq: seq, sources: try seqs("sources"), retraction: retraction, corroborations: strings("corroborations"),
                      afterRetraction: strings("afterRetraction"))
        }

        /// The fact's part, read from its events in `store`: the fact is its event's, its
        /// sources are its own and its corroborations', its retraction the `EventRetracted`'s.
        func load(from store: EventStore, key: String) throws -> StreamPart {
            let path = "\(ProjectionKeeper.factsName).\(key)"
            func event(_ seq: Int64) throws -> RecordedEvent {
                guard let e = try store.event(seq: seq) else { throw StateDecodingError(path: path, problem: "no event at seq \(seq)") }
                return e
            }
            let e = try event(seq)
            guard e.type.isDomain, key.hasSuffix("/" + e.id) else {
                throw StateDecodingError(path: path, problem: "seq \(seq) is \(e.type.rawValue) \(e.id), not this fact")
            }
            var fact = FactRecord(event: e)
            for s in sources { fact.sources.append(SourceRef(of: try event(s))) }
            if let retraction {
                let r = try event(retraction)
                guard case .eventRetracted(let x) = r.data else {
                    throw StateDecodingError(path: path, problem: "seq \(retraction) is not a retraction")
                }
                fact.retraction = Retraction(event: r.id, seq: r.seq, recordedAt: r.recordedAt, reason: x.reason)
            }
            return StreamPart(stream: fact.stream, facts: [fact],
                              corroborations: Dictionary(corroborations.map { ($0, fact.id) }, uniquingKeysWith: { a, _ in a }),
                              afterRetraction: Set(afterRetraction))
        }
    }

    static func parse(_ text: String, key: String) throws -> JSONValue {
        do { return try JSONParser.parse(text) } catch {
            throw StateDecodingError(path: key, problem: "not JSON: \(error)")
        }
    }

    // MARK: Reading

    /// The pairs with facts, sorted.
    public func pairs() throws -> [StreamID] {
        try store.projectionKeys(ProjectionKeeper.pairsName).compactMap { StreamID($0) }
    }

    /// The persisted row of `pair`, if it has facts.
    public func pairRow(_ pair: StreamID) throws -> PairRow? {
        try store.projection(ProjectionKeeper.pairsName, key: pair.description).map { try PairRow(text: $0, key: pair.description) }
    }

    /// The persisted part of `pair`: every fact, read in one index range.
    public func part(_ pair: StreamID) throws -> StreamPart {
        let rows = try store.projectionRows(ProjectionKeeper.factsName, keyPrefix: pair.description + "/")
        return StreamPart(stream: pair, joining: try rows.map { try FactRow(text: $0.value, key: $0.key).load(from: store, key: $0.key) })
    }

    /// Every persisted fact of `pair` with its row's key, in key order, read a row at a time.
    public func forEachFact(of pair: StreamID, _ body: (String, FactRecord) throws -> Void) throws {
        try store.forEachProjectionRow(ProjectionKeeper.factsName, keyPrefix: pair.description + "/") { k, v in
            let key = String(decoding: k, as: UTF8.self)
            let part = try FactRow(text: String(decoding: v, as: UTF8.self), key: key).load(from: store, key: key)
            for f in part.facts { try body(key, f) }
        }
    }

    /// The persisted fact of the row `key` (of `pair`), which must be the fact at `seq`.
    func fact(key: String, of pair: StreamID, seq: Int64) throws -> FactRecord {
        guard let text = try store.projection(ProjectionKeeper.factsName, key: key),
              let f = try FactRow(text: text, key: key).load(from: store, key: key).facts.first, f.seq == seq else {
            throw StateDecodingError(path: "\(ProjectionKeeper.factsName).\(key)", problem: "the row changed while it was read")
        }
        return f
    }

    /// The persisted parts of `pairs` (of every pair when `nil`) that have facts.
    public func parts(_ pairs: [StreamID]? = nil) throws -> [StreamPart] {
        if let pairs { return try pairs.map(part).filter { !$0.isEmpty } }
        var byPair = [StreamID: [StreamPart]]()
        for r in try store.projectionRows(ProjectionKeeper.factsName) {
            let p = try FactRow(text: r.value, key: r.key).load(from: store, key: r.key)
            byPair[p.stream, default: []].append(p)
        }
        return byPair.keys.sorted().map { StreamPart(stream: $0, joining: byPair[$0]!) }
    }

    /// The five states as persisted: of `pairs` only, or of every pair when `nil`.
    public func state(of pairs: [StreamID]? = nil) throws -> ProjectionSet {
        ProjectionSet(parts: try parts(pairs), checkpoint: try checkpoint())
    }

    // MARK: The fold of a batch

    /// A run of events folded into the rows they touch, in memory.
    struct Batch {
        let store: EventStore
        /// Whether rows are read from the store (false: a rebuild from nothing).
        let loadsRows: Bool
        /// The five states, holding only the facts loaded or created.
        var set: ProjectionSet
        /// The facts loaded (or looked for) and created, by id.
        var facts = [String: StreamID]()
        /// The pair rows read or started, and those changed.
        var pairs = [StreamID: PairRow]()
        var changedPairs = Set<StreamID>()

        init(store: EventStore, checkpoint: Int64, loadsRows: Bool) {
            self.store = store
            self.loadsRows = loadsRows
            set = ProjectionSet()
            set.setCheckpoint(checkpoint)
        }

        /// The foreign seqs of each pair.
        var foreign: [StreamID: [Int64]] { pairs.compactMapValues { $0.foreign.isEmpty ? nil : $0.foreign } }

        /// Applies the next event (in seq order), after loading the row of the fact it names.
        mutating func add(_ e: RecordedEvent) throws {
            switch e.data {
            case .eventCorroborated(let c): try loadTarget(c.event, of: e)
            case .eventRetracted(let r): try loadTarget(r.event, of: e)
            default:
                let isNew = set.timeline.ledger.index[e.id] == nil
                facts[e.id] = e.stream
                AllProjections.evolve(&set, e)
                if isNew, set.timeline.ledger.index[e.id] != nil {
                    try loadPair(e.stream)
                    pairs[e.stream]!.facts += 1
                    changedPairs.insert(e.stream)
                }
                return
            }
            AllProjections.evolve(&set, e)
        }

        /// Loads the fact that `target` names (itself, or through a corroboration) and notes
        /// `e` as foreign to that fact's pair when it is recorded in another stream.
        mutating func loadTarget(_ target: String, of e: RecordedEvent) throws {
            guard let (pair, fact) = try resolve(target) else { return }
            try loadFact(fact, of: pair)
            if pair != e.stream, set.stream(of: target) == pair {
                try loadPair(pair)
                pairs[pair]!.foreign.append(e.seq)
                changedPairs.insert(pair)
            }
        }

        /// The pair and the fact that the event `id` names: from the state in memory, else
        /// from the log (a fact, or the fact a corroboration names).
        func resolve(_ id: String) throws -> (StreamID, String)? {
            let index = set.timeline.ledger.index
            switch index[id] {
            case .fact(let s, _)?: return (s, id)
            case .corroboration(let f)?:
                if case .fact(let s, _)? = index[f] { return (s, f) }
            case nil: break
            }
            guard loadsRows, let e = try store.event(id: id) else { return nil }
            switch e.data {
            case .eventCorroborated(let c):
                guard let f = try store.event(id: c.event), f.type.isDomain else { return nil }
                return (f.stream, f.id)
            case .eventRetracted: return nil
            default: return (e.stream, e.id)
            }
        }

        mutating func loadFact(_ id: String, of pair: StreamID) throws {
            guard facts[id] == nil else { return }
            facts[id] = pair
            guard loadsRows, let text = try store.projection(ProjectionKeeper.factsName, key: ProjectionKeeper.key(pair, id)) else { return }
            let key = ProjectionKeeper.key(pair, id)
            set.insert(try FactRow(text: text, key: key).load(from: store, key: key))
        }

        mutating func loadPair(_ pair: StreamID) throws {
            guard pairs[pair] == nil else { return }
            if loadsRows, let text = try store.projection(ProjectionKeeper.pairsName, key: pair.description) {
                pairs[pair] = try PairRow(text: text, key: pair.description)
            } else {
                pairs[pair] = PairRow()
            }
        }

        /// Writes the rows of the facts loaded or created, of the pairs changed, and the checkpoint.
        func write(in tx: StoreTransaction, through seq: Int64) throws {
            var corroborations = [String: [String]]()
            let index = set.timeline.ledger.index
            for (id, entry) in index {
                if case .corroboration(let f) = entry, facts[f] != nil { corroborations[f, default: []].append(id) }
            }
            for (id, pair) in facts {
                guard let record = set.timeline.ledger.streams[pair]?.facts[id] else { continue }
                let cs = corroborations[id] ?? []
                let part = StreamPart(stream: pair, facts: [record], corroborations: Dictionary(uniqueKeysWithValues: cs.map { ($0, id) }),
                                      afterRetraction: Set(cs.filter { set.bilateral.ledger.index[$0] == nil }))
                try tx.putProjection(ProjectionKeeper.factsName, key: ProjectionKeeper.key(pair, id), value: FactRow(part: part).text)
            }
            for pair in changedPairs {
                try tx.putProjection(ProjectionKeeper.pairsName, key: pair.description, value: pairs[pair]!.text)
            }
            try tx.setCheckpoint(ProjectionKeeper.checkpointName, seq: seq)
        }
    }
}
