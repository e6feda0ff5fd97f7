import ChanceryDomain

/// The latest figure of a trade series before and after a change (`nil`: none).
public struct TradeChange: Hashable, Sendable {
    public var key: TradeSeriesKey
    public var old: FactRecord?
    public var new: FactRecord?

    public init(key: TradeSeriesKey, old: FactRecord?, new: FactRecord?) {
        self.key = key; self.old = old; self.new = new
    }

    /// `{"old": item | null, "new": item | null}`.
    public var json: JSONValue {
        .object(["old": old?.itemJSON ?? .null, "new": new?.itemJSON ?? .null])
    }

    /// `—` or the amount of a figure, with its period.
    static func text(_ f: FactRecord?) -> String {
        guard let f, let t = f.tradeFigure else { return "—" }
        return FactText.amount(t) + (t.period.map { " (\(FactText.period($0)))" } ?? "")
    }

    /// `trade_turnover: — → +40 % (2025-01..2025-10)`.
    public var text: String { "\(key): \(TradeChange.text(old)) → \(TradeChange.text(new))" }
}

/// What differs between two snapshots of one relationship.
public struct StateChange: Hashable, Sendable {
    /// Visits, talks and agreements in the new snapshot and not the old (timeline order).
    public var added: [FactRecord]
    /// Visits, talks and agreements in the old snapshot and not the new.
    public var removed: [FactRecord]
    /// Trade series whose latest figure changed.
    public var trade: [TradeChange]
    public var firstContact: Transition<FuzzyDate?>
    public var lastContact: Transition<FuzzyDate?>
    /// Distinct source articles.
    public var sources: Transition<Int>

    /// The change from `old` to `new`.
    public init(from old: BilateralSnapshot, to new: BilateralSnapshot) {
        let oldEvents = old.visits + old.talks + old.agreements
        let newEvents = new.visits + new.talks + new.agreements
        let oldIDs = Set(oldEvents.map(\.id)), newIDs = Set(newEvents.map(\.id))
        added = newEvents.filter { !oldIDs.contains($0.id) }.sorted(by: FactRecord.timelineOrder)
        removed = oldEvents.filter { !newIDs.contains($0.id) }.sorted(by: FactRecord.timelineOrder)
        trade = Set(old.trade.keys).union(new.trade.keys).sorted().compactMap { k in
            let a = old.trade[k], b = new.trade[k]
            return a?.id == b?.id ? nil : TradeChange(key: k, old: a, new: b)
        }
        firstContact = Transition(old: old.contact.first, new: new.contact.first)
        lastContact = Transition(old: old.contact.last, new: new.contact.last)
        sources = Transition(old: old.sources, new: new.sources)
    }

    /// Whether nothing changed.
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && trade.isEmpty && firstContact.old == firstContact.new
            && lastContact.old == lastContact.new && sources.old == sources.new
    }

    static func date(_ d: FuzzyDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }

    /// `{"visits":[added],"talks":[added],"agreements":[added],"removed":[items with "kind"],
    /// "trade":{series:{"old","new"}},"firstContact":{"old","new"},"lastContact":{"old","new"},
    /// "sources":{"old","new"}}`.
    public var members: [String: JSONValue] {
        var t = [String: JSONValue]()
        for c in trade { t[c.key.description] = c.json }
        return [
            "visits": .array(added.filter { $0.kind == "visit" }.map(\.itemJSON)),
            "talks": .array(added.filter { $0.kind == "talks" }.map(\.itemJSON)),
            "agreements": .array(added.filter { $0.kind == "agreement" }.map(\.itemJSON)),
            "removed": .array(removed.map { r in
                var o = r.itemJSON.objectValue ?? [:]
                o["kind"] = .string(r.kind)
                return .object(o)
            }),
            "trade": .object(t),
            "firstContact": .object(["old": StateChange.date(firstContact.old), "new": StateChange.date(firstContact.new)]),
            "lastContact": .object(["old": StateChange.date(lastContact.old), "new": StateChange.date(lastContact.new)]),
            "sources": .object(["old": .int(Int64(sources.old)), "new": .int(Int64(sources.new))]),
        ]
    }

    /// `members` as an object.
    public var json: JSONValue { .object(members) }

    /// Rows `change | kind | occurred | summary | old | new`; contact and sources only when
    /// they changed.
    public var table: Table {
        var rows = [[String]]()
        for f in added { rows.append(["added", f.kind, f.when, f.summary, "", ""]) }
        for f in removed { rows.append(["removed", f.kind, f.when, f.summary, "", ""]) }
        for c in trade {
            rows.append(["trade", c.key.description, (c.new ?? c.old)?.tradeDate.description ?? "", "",
                         TradeChange.text(c.old), TradeChange.text(c.new)])
        }
        if firstContact.old != firstContact.new {
            rows.append(["first contact", "", "", "", FactText.orDash(firstContact.old?.description), FactText.orDash(firstContact.new?.description)])
        }
        if lastContact.old != lastContact.new {
            rows.append(["last contact", "", "", "", FactText.orDash(lastContact.old?.description), FactText.orDash(lastContact.new?.description)])
        }
        if sources.old != sources.new {
            rows.append(["sources", "", "", "", String(sources.old), String(sources.new)])
        }
        return Table(header: ["change", "kind", "occurred", "summary", "old", "new"], rows: rows)
    }
}
