import ChanceryDomain
import ChanceryStore
import Foundation
import Testing

/// Four `chancery ingest` processes at once on one store, over the same and overlapping sets
/// of articles: the result holds exactly the facts and corroborations of a sequential run.
@Suite(.serialized) struct ConcurrentWritersTests {
    /// What a fact is, whichever article told it first: type, stream, dates (trade figures:
    /// metric, unit, value, period, since their date is the reporting article's).
    static func factKey(_ e: RecordedEvent) -> String {
        switch e.data {
        case .tradeFigureReported(let t):
            return "trade \(e.stream) \(t.metric.rawValue) \(t.unit) \(t.value) \(t.period?.from ?? "-")"
        default:
            return "\(e.type.rawValue) \(e.stream) \(e.occurred) \(e.occurredUntil?.description ?? "-")"
        }
    }

    struct Summary: Equatable {
        /// (article, fact) for every domain event and corroboration.
        var told: Set<String> = []
        /// How many domain events state each fact.
        var factCounts: [String: Int] = [:]
    }

    static func summarise(_ events: [RecordedEvent]) -> (Summary, [String]) {
        var problems = [String]()
        let byID = Dictionary(events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var s = Summary()
        var perArticle = [String: [String]]()
        for e in events {
            let key: String
            switch e.data {
            case .eventCorroborated(let c):
                guard let target = byID[c.event] else { problems.append("seq \(e.seq) corroborates a missing event"); continue }
                key = factKey(target)
            case .eventRetracted: continue
            default:
                key = factKey(e)
                s.factCounts[key, default: 0] += 1
            }
            perArticle[e.source.article, default: []].append(key)
            s.told.insert("\(e.source.article) \(key)")
        }
        for (a, keys) in perArticle where Set(keys).count != keys.count {
            problems.append("article \(a.prefix(12)) states a fact twice: \(keys)")
        }
        return (s, problems)
    }

    @Test(arguments: [false, true])
    func fourWritersAtOnceLoseAndDoubleNothing(freshStore: Bool) throws {
        let rounds = Scale.trials(ci: 2, local: 5)
        let started = Date()
        var reads = 0
        defer { print("concurrent writers (\(freshStore ? "fresh" : "existing") store): \(rounds) rounds of 4 writers over 83 articles, \(reads) verify + export while writing, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s") }
        for round in 0..<rounds {
            try oneRound(seed: Scale.seed(0xC0C0_0000) &+ UInt64(round) &+ (freshStore ? 100 : 0), freshStore: freshStore, round: round, readsDuringWrites: &reads)
        }
    }

    func oneRound(seed: UInt64, freshStore: Bool, round: Int, readsDuringWrites: inout Int) throws {
        let articles = ArticleGenerator.articles(count: 80, seed: seed, duplicates: 3)
        let work = Binary.tempDir("conc")
        defer { try? FileManager.default.removeItem(atPath: work) }
        // Four overlapping sets: 0–39, 20–59, 40–79 + duplicates, and all of them under
        // other names in reverse order (same bytes, so the same articles).
        let sets: [[ArticleGenerator.Article]] = [
            Array(articles[0..<40]), Array(articles[20..<60]), Array(articles[40...]),
            articles.enumerated().map { n, a in ArticleGenerator.Article(name: String(format: "r%04d.txt", articles.count - n), bytes: a.bytes, facts: a.facts, lang: a.lang) },
        ]
        var dirs = [String]()
        for (i, s) in sets.enumerated() {
            let d = work + "/set\(i)"
            try ArticleGenerator.write(s, to: d)
            dirs.append(d)
        }
        let shas = Set(articles.map { sha($0.bytes) })

        // Sequential reference: every article, one process.
        let seqStore = work + "/sequential.sqlite"
        let seqRun = try Binary.run(["--store", seqStore, "ingest"] + dirs)
        #expect(seqRun.status == 0, "\(seqRun.stderr)")
        let reference = try StoreContents(path: seqStore, articles: shas)
        let (refSummary, refProblems) = Self.summarise(reference.events)
        #expect(refProblems.isEmpty, "\(refProblems)")
        #expect(refSummary.factCounts.values.allSatisfy { $0 == 1 }, "the sequential run doubles a fact: \(refSummary.factCounts.filter { $0.value > 1 })")
        #expect(reference.events.contains { $0.type == .eventCorroborated }, "no overlap became a corroboration")

        // Four at once.
        let store = work + "/shared.sqlite"
        if !freshStore {
            // An existing store, with one article already in it.
            let r = try Binary.run(["--store", store, "ingest", dirs[0] + "/" + articles[0].name])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let procs = try dirs.enumerated().map { i, d in
            try Binary.start(["--store", store, "ingest", d], outputs: work, tag: "writer\(i)")
        }
        // Meanwhile a reader: every `verify` must pass and every export must be a sound
        // chain, whatever the writers are doing (each must read one snapshot). Mostly through
        // the library (many reads per round), one in five through the CLI.
        var reads = 0
        while procs.contains(where: { $0.process.isRunning }) {
            if reads % 5 == 4 {
                let v = try Binary.verify(store)
                #expect(v.status == 0, "round \(round): `chancery verify` while writing: \(v.stderr)")
            } else if FileManager.default.fileExists(atPath: store) {
                let reader = try EventStore(path: store)
                let report = try reader.verify()
                #expect(report.ok, "round \(round): verify while writing: \(report.problem?.description ?? "")")
                var lines = [[UInt8]]()
                try reader.exportLines { lines.append(Array($0.dropLast())) }
                #expect(throws: Never.self, "round \(round): an export taken while writing is not a sound log") { try EventStore.inMemory().importLog(lines) }
            }
            reads += 1
        }
        readsDuringWrites += reads
        let results = procs.map { $0.wait() }
        for (i, r) in results.enumerated() {
            #expect(r.status == 0, "round \(round) writer \(i) exited \(r.status): \(r.stderr)")
            #expect(!r.stderr.lowercased().contains("locked") && !r.stderr.lowercased().contains("busy"), "writer \(i): \(r.stderr)")
            #expect(r.stderr.isEmpty, "writer \(i): \(r.stderr)")
        }

        // Each article appended by exactly one writer; everyone else said "already ingested".
        var appendedBy = [String: Int]()
        let byPath = Dictionary(uniqueKeysWithValues: zip(dirs.indices, sets).flatMap { i, s in s.map { (dirs[i] + "/" + $0.name, sha($0.bytes)) } })
        for r in results {
            for line in r.out.split(separator: "\n") {
                let cols = line.split(separator: "\t")
                guard cols.count == 3, let a = byPath[String(cols[0])] else { Issue.record("odd output line: \(line)"); continue }
                if cols[2].hasPrefix("appended") { appendedBy[a, default: 0] += 1 }
                else { #expect(cols[2] == "already ingested", "\(line)") }
            }
        }
        let expectedAppends = freshStore ? shas : shas.subtracting([sha(articles[0].bytes)])
        #expect(Set(appendedBy.keys) == expectedAppends && appendedBy.values.allSatisfy { $0 == 1 }, "appends per article: \(appendedBy.filter { $0.value != 1 })")

        let v = try Binary.verify(store)
        #expect(v.status == 0, "round \(round): \(v.stderr)")
        let got = try StoreContents(path: store, articles: shas)
        #expect(got.articleCount == shas.count && got.articlesPresent == shas)
        #expect(got.events.map(\.seq) == Array(1...Int64(got.events.count)), "seq has a gap")
        #expect(got.events.count == reference.events.count)
        // One transaction per article: its events are contiguous in seq.
        var lastArticle = "", seen = Set<String>()
        for e in got.events where e.source.article != lastArticle {
            #expect(seen.insert(e.source.article).inserted, "round \(round): events of article \(e.source.article.prefix(12)) are not contiguous (seq \(e.seq))")
            lastArticle = e.source.article
        }
        let (summary, problems) = Self.summarise(got.events)
        #expect(problems.isEmpty, "\(problems)")
        #expect(summary.factCounts.values.allSatisfy { $0 == 1 }, "a fact was doubled: \(summary.factCounts.filter { $0.value > 1 })")
        #expect(Set(summary.factCounts.keys) == Set(refSummary.factCounts.keys), "facts lost or added: \(Set(summary.factCounts.keys).symmetricDifference(refSummary.factCounts.keys))")
        #expect(summary.told == refSummary.told, "(article, fact) differ from the sequential run: \(summary.told.symmetricDifference(refSummary.told).sorted().prefix(6))")
        if summary.told != refSummary.told {
            // Which sentences: to tell a store defect from facts that merge differently.
            let keys = Set(summary.told.symmetricDifference(refSummary.told).map { String($0.split(separator: " ", maxSplits: 1)[1]) })
            for (run, events) in [("sequential", reference.events), ("concurrent", got.events)] {
                for e in events where e.type.isDomain && keys.contains(Self.factKey(e)) {
                    print("\(run) seq \(e.seq) \(Self.factKey(e)) from \(e.source.file): \(e.source.quote.prefix(120))")
                }
            }
        }
    }
}
