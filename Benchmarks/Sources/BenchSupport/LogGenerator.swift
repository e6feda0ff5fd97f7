import Foundation
import ChanceryDomain
import ChanceryStore

/// One write transaction of the generated log: an article and the events it brings,
/// grouped by stream in the order they are appended.
public struct GeneratedBatch: Sendable {
    public var article: ArticleRecord
    public var groups: [(stream: StreamID, events: [PendingEvent])]
    public var recordedAt: String
    public var eventCount: Int { groups.reduce(0) { $0 + $1.events.count } }
}

/// A deterministic (seeded) generator of a realistic log over ~200 pairs: articles in
/// kk/ru/en of about five facts each, later articles corroborating earlier facts, and now
/// and then a curator's retraction. Memory stays constant however long it runs: it only
/// remembers the last few facts of each pair.
public struct LogGenerator {
    struct Remembered {
        var id: String
        var spec: FactSpec
    }

    public private(set) var rng: SplitMix64
    let seedMix: UInt64
    /// The pairs (indexes into `BenchCountries.all`, sorted) and their cumulative weights.
    public let pairs: [(Int, Int)]
    let cumulative: [Double]
    var recent: [[Remembered]]
    var nextID: UInt64 = 0
    var transactions = 0
    /// The number of articles the dates are spread over (1995 to 2025).
    let expectedArticles: Int
    public private(set) var retractions = 0
    /// A pair outside the activity draw that gets exactly `probeFacts` facts, spread evenly
    /// over the log: its answers have the same size at any log size, so its query latency
    /// shows what the log's size costs (indexes, not scans).
    public let probe: Int
    public static let probeFacts = 40
    var probeWritten = 0
    public private(set) var corroborations = 0

    public init(seed: UInt64 = 20_260_101, pairCount: Int = 200, expectedEvents: Int) {
        rng = SplitMix64(seed: seed)
        seedMix = SplitMix64.mix(seed)
        let n = BenchCountries.all.count
        // Kazakhstan with every other country first (the sources are Kazakh media), then
        // other pairs in a seeded order.
        var ps = (1..<n).map { (0, $0) }
        var rest = [(Int, Int)]()
        for a in 1..<n { for b in (a + 1)..<n { rest.append((a, b)) } }
        rest.shuffle(using: &rng)
        ps += rest.prefix(max(0, pairCount - ps.count))
        // Zipf-like activity: a few busy relationships, a long tail.
        var acc = 0.0
        cumulative = ps.indices.map { i in acc += 1 / pow(Double(i + 1), 0.9); return acc }
        ps.append(rest.count > pairCount ? rest[pairCount] : (1, 2))
        probe = ps.count - 1
        pairs = ps
        recent = Array(repeating: [], count: ps.count)
        expectedArticles = max(1, expectedEvents / 5)
    }

    func code(_ i: Int) -> CountryCode { CountryCode(BenchCountries.all[i].code)! }

