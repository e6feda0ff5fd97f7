import ChanceryDomain
import ChanceryExtraction
import ChanceryStore
import Foundation

/// What one run measures and where.
public struct BenchConfig {
    public var events = 100_000
    public var seed: UInt64 = 20_260_101
    public var pairs = 200
    /// Where the stores are written (a fresh directory by default).
    public var directory: String?
    /// Keep the stores after the run.
    public var keep = false
    /// Queries per kind (the median is reported).
    public var queries = 41
    /// Bytes of generated articles to extract.
    public var extractBytes = 4_000_000
    /// Print progress on stderr.
    public var verbose = true
    /// Only extraction (no store at all): for profiling the extractor.
    public var extractOnly = false
    /// Also time the proposed canonical JSON writer against `CanonicalJSON` on the
    /// persisted projection rows (see `JSONProbe`).
    public var probeJSON = false
    /// With `extractOnly`: write every candidate of the generated articles, and of the
    /// files in `dumpInputs`, to this path (one line per article and per candidate), to
    /// check that a change to the extractor leaves its output as it was.
    public var dumpCandidates: String?
    /// Files (or directories of files) whose candidates `dumpCandidates` also writes.
    public var dumpInputs: [String] = []
    public init() {}
}

/// A JSON object with its keys in insertion order (the required keys first).
public struct OrderedJSON {
    var items: [(String, String)] = []
    public init() {}
    public mutating func set(_ k: String, _ v: Double, digits: Int = 1) {
        let p = pow(10, Double(digits))
        let r = (v * p).rounded() / p
        items.append((k, r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)))
    }
    public mutating func set(_ k: String, _ v: Int) { items.append((k, String(v))) }
    public mutating func set(_ k: String, _ v: String) {
        var out = [UInt8]()
        CanonicalJSON.writeString(v, into: &out)
        items.append((k, String(decoding: out, as: UTF8.self)))
    }
    public mutating func set(_ k: String, object: OrderedJSON) { items.append((k, object.text(indent: nil))) }

    public func text(indent: String? = "  ") -> String {
        guard let indent else { return "{" + items.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}" }
        return "{\n" + items.map { "\(indent)\"\($0.0)\": \($0.1)" }.joined(separator: ",\n") + "\n}"
    }
}

/// Runs the quick benchmark: generate and append, raw SQLite beside it, replay, export,
/// verify, queries, extraction; every figure from the same process on the same files.
public struct Runner {
    public var config: BenchConfig
    public init(config: BenchConfig) { self.config = config }

    func log(_ s: String) {
        if config.verbose { FileHandle.standardError.write((s + "\n").data(using: .utf8)!) }
    }

    /// Peak RSS per phase (VmHWM after a reset), and the overall peak kept across resets.
    struct PhaseMemory {
        var overall = 0.0
        var phases = OrderedJSON()
        mutating func start() {
            overall = max(overall, Memory.ownPeakRSSMB)
            Memory.resetPeak()
        }
        mutating func end(_ phase: String) {
            overall = max(overall, Memory.ownPeakRSSMB)
            phases.set(phase, Memory.ownPeakRSSMB)
        }
    }

