import ChanceryDomain
import ChanceryProjections
import ChanceryStore

/// Applies events just appended to the persisted fact rows by seqs and ids alone, without
/// reading a fact back from its events: the rules `RowRebuild.scan` follows for a whole
/// pair, one event at a time on the stored rows.
///
/// - a fact (domain event) gets its row `{"seq": n}` and its pair one more fact;
/// - a corroboration naming a fact of its own pair adds its seq to the fact's `sources`, its
///   id to `corroborations` (and to `afterRetraction` when the fact is withdrawn);
/// - a retraction naming such a fact sets `retraction` (the first one only); naming a
///   corroboration applied to such a fact, removes that corroboration's seq from `sources`;
/// - anything naming an unknown event, a later one, a retraction or a corroboration that was
///   not applied changes nothing.
///
/// What it does not handle throws `Unsupported` before anything is written, and the caller
/// folds instead (`ProjectionKeeper.Batch`): an event naming one of another pair, an older
/// payload version, a row missing where one must be.
struct RowApply {
    struct Unsupported: Error, CustomStringConvertible {
        let description: String
    }

    let store: EventStore
    /// The rows read or made, by key, and those to write.
    private var rows = [String: ProjectionKeeper.FactRow]()
    private var changed = Set<String>()
    private var newFacts = [StreamID: Int]()

    init(store: EventStore) { self.store = store }

    /// Applies the next event (in seq order).
    mutating func add(_ e: RecordedEvent) throws {
        switch e.data {
        case .eventCorroborated(let c):
            try checkVersion(e.type, e.version, at: e.seq)
            guard case .fact(let key)? = try target(c.event, of: e) else { return }
            var row = rows[key]!
            row.sources.append(e.seq)
            row.corroborations = ProjectionKeeper.FactRow.inserting(e.id, into: row.corroborations)
            if row.retraction != nil { row.afterRetraction = ProjectionKeeper.FactRow.inserting(e.id, into: row.afterRetraction) }
            put(row, key)
        case .eventRetracted(let r):
            try checkVersion(e.type, e.version, at: e.seq)
            switch try target(r.event, of: e) {
            case .fact(let key)?:
                guard rows[key]!.retraction == nil else { return }
                var row = rows[key]!
                row.retraction = e.seq
                put(row, key)
            case .corroboration(let key, let seq)?:
                guard let k = rows[key]!.sources.firstIndex(of: seq) else { return }
                var row = rows[key]!
                row.sources.remove(at: k)
                put(row, key)
            case nil: return
            }
        default:
            let key = ProjectionKeeper.key(e.stream, e.id)
            guard try row(key) == nil else { throw Unsupported(description: "a row for \(key) already") }
            put(ProjectionKeeper.FactRow(seq: e.seq), key)
            newFacts[e.stream, default: 0] += 1
        }
    }

    private mutating func put(_ row: ProjectionKeeper.FactRow, _ key: String) {
        rows[key] = row
        changed.insert(key)
    }

    private func checkVersion(_ type: EventType, _ version: Int, at seq: Int64) throws {
        guard version == store.upcasters.currentVersion(of: type) else {
            throw Unsupported(description: "\(type.rawValue) v\(version) at seq \(seq)")
        }
    }

    enum Target {
        /// A fact of the pair (its row's key).
        case fact(String)
        /// A corroboration applied to a fact of the pair (the fact's row key, its seq).
        case corroboration(String, seq: Int64)
    }

    /// What the event `id` that `e` names is, as the fold would see it when applying `e`;
    /// `nil` when the fold ignores `e`.
    private mutating func target(_ id: String, of e: RecordedEvent) throws -> Target? {
        guard let h = try store.head(ofEvent: id), h.seq < e.seq else { return nil }
        guard h.stream == e.stream.description else { throw Unsupported(description: "seq \(e.seq) names \(id) of \(h.stream)") }
        guard let type = h.type else { throw Unsupported(description: "type of \(id)") }
        if type.isDomain {
            let key = ProjectionKeeper.key(e.stream, id)
            guard try row(key) != nil else { throw Unsupported(description: "no row for the fact \(key)") }
            return .fact(key)
        }
        guard type == .eventCorroborated else { return nil }
        try checkVersion(type, h.version, at: h.seq)
        guard let fact = h.named else { throw Unsupported(description: "corroboration \(id) names nothing") }
        let key = ProjectionKeeper.key(e.stream, fact)
        if let row = try row(key) {
            return row.corroborations.contains(id) ? .corroboration(key, seq: h.seq) : nil
        }
        // Not a fact of this pair: the corroboration may have been applied to another pair's.
        if let f = try store.head(ofEvent: fact), f.seq < h.seq, f.stream != h.stream {
            throw Unsupported(description: "\(id) names \(fact) of \(f.stream)")
        }
        return nil
    }

    /// The row `key`, read once and then kept.
    private mutating func row(_ key: String) throws -> ProjectionKeeper.FactRow? {
        if let r = rows[key] { return r }
        guard let text = try store.projection(ProjectionKeeper.factsName, key: key) else { return nil }
        let r = try ProjectionKeeper.FactRow(text: text, key: key)
        rows[key] = r
        return r
    }

    /// Writes the rows changed, the pairs' fact counts, and the checkpoint.
    func write(in tx: StoreTransaction, through seq: Int64) throws {
        for key in changed { try tx.putProjection(ProjectionKeeper.factsName, key: key, value: rows[key]!.text) }
        for (pair, n) in newFacts {
            var row = try tx.projection(ProjectionKeeper.pairsName, key: pair.description)
                .map { try ProjectionKeeper.PairRow(text: $0, key: pair.description) } ?? ProjectionKeeper.PairRow()
            row.facts += n
            try tx.putProjection(ProjectionKeeper.pairsName, key: pair.description, value: row.text)
        }
        try tx.setCheckpoint(ProjectionKeeper.checkpointName, seq: seq)
    }
}