    mutating func pickPair() -> Int {
        let x = Double(rng.next() >> 11) / Double(1 << 53) * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func newID() -> String {
        nextID += 1
        let h = SplitMix64.mix(nextID ^ seedMix)
        let s = String(h, radix: 16)
        let t = String(SplitMix64.mix(h) & 0xFFFF, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s + String(repeating: "0", count: 4 - t.count) + t
    }

    /// The day the `k`-th article appears (the log spans 1995 to 2025 whatever its size).
    func day(of k: Int) -> FuzzyDate {
        let span = 31 * 365
        let d = min(span - 1, k * span / expectedArticles)
        return BenchDates.civil(daysSince1970: 9131 + d) // 1995-01-01
    }

    mutating func fact(pair p: Int, published: FuzzyDate) -> FactSpec {
        var (a, b) = pairs[p]
        if rng.chance(0.5) { swap(&a, &b) }
        let planned = rng.chance(0.12)
        let dayOffset = planned ? 3 + rng.below(28) : -rng.below(2)
        let occurred = published.adding(days: dayOffset)
        let r = rng.below(100)
        if r < 25 {
            let level: VisitLevel = rng.pick([.state, .official, .official, .working])
            return FactSpec(kind: .visit(visitor: a, host: b, level: level), occurred: occurred, status: planned ? .planned : .happened)
        } else if r < 55 {
            let format: TalksFormat = rng.pick([.narrow, .expanded, .expanded, .phone])
            return FactSpec(kind: .talks(a: a, b: b, format: format, venue: rng.chance(0.5) ? a : b), occurred: occurred,
                            status: planned && format != .phone ? .planned : .happened)
        } else if r < 80 {
            let count = rng.chance(0.15) ? 5 + rng.below(20) : nil
            let kind: AgreementKind = count != nil ? .documents : rng.pick([.agreement, .agreement, .memorandum, .roadmap, .program])
            return FactSpec(kind: .agreement(a: a, b: b, kind: kind, topic: rng.below(ArticleWriter.topics.count), count: count),
                            occurred: occurred, status: planned && count == nil ? .planned : .happened)
        } else {
            let year = (published.year ?? 2024) - (rng.chance(0.7) ? 1 : 0)
            let billions = Double(1 + rng.below(300)) / 10
            return FactSpec(kind: .trade(a: a, b: b, billions: billions, percent: rng.below(66) - 20, year: year),
                            occurred: .year(year), status: .happened)
        }
    }

    static func rule(_ f: FactSpec, _ lang: String) -> String {
        switch f.kind {
        case .visit: return "visit.\(lang).arrival"
        case .talks(_, _, let format, _): return format == .phone ? "talks.\(lang).phone" : "talks.\(lang).held"
        case .agreement: return "agreement.\(lang).signed"
        case .trade: return "trade.\(lang).turnover"
        }
    }

    /// The next transaction of the log.
    public mutating func next() -> GeneratedBatch {
        transactions += 1
        let recordedAt = BenchDates.rfc3339(1_767_225_600 + Int64(transactions))
        // Now and then a curator withdraws a fact (a manual article of one event).
        if rng.chance(0.012), let (p, k) = retractable() {
            let target = recent[p].remove(at: k)
            retractions += 1
            let text = "Retracted after review: the report of \(target.id) was a duplicate of another source (benchmark \(transactions))."
            let bytes = Array(text.utf8)
            let sha = Hashing.sha256Hex(bytes)
            let stream = StreamID(code(pairs[p].0), code(pairs[p].1))!
            let source = Provenance(article: sha, file: "manual", quote: text, span: [0, bytes.count], rule: "manual")
            let e = PendingEvent(id: newID(), stream: stream, occurred: target.spec.occurred,
                                 data: .eventRetracted(EventRetracted(event: target.id, reason: "duplicate report")), source: source)
            let record = ArticleRecord(sha256: sha, name: "manual", bytes: bytes, language: "manual", published: nil, ingestedAt: recordedAt)
            return GeneratedBatch(article: record, groups: [(stream, [e])], recordedAt: recordedAt)
        }

        let published = day(of: transactions)
        let lang = rng.pick(["kk", "kk", "ru", "ru", "en"])
        var streams = [pickPair()]
        let probeEvery = max(1, expectedArticles / LogGenerator.probeFacts)
        let isProbe = transactions % probeEvery == 0 && probeWritten < LogGenerator.probeFacts
        if isProbe { streams = [probe]; probeWritten += 1 } else if rng.chance(0.1) { streams.append(pickPair()) }
        if streams.count == 2 && streams[0] == streams[1] { streams.removeLast() }

        // The facts of the article: new ones, then earlier ones it reports again.
        var specs = [(pair: Int, spec: FactSpec, corroborates: String?)]()
        for (n, p) in streams.enumerated() {
            let fresh = n == 0 && !isProbe ? 1 + rng.below(6) : 1
            for _ in 0..<fresh { specs.append((p, fact(pair: p, published: published), nil)) }
            if n == 0, !isProbe, !recent[p].isEmpty {
                for _ in 0..<rng.below(3) {
                    let r = rng.pick(recent[p])
                    if !specs.contains(where: { $0.corroborates == r.id }) { specs.append((p, r.spec, r.id)) }
                }
            }
        }
        var textRNG = SplitMix64(seed: rng.next())
        let (text, spans) = ArticleWriter.article(facts: specs.map(\.spec), published: published, lang: lang, rng: &textRNG)
        let bytes = Array(text.utf8)
        let sha = Hashing.sha256Hex(bytes)
        let name = "gen-\(transactions).txt"
        let record = ArticleRecord(sha256: sha, name: name, bytes: bytes, language: lang, published: published.description, ingestedAt: recordedAt)

        var groups = [(stream: StreamID, events: [PendingEvent])]()
        for p in streams {
            let stream = StreamID(code(pairs[p].0), code(pairs[p].1))!
            var events = [PendingEvent]()
            for (k, s) in specs.enumerated() where s.pair == p {
                let quote = String(decoding: bytes[spans[k]], as: UTF8.self)
                let source = Provenance(article: sha, file: name, quote: quote, span: [spans[k].lowerBound, spans[k].upperBound],
                                        rule: LogGenerator.rule(s.spec, lang))
                let id = newID()
                if let target = s.corroborates {
                    corroborations += 1
                    events.append(PendingEvent(id: id, stream: stream, occurred: s.spec.occurred,
                                               data: .eventCorroborated(EventCorroborated(event: target)), source: source))
                } else {
                    events.append(PendingEvent(id: id, stream: stream, occurred: s.spec.occurred, data: s.spec.data, source: source))
                    if p != probe { recent[p].append(Remembered(id: id, spec: s.spec)) }
                    if recent[p].count > 24 { recent[p].removeFirst() }
                }
            }
            groups.append((stream, events))
        }
        return GeneratedBatch(article: record, groups: groups, recordedAt: recordedAt)
    }

    mutating func retractable() -> (Int, Int)? {
        let p = pickPair()
        guard !recent[p].isEmpty else { return nil }
        return (p, rng.below(recent[p].count))
    }

    /// A standalone article in `lang` about a random pair, for extraction throughput.
    public mutating func article(lang: String, index: Int) -> [UInt8] {
        let p = pickPair()
        let published = day(of: index)
        var specs = [FactSpec]()
        for _ in 0..<(2 + rng.below(5)) { specs.append(fact(pair: p, published: published)) }
        var textRNG = SplitMix64(seed: rng.next())
        return Array(ArticleWriter.article(facts: specs, published: published, lang: lang, rng: &textRNG).text.utf8)
    }
}

/// Calendar arithmetic without Foundation's formatters (fast, and the same everywhere).
public enum BenchDates {
    /// The civil date `days` after 1970-01-01.
    public static func civil(daysSince1970 days: Int) -> FuzzyDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return .day(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for a Unix time.
    public static func rfc3339(_ t: Int64) -> String {
        let days = Int(t / 86_400), s = Int(t % 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(civil(daysSince1970: days).description)T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }
}
