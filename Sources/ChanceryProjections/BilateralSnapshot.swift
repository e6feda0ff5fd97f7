import ChanceryDomain

/// A bilateral relationship at one point of both times: the answer to `state A B`.
public struct BilateralSnapshot: Hashable, Sendable {
    public var pair: StreamID
    /// The bounds the snapshot was taken with.
    public var slice: TimeSlice
    /// First and last contact (year-unknown facts left out).
    public var contact: ContactSpan
    /// Visits, talks and agreements in timeline order (year-unknown ones first).
    public var visits: [FactRecord]
    public var talks: [FactRecord]
    public var agreements: [FactRecord]
    /// The latest figure of each trade series (by period end or occurred, then seq).
    public var trade: [TradeSeriesKey: FactRecord]
    /// The number of distinct articles reporting any of the facts.
    public var sources: Int
    /// Their file names, sorted.
    public var files: [String]

    /// The snapshot of `facts` (the live facts of `pair` that `slice` admits, in timeline order).
    public init(pair: StreamID, facts: [FactRecord], slice: TimeSlice) {
        self.pair = pair
        self.slice = slice
        visits = []
        talks = []
        agreements = []
        var summary = StateSummary(slice: slice)
        for f in facts {
            switch summary.add(f) {
            case .visits?: visits.append(f)
            case .talks?: talks.append(f)
            case .agreements?: agreements.append(f)
            case nil: break
            }
        }
        contact = summary.contact
        trade = summary.trade
        sources = summary.sources
        files = summary.files
    }

    /// Whether the pair has no fact at all in this slice.
    public var isEmpty: Bool { visits.isEmpty && talks.isEmpty && agreements.isEmpty && trade.isEmpty }

    /// Every fact of the snapshot (visits, talks, agreements, then the latest trade figures).
    public var facts: [FactRecord] {
        visits + talks + agreements + trade.keys.sorted().map { trade[$0]! }
    }

    /// Visits by direction (`IR>KZ`), level and status; talks by format and status;
    /// agreements by status, with the documents they count (`count`, else 1 each).
    public var counts: JSONValue {
        var c = StateCounts()
        for f in visits + talks + agreements { c.add(f) }
        return c.json
    }

    /// `{"pair","asOf","atSeq","knownAt","firstContact","lastContact","visits":[...],"talks":[...],
    /// "agreements":[...],"trade":{series:{...}},"sources","files","counts"}`; items as
    /// `FactRecord.itemJSON` (`id`, `occurred`, payload fields, `sources` count, `files`).
    public var json: JSONValue {
        var o = BilateralSnapshot.members(pair: pair, slice: slice, contact: contact, trade: trade, sources: sources,
                                          files: files, counts: counts)
        o["visits"] = .array(visits.map(\.itemJSON))
        o["talks"] = .array(talks.map(\.itemJSON))
        o["agreements"] = .array(agreements.map(\.itemJSON))
        return .object(o)
    }

    /// The members of `json` other than the three lists (`visits`, `talks`, `agreements`).
    static func members(pair: StreamID, slice: TimeSlice, contact: ContactSpan, trade: [TradeSeriesKey: FactRecord],
                        sources: Int, files: [String], counts: JSONValue) -> [String: JSONValue] {
        var o = slice.echo
        o["pair"] = .string(pair.description)
        o["firstContact"] = contact.first.map { .string($0.description) } ?? .null
        o["lastContact"] = contact.last.map { .string($0.description) } ?? .null
        var t = [String: JSONValue]()
        for (k, f) in trade { t[k.description] = f.itemJSON }
        o["trade"] = .object(t)
        o["sources"] = .int(Int64(sources))
        o["files"] = .array(files.map { .string($0) })
        o["counts"] = counts
        return o
    }

    /// Rows `section | occurred | summary | status | sources | id`: first and last contact,
    /// each visit, talks, agreement and latest trade figure, then the sources.
    public var table: Table {
        var rows = BilateralSnapshot.contactRows(contact)
        for f in visits + talks + agreements { rows.append(BilateralSnapshot.factRow(f)) }
        for k in trade.keys.sorted() { rows.append(BilateralSnapshot.tradeRow(trade[k]!)) }
        rows.append(BilateralSnapshot.sourcesRow(files: files, sources: sources))
        return Table(header: BilateralSnapshot.tableHeader, rows: rows)
    }

    /// The header of `table`.
    public static let tableHeader = ["section", "occurred", "summary", "status", "sources", "id"]

