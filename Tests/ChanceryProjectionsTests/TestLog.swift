import ChanceryDomain
@testable import ChanceryProjections

/// Builds a log by hand: each append gets the next `seq` and a `recordedAt` one minute
/// after the previous one (seq n at 2026-01-01T00:00Z + n minutes).
struct TestLog {
    var events: [RecordedEvent] = []
    private var streams: [String: StreamID] = [:]

    var nextSeq: Int64 { Int64(events.count + 1) }

    static func recordedAt(_ seq: Int64) -> String {
        let minutes = Int(seq)
        let day = 1 + minutes / 1440, hour = (minutes / 60) % 24, minute = minutes % 60
        func p(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "2026-01-\(p(day))T\(p(hour)):\(p(minute)):00Z"
    }

    static func source(_ file: String) -> Provenance {
        Provenance(article: "sha-\(file)", file: file, quote: "quote in \(file)", span: [0, 10], rule: "test")
    }

    @discardableResult
    mutating func append(_ data: EventData, id: String, stream: StreamID, occurred: String, until: String? = nil,
                         file: String, recordedAt: String? = nil) -> RecordedEvent {
        let seq = nextSeq
        let e = RecordedEvent(seq: seq, id: id, stream: stream, occurred: FuzzyDate(occurred)!,
                              occurredUntil: until.map { FuzzyDate($0)! },
                              recordedAt: recordedAt ?? TestLog.recordedAt(seq), data: data,
                              source: TestLog.source(file), prevHash: "", hash: "")
        events.append(e)
        return e
    }

    /// Appends a domain fact; its stream is the payload's parties.
    @discardableResult
    mutating func fact(_ data: EventData, id: String, _ occurred: String, until: String? = nil, file: String,
                       recordedAt: String? = nil) -> RecordedEvent {
        let p = data.parties!
        let s = StreamID(p[0], p[1])!
        streams[id] = s
        return append(data, id: id, stream: s, occurred: occurred, until: until, file: file, recordedAt: recordedAt)
    }

    /// Appends an `EventCorroborated` of `fact` from `file`.
    @discardableResult
    mutating func corroborate(_ fact: String, id: String, file: String, occurred: String = "2025-12-12",
                              stream: StreamID? = nil) -> RecordedEvent {
        let s = stream ?? streams[fact] ?? StreamID("IR-KZ")!
        streams[id] = s
        return append(.eventCorroborated(EventCorroborated(event: fact)), id: id, stream: s, occurred: occurred, file: file)
    }

    /// Appends an `EventRetracted` of `target`.
    @discardableResult
    mutating func retract(_ target: String, id: String, reason: String, stream: StreamID? = nil) -> RecordedEvent {
        let s = stream ?? streams[target] ?? StreamID("IR-KZ")!
        return append(.eventRetracted(EventRetracted(event: target, reason: reason)), id: id, stream: s,
                      occurred: "2026-01-01", file: "manual")
    }
}

// Payload shorthands.

func visit(_ visitor: CountryCode, _ host: CountryCode, leader: String? = nil, level: VisitLevel = .unspecified,
           place: String? = nil, status: FactStatus = .happened) -> EventData {
    .visitStarted(VisitStarted(visitor: visitor, host: host, leader: leader, level: level, place: place, status: status))
}

func talks(_ a: CountryCode, _ b: CountryCode, format: TalksFormat = .unspecified, participants: [String] = [],
           place: String? = nil, status: FactStatus = .happened) -> EventData {
    .talksHeld(TalksHeld(parties: [a, b], participants: participants, format: format, place: place, status: status))
}

func agreement(_ a: CountryCode, _ b: CountryCode, title: String = "", kind: AgreementKind = .agreement, count: Int? = nil,
               status: SigningStatus = .signed) -> EventData {
    .agreementSigned(AgreementSigned(parties: [a, b], title: title, kind: kind, count: count, status: status))
}

func trade(_ a: CountryCode, _ b: CountryCode, _ metric: TradeMetric, _ value: Double, _ unit: String,
           change: Change? = nil, period: (String, String)? = nil, direction: (CountryCode, CountryCode)? = nil) -> EventData {
    .tradeFigureReported(TradeFigureReported(parties: [a, b], metric: metric, value: value, unit: unit, change: change,
                                             period: period.map { Period(from: $0.0, to: $0.1) },
                                             direction: direction.map { TradeDirection(from: $0.0, to: $0.1) }))
}

let irkz = StreamID("IR-KZ")!
let kztj = StreamID("KZ-TJ")!
let kzuz = StreamID("KZ-UZ")!

/// Parses a JSON literal of a test.
func json(_ text: String) -> JSONValue {
    do { return try JSONParser.parse(text) } catch { fatalError("bad JSON literal: \(error)\n\(text)") }
}

/// The facts of the five seed articles, in the order the articles would be ingested
/// (000, 001, 002 about IR-KZ; 003 KZ-TJ without a year; 004 KZ-UZ).
func seedLog() -> TestLog {
    var log = TestLog()
    log.fact(visit("IR", "KZ", leader: "Masoud Pezeshkian", level: .official, place: "Astana"),
             id: "ir-kz-visit", "2025-12-10", until: "2025-12-11", file: "000.txt")                          // 1
    log.fact(talks("IR", "KZ", format: .narrow), id: "ir-kz-talks-narrow", "2025-12-11", file: "000.txt")     // 2
    log.fact(trade("IR", "KZ", .tradeTurnover, 40, "percent", change: .increase, period: ("2025-01", "2025-10")),
             id: "ir-kz-turnover-40", "2025-12-10", file: "000.txt")                                          // 3
    log.corroborate("ir-kz-visit", id: "c-visit-001", file: "001.txt")                                        // 4
    log.corroborate("ir-kz-talks-narrow", id: "c-narrow-002", file: "002.txt")                                // 5
    log.fact(talks("IR", "KZ", format: .expanded), id: "ir-kz-talks-expanded", "2025-12-11", file: "002.txt") // 6
    log.fact(agreement("IR", "KZ", kind: .documents), id: "ir-kz-documents", "2025-12-11", file: "002.txt")  // 7
    log.corroborate("ir-kz-turnover-40", id: "c-turnover-002", file: "002.txt")                               // 8
    log.fact(trade("IR", "KZ", .tradeTarget, 3_000_000_000, "USD"), id: "ir-kz-target-3bn", "2025-12-11", file: "002.txt") // 9
    log.fact(trade("IR", "KZ", .investment, 17_800_000, "USD", period: ("2025-01", "2025-12"), direction: ("IR", "KZ")),
             id: "ir-kz-fdi", "2025-12-11", file: "002.txt")                                                  // 10
    log.fact(visit("KZ", "TJ", leader: "Kassym-Jomart Tokayev", level: .state, place: "Dushanbe"),
             id: "kz-tj-visit", "--08-22", file: "003.txt")                                                   // 11
    log.fact(talks("KZ", "TJ", format: .narrow), id: "kz-tj-talks-narrow", "--08-22", file: "003.txt")       // 12
    log.fact(agreement("KZ", "TJ", title: "Одақтастық қатынастар туралы шарт", kind: .treaty, status: .planned),
             id: "kz-tj-allied-treaty", "--08-22", file: "003.txt")                                           // 13
    log.fact(visit("KZ", "UZ", leader: "Kassym-Jomart Tokayev", place: "Tashkent"), id: "kz-uz-visit", "2025-11-15",
             file: "004.txt")                                                                                 // 14
    log.fact(talks("KZ", "UZ"), id: "kz-uz-talks", "2025-11-15", file: "004.txt")                            // 15
    return log
}
