import ChanceryDomain

extension FactRecord {
    /// A one-line description, e.g. `IR → KZ official visit, Masoud Pezeshkian, Astana`.
    public var summary: String { FactText.summary(data, stream: stream) }

    /// The item of a state, registry or series: `id`, `occurred` (`occurredUntil`), the
    /// payload's fields, `sources` (number of distinct articles) and `files` (their names);
    /// trade figures add `series` and `date` (the period end or occurred).
    public var itemJSON: JSONValue {
        var o = data.json.objectValue ?? [:]
        o["id"] = .string(id)
        o["occurred"] = .string(occurred.description)
        if let occurredUntil { o["occurredUntil"] = .string(occurredUntil.description) }
        o["sources"] = .int(Int64(sourceCount))
        o["files"] = .array(files.map { .string($0) })
        if let t = tradeFigure {
            o["series"] = .string(TradeSeriesKey(t).description)
            o["date"] = .string(tradeDate.description)
        }
        return .object(o)
    }

    /// The item of a history: `{"id","seq","type","occurred","occurredUntil"?,"recordedAt",
    /// "data","summary","sources":[file names],"corroborations","retracted","retraction"?,
    /// "evidence":[{"file","article","quote","seq","event"}]}`.
    public var historyJSON: JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(id), "seq": .int(seq), "type": .string(type.rawValue), "occurred": .string(occurred.description),
            "recordedAt": .string(recordedAt), "data": data.json, "summary": .string(summary),
            "sources": .array(files.map { .string($0) }), "corroborations": .int(Int64(corroborations)),
            "retracted": .bool(retraction != nil),
            "evidence": .array(sources.map {
                .object(["file": .string($0.file), "article": .string($0.article), "quote": .string($0.quote),
                         "seq": .int($0.seq), "event": .string($0.event)])
            }),
        ]
        if let occurredUntil { o["occurredUntil"] = .string(occurredUntil.description) }
        if let r = retraction { o["retraction"] = r.json }
        return .object(o)
    }

    /// The singular noun of the fact's kind: `visit`, `talks`, `agreement`, `trade`.
    public var kind: String {
        switch data {
        case .visitStarted: return "visit"
        case .talksHeld: return "talks"
        case .agreementSigned: return "agreement"
        case .tradeFigureReported: return "trade"
        case .eventCorroborated: return "corroboration"
        case .eventRetracted: return "retraction"
        }
    }

    /// The payload's `status` word, when it has one.
    public var status: String? {
        switch data {
        case .visitStarted(let v): return v.status.rawValue
        case .talksHeld(let t): return t.status.rawValue
        case .agreementSigned(let a): return a.status.rawValue
        default: return nil
        }
    }

    /// `occurred`, or `occurred..occurredUntil` for a span.
    public var when: String {
        occurredUntil.map { "\(occurred)..\($0)" } ?? occurred.description
    }
}