    public func run(projector p: some Projector) throws -> OrderedJSON {
        var projector = p
        let fm = FileManager.default
        let dir = config.directory ?? (NSTemporaryDirectory() + "chancery-bench-\(getpid())")
        try? fm.removeItem(atPath: dir)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { if !config.keep { try? fm.removeItem(atPath: dir) } }
        let storePath = dir + "/bench.sqlite", rawPath = dir + "/raw.sqlite"
        var mem = PhaseMemory()
        var out = OrderedJSON()
        var extra = OrderedJSON()

        if config.extractOnly {
            try extract(&out, &extra, &mem)
            out.set("peak_rss_mb", max(mem.overall, Memory.ownPeakRSSMB), digits: 1)
            out.set("details", object: extra)
            return out
        }
        // 1. Append: one transaction per article, ~5 events each.
        mem.start()
        let store = try EventStore(path: storePath)
        var gen = LogGenerator(seed: config.seed, pairCount: config.pairs, expectedEvents: config.events)
        var appended = 0, transactions = 0
        var appendClock = Stopwatch.Accumulator()
        var genClock = Stopwatch.Accumulator()
        var pairsSeen = Set<String>()
        log("append: \(config.events) events into \(storePath)")
        while appended < config.events {
            let g0 = Stopwatch.now()
            let batch = gen.next()
            genClock.add(since: g0)
            let t = appendClock.start()
            try store.write { tx in
                try tx.insertArticle(batch.article)
                var all = [RecordedEvent]()
                for g in batch.groups {
                    all += try tx.append(g.events, to: g.stream, expected: .any, recordedAt: batch.recordedAt)
                }
                try projector.afterAppend(store, tx, all)
            }
            appendClock.add(since: t)
            appended += batch.eventCount
            transactions += 1
            for g in batch.groups { pairsSeen.insert(g.stream.description) }
            if transactions % 20_000 == 0 { log("  \(appended) events, \(Int(Double(appended) / appendClock.seconds)) events/s") }
        }
        mem.end("append")
        out.set("events", appended)
        out.set("append_events_per_s", Double(appended) / appendClock.seconds, digits: 0)
        extra.set("transactions", transactions)
        extra.set("pairs", pairsSeen.count)
        extra.set("corroborations", gen.corroborations)
        extra.set("retractions", gen.retractions)
        extra.set("generator_s", genClock.seconds, digits: 2)
        extra.set("append_s", appendClock.seconds, digits: 2)
        extra.set("append_cpu_events_per_s", Double(appended) / appendClock.cpuSeconds, digits: 0)
        // What the commits cost on our side: the first articles again (up to 20 000 events),
        // into another store, all in one transaction (not a target's measure).
        do {
            let path = dir + "/one-transaction.sqlite"
            let other = try EventStore(path: path)
            var again = LogGenerator(seed: config.seed, pairCount: config.pairs, expectedEvents: config.events)
            var n = 0
            var clock = Stopwatch.Accumulator()
            var p2 = projector
            p2.drop()
            let t = clock.start()
            try other.write { tx in
                while n < min(config.events, 20_000) {
                    let batch = again.next()
                    try tx.insertArticle(batch.article)
                    var all = [RecordedEvent]()
                    for g in batch.groups {
                        all += try tx.append(g.events, to: g.stream, expected: .any, recordedAt: batch.recordedAt)
                    }
                    try p2.afterAppend(other, tx, all)
                    n += batch.eventCount
                }
            }
            clock.add(since: t)
            extra.set("append_one_transaction_events_per_s", Double(n) / clock.seconds, digits: 0)
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        }

        // 2. Raw insert of the same rows.
        mem.start()
        log("raw insert")
        let raw = try RawBaseline.insert(from: storePath, into: rawPath)
        mem.end("raw_insert")
        out.set("raw_insert_rows_per_s", Double(raw.rows) / raw.seconds, digits: 0)
        extra.set("raw_insert_s", raw.seconds, digits: 2)
        extra.set("raw_insert_cpu_rows_per_s", Double(raw.rows) / raw.cpu, digits: 0)
        // What the commits cost: the same rows in one transaction (not a target's measure).
        let onePath = dir + "/raw-one-transaction.sqlite"
        let one = try RawBaseline.insert(from: storePath, into: onePath, articlesPerCommit: Int.max)
        try? fm.removeItem(atPath: onePath)
        for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: onePath + suffix) }
        extra.set("raw_insert_one_transaction_rows_per_s", Double(one.rows) / one.seconds, digits: 0)

        // 3. Replay: rebuild every projection from the log.
        projector.drop()
        mem.start()
        log("replay")
        let (replayed, replayS, replayCPU) = try Stopwatch.time2 { try projector.rebuild(store) }
        out.set("replay_events_per_s", Double(replayed) / replayS, digits: 0)
        extra.set("replay_s", replayS, digits: 2)
        extra.set("replay_cpu_events_per_s", Double(replayed) / replayCPU, digits: 0)
        // The same rebuild with no rows to start from: every row is written.
        try projector.clear(store)
        log("replay from empty")
        let (fromEmpty, fromEmptyS, fromEmptyCPU) = try Stopwatch.time2 { try projector.rebuild(store) }
        mem.end("replay")
        extra.set("replay_from_empty_events_per_s", Double(fromEmpty) / fromEmptyS, digits: 0)
        extra.set("replay_from_empty_cpu_events_per_s", Double(fromEmpty) / fromEmptyCPU, digits: 0)

        // 4. Raw sequential read of the same rows.
        mem.start()
        log("raw read")
        let rawRead = try RawBaseline.read(rawPath)
        mem.end("raw_read")
        out.set("raw_read_rows_per_s", Double(rawRead.rows) / rawRead.seconds, digits: 0)
        extra.set("raw_read_cpu_rows_per_s", Double(rawRead.rows) / rawRead.cpu, digits: 0)

        // 5. Export (to /dev/null, buffered as the CLI writes stdout) and verify.
        mem.start()
        log("export")
        guard let sink = fopen("/dev/null", "w") else { throw BenchError("cannot open /dev/null") }
        var lines = 0, bytes = 0
        let (_, exportS) = try Stopwatch.time {
            try store.exportLines { line in
                line.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, sink) }
                lines += 1
                bytes += line.count
            }
        }
        fclose(sink)
        mem.end("export")
        out.set("export_events_per_s", Double(lines) / exportS, digits: 0)
        extra.set("export_mb", Double(bytes) / 1e6, digits: 1)

        mem.start()
        log("verify")
        let (report, verifyS) = try Stopwatch.time { try store.verify() }
        mem.end("verify")
        guard report.ok else { throw BenchError("verify failed: \(report.problem!)") }
        out.set("verify_events_per_s", Double(report.events) / verifyS, digits: 0)

        // 6. Queries: pairs drawn by activity (as people ask about them), median latency.
        mem.start()
        log("queries")
        var qrng = LogGenerator(seed: config.seed ^ 0xABCD, pairCount: config.pairs, expectedEvents: config.events)
        let c = BenchCountries.all
        let pairs = (0..<config.queries).map { _ -> StreamID in
            let (a, b) = gen.pairs[qrng.pickPair()]
            return StreamID(CountryCode(c[a].code)!, CountryCode(c[b].code)!)!
        }
        let busiest = StreamID(CountryCode(c[gen.pairs[0].0].code)!, CountryCode(c[gen.pairs[0].1].code)!)!
        let probe = StreamID(CountryCode(c[gen.pairs[gen.probe].0].code)!, CountryCode(c[gen.pairs[gen.probe].1].code)!)!
        let asOf = FuzzyDate.day(year: 2012, month: 6, day: 30)
        func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
        func timed(_ body: () throws -> Int) rethrows -> Double {
            let t = Stopwatch.now()
            _ = try body()
            return Stopwatch.seconds(since: t) * 1000
        }
        func repeated(_ body: () throws -> Int) rethrows -> Double {
            try median((0..<config.queries).map { _ in try timed(body) })
        }
        _ = try projector.state(store, pair: busiest, asOf: nil) // warm the page cache once
        // The probe pair: the same answer (40 facts) at any log size.
        out.set("state_ms", try repeated { try projector.state(store, pair: probe, asOf: nil) }, digits: 3)
        out.set("state_as_of_ms", try repeated { try projector.state(store, pair: probe, asOf: asOf) }, digits: 3)
        out.set("history_ms", try repeated { try projector.history(store, pair: probe) }, digits: 3)
        // Pairs drawn by activity, as people ask about them (answers grow with the log).
        let stateMs = try pairs.map { q in try timed { try projector.state(store, pair: q, asOf: nil) } }
        let asOfMs = try pairs.map { q in try timed { try projector.state(store, pair: q, asOf: asOf) } }
        let historyMs = try pairs.map { q in try timed { try projector.history(store, pair: q) } }
        extra.set("probe_pair", probe.description)
        extra.set("state_typical_ms", median(stateMs), digits: 3)
        extra.set("state_as_of_typical_ms", median(asOfMs), digits: 3)
        extra.set("history_typical_ms", median(historyMs), digits: 3)
        extra.set("state_max_ms", stateMs.max() ?? 0, digits: 3)
        extra.set("busiest_pair", busiest.description)
        extra.set("state_busiest_ms", try timed { try projector.state(store, pair: busiest, asOf: nil) }, digits: 3)
        extra.set("state_as_of_busiest_ms", try timed { try projector.state(store, pair: busiest, asOf: asOf) }, digits: 3)
        extra.set("history_busiest_ms", try timed { try projector.history(store, pair: busiest) }, digits: 3)
        mem.end("queries")
        projector.drop()

        if config.probeJSON {
            let p = try JSONProbe.run(storePath: storePath)
            var j = OrderedJSON()
            j.set("rows", p.rows); j.set("mb", Double(p.bytes) / 1e6, digits: 2)
            j.set("canonical_json_ms", p.current, digits: 1); j.set("proposed_ms", p.proposed, digits: 1)
            j.set("identical", p.identical ? "yes" : "NO")
            extra.set("json_probe", object: j)
        }

        try extract(&out, &extra, &mem)

        out.set("peak_rss_mb", max(mem.overall, Memory.ownPeakRSSMB), digits: 1)
        let sizes = [storePath, rawPath].map { ((try? fm.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0) }
        extra.set("store_mb", Double(sizes[0]) / 1e6, digits: 1)
        extra.set("raw_mb", Double(sizes[1]) / 1e6, digits: 1)
        out.set("append_vs_raw_insert", Double(appended) / appendClock.seconds / (Double(raw.rows) / raw.seconds), digits: 3)
        out.set("replay_vs_raw_read", Double(replayed) / replayS / (Double(rawRead.rows) / rawRead.seconds), digits: 3)
        out.set("projections", projector.name)
        out.set("phase_peak_rss_mb", object: mem.phases)
        out.set("details", object: extra)
        var load = [Double](repeating: 0, count: 3)
        _ = getloadavg(&load, 3)
        out.set("loadavg_1m", load[0], digits: 2)
        out.set("date", BenchDates.rfc3339(Int64(Date().timeIntervalSince1970)))
        return out
    }

    /// Extraction: generated articles in kk/ru/en, on one core.
    func extract(_ out: inout OrderedJSON, _ extra: inout OrderedJSON, _ mem: inout PhaseMemory) throws {
        mem.start()
        log("extract")
        var agen = LogGenerator(seed: config.seed ^ 0x5EED, pairCount: config.pairs, expectedEvents: 100_000)
        var articles = [[UInt8]]()
        var total = 0
        let langs = ["kk", "ru", "en"]
        while total < config.extractBytes {
            let a = agen.article(lang: langs[articles.count % 3], index: articles.count * 7)
            total += a.count
            articles.append(a)
        }
        let extractor = Extractor()
        var candidates = 0
        let (_, extractS, extractCPU) = try Stopwatch.time2 {
            for (n, a) in articles.enumerated() {
                let article = try extractor.read(bytes: a, name: "gen-\(n).txt")
                candidates += extractor.candidates(in: article).count
            }
        }
        mem.end("extract")
        if let path = config.dumpCandidates { try dump(articles, to: path) }
        out.set("extract_mb_per_s", Double(total) / 1e6 / extractS, digits: 2)
        extra.set("extract_cpu_mb_per_s", Double(total) / 1e6 / extractCPU, digits: 2)
        extra.set("extract_articles", articles.count)
        extra.set("extract_mb", Double(total) / 1e6, digits: 2)
        extra.set("extract_candidates_per_article", Double(candidates) / Double(articles.count), digits: 2)
    }

    /// Writes what the extractor reads from each input: the article's language and date,
    /// then each candidate (or the reading error).
    func dump(_ generated: [[UInt8]], to path: String) throws {
        var inputs = generated.enumerated().map { ("gen-\($0.offset).txt", $0.element) }
        let fm = FileManager.default
        for p in config.dumpInputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: p, isDirectory: &isDir) else { continue }
            let files = isDir.boolValue ? try fm.contentsOfDirectory(atPath: p).sorted().map { p + "/" + $0 } : [p]
            for f in files {
                guard let d = fm.contents(atPath: f) else { continue }
                inputs.append((f, [UInt8](d)))
            }
        }
        let extractor = Extractor()
        var text = ""
        for (name, bytes) in inputs {
            do {
                let a = try extractor.read(bytes: bytes, name: (name as NSString).lastPathComponent)
                text += "== \(name) \(a.language) \(String(describing: a.published))\n"
                for c in extractor.candidates(in: a) { text += "  \(c)\n" }
            } catch {
                text += "== \(name) error \(error)\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
