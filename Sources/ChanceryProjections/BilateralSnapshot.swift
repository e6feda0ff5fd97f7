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
        contact = ContactSpan(facts, slice: slice)
        visits = []
        talks = []
        agreements = []
        trade = [:]
        var articles = Set<String>(), files = Set<String>()
        for f in facts {
            for s in f.sources {
                articles.insert(s.article)
                files.insert(s.file)
            }
            switch f.data {
            case .visitStarted: visits.append(f)
            case .talksHeld: talks.append(f)
            case .agreementSigned: agreements.append(f)
            case .tradeFigureReported(let t):
                let key = TradeSeriesKey(t)
                if let cur = trade[key], !FactRecord.tradeOrder(cur, f) { break }
                trade[key] = f
            case .eventCorroborated, .eventRetracted: break
            }
        }
        sources = articles.count
        self.files = files.sorted()
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
        func tally(_ words: [String]) -> JSONValue {
            var o = [String: JSONValue]()
            for w in words { o[w] = .int((o[w]?.intValue ?? 0) + 1) }
            return .object(o)
        }
        var direction = [String](), level = [String](), visitStatus = [String]()
        for v in visits {
            guard case .visitStarted(let p) = v.data else { continue }
            direction.append("\(p.visitor.rawValue)>\(p.host.rawValue)")
            level.append(p.level.rawValue)
            visitStatus.append(p.status.rawValue)
        }
        var format = [String](), talksStatus = [String]()
        for t in talks {
            guard case .talksHeld(let p) = t.data else { continue }
            format.append(p.format.rawValue)
            talksStatus.append(p.status.rawValue)
        }
        var signing = [String](), docs = [String: Int64]()
        for a in agreements {
            guard case .agreementSigned(let p) = a.data else { continue }
            signing.append(p.status.rawValue)
            docs[p.status.rawValue, default: 0] += Int64(p.count ?? 1)
        }
        return .object([
            "visits": .object(["byDirection": tally(direction), "byLevel": tally(level), "byStatus": tally(visitStatus)]),
            "talks": .object(["byFormat": tally(format), "byStatus": tally(talksStatus)]),
            "agreements": .object(["byStatus": tally(signing), "documents": .object(docs.mapValues { .int($0) })]),
        ])
    }

    /// `{"pair","asOf","atSeq","knownAt","firstContact","lastContact","visits":[...],"talks":[...],
    /// "agreements":[...],"trade":{series:{...}},"sources","files","counts"}`; items as
    /// `FactRecord.itemJSON` (`id`, `occurred`, payload fields, `sources` count, `files`).
    public var json: JSONValue {
        var o = slice.echo
        o["pair"] = .string(pair.description)
        o["firstContact"] = contact.first.map { .string($0.description) } ?? .null
        o["lastContact"] = contact.last.map { .string($0.description) } ?? .null
        o["visits"] = .array(visits.map(\.itemJSON))
        o["talks"] = .array(talks.map(\.itemJSON))
        o["agreements"] = .array(agreements.map(\.itemJSON))
        var t = [String: JSONValue]()
        for (k, f) in trade { t[k.description] = f.itemJSON }
        o["trade"] = .object(t)
        o["sources"] = .int(Int64(sources))
        o["files"] = .array(files.map { .string($0) })
        o["counts"] = counts
        return .object(o)
    }

    /// Rows `section | occurred | summary | status | sources | id`: first and last contact,
    /// each visit, talks, agreement and latest trade figure, then the sources.
    public var table: Table {
        var rows: [[String]] = [
            ["first contact", FactText.orDash(contact.first?.description), "", "", "", ""],
            ["last contact", FactText.orDash(contact.last?.description), "", "", "", ""],
        ]
        for f in visits + talks + agreements {
            rows.append([f.kind, f.when, f.summary, f.status ?? "", String(f.sourceCount), f.id])
        }
        for k in trade.keys.sorted() {
            let f = trade[k]!
            rows.append(["trade", f.tradeDate.description, f.summary, "", String(f.sourceCount), f.id])
        }
        rows.append(["sources", "", FactText.list(files, upTo: 12), "", String(sources), ""])
        return Table(header: ["section", "occurred", "summary", "status", "sources", "id"], rows: rows)
    }
}