    /// The first rows of `table`: first and last contact.
    public static func contactRows(_ contact: ContactSpan) -> [[String]] {
        [["first contact", FactText.orDash(contact.first?.description), "", "", "", ""],
         ["last contact", FactText.orDash(contact.last?.description), "", "", "", ""]]
    }

    /// The row of a visit, talks or agreement.
    public static func factRow(_ f: FactRecord) -> [String] {
        [f.kind, f.when, f.summary, f.status ?? "", String(f.sourceCount), f.id]
    }

    /// The row of a series' latest trade figure.
    public static func tradeRow(_ f: FactRecord) -> [String] {
        ["trade", f.tradeDate.description, f.summary, "", String(f.sourceCount), f.id]
    }

    /// The last row: the sources.
    public static func sourcesRow(files: [String], sources: Int) -> [String] {
        ["sources", "", FactText.list(files, upTo: 12), "", String(sources), ""]
    }
}

/// What a state sums up over its facts, taken one at a time in any order: the contact span,
/// the latest figure of each trade series, the articles and files, the counts. Both the
/// snapshot (`BilateralSnapshot`) and the streamed answer (`StateStream`) are made with it.
public struct StateSummary {
    /// The list of the state a fact goes in.
    public enum Section: Sendable { case visits, talks, agreements }

    public let slice: TimeSlice
    public private(set) var contact = ContactSpan()
    /// The latest figure of each series (by `FactRecord.tradeOrder`, a total order).
    public private(set) var trade = [TradeSeriesKey: FactRecord]()
    public private(set) var counts = StateCounts()
    private var articles = Set<String>(), fileNames = Set<String>()

    public init(slice: TimeSlice) { self.slice = slice }

    /// Takes in a live fact that `slice` admits; returns the list it belongs in (`nil` for a
    /// trade figure, kept here when it is its series' latest, or for another type).
    public mutating func add(_ f: FactRecord) -> Section? {
        contact.include(f, slice: slice)
        for s in f.sources {
            articles.insert(s.article)
            fileNames.insert(s.file)
        }
        switch f.data {
        case .visitStarted: counts.add(f); return .visits
        case .talksHeld: counts.add(f); return .talks
        case .agreementSigned: counts.add(f); return .agreements
        case .tradeFigureReported(let t):
            let key = TradeSeriesKey(t)
            if let cur = trade[key], !FactRecord.tradeOrder(cur, f) { return nil }
            trade[key] = f
            return nil
        case .eventCorroborated, .eventRetracted: return nil
        }
    }

    /// The number of distinct articles reporting the facts.
    public var sources: Int { articles.count }
    /// Their file names, sorted.
    public var files: [String] { fileNames.sorted() }

    /// The members of the state's JSON other than the three lists.
    public func members(pair: StreamID) -> [String: JSONValue] {
        BilateralSnapshot.members(pair: pair, slice: slice, contact: contact, trade: trade, sources: sources, files: files,
                                  counts: counts.json)
    }
}

/// The counts of a state: visits by direction (`IR>KZ`), level and status; talks by format
/// and status; agreements by status, with the documents they count (`count`, else 1 each).
public struct StateCounts: Hashable, Sendable {
    private var direction = [String: Int64](), level = [String: Int64](), visitStatus = [String: Int64]()
    private var format = [String: Int64](), talksStatus = [String: Int64]()
    private var signing = [String: Int64](), documents = [String: Int64]()

    public init() {}

    /// Counts a visit, talks or agreement (other facts are ignored).
    public mutating func add(_ f: FactRecord) {
        switch f.data {
        case .visitStarted(let p):
            direction["\(p.visitor.rawValue)>\(p.host.rawValue)", default: 0] += 1
            level[p.level.rawValue, default: 0] += 1
            visitStatus[p.status.rawValue, default: 0] += 1
        case .talksHeld(let p):
            format[p.format.rawValue, default: 0] += 1
            talksStatus[p.status.rawValue, default: 0] += 1
        case .agreementSigned(let p):
            signing[p.status.rawValue, default: 0] += 1
            documents[p.status.rawValue, default: 0] += Int64(p.count ?? 1)
        default: break
        }
    }

    public var json: JSONValue {
        func object(_ d: [String: Int64]) -> JSONValue { .object(d.mapValues { .int($0) }) }
        return .object([
            "visits": .object(["byDirection": object(direction), "byLevel": object(level), "byStatus": object(visitStatus)]),
            "talks": .object(["byFormat": object(format), "byStatus": object(talksStatus)]),
            "agreements": .object(["byStatus": object(signing), "documents": object(documents)]),
        ])
    }
}
