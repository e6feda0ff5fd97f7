import Foundation
import Testing

/// SIGKILL `chancery ingest` at random moments: after each kill the store verifies, every
/// article is wholly in the log or absent, and resuming gives the uninterrupted run's log.
@Suite(.serialized) struct CrashSafetyTests {
    /// ≥ 200 generated articles (kk/ru/en, with a few byte-identical duplicates under other
    /// names), one uninterrupted reference run, then ≥ 30 (CI) killed runs, each resumed.
    @Test func sigkillAtRandomMomentsLeavesWholeArticlesAndResumesToTheSameLog() throws {
        let seed = Scale.seed(0xC4A5_4001)
        let count = Scale.trials(ci: 200, local: 240)
        let articles = ArticleGenerator.articles(count: count, seed: seed, duplicates: 4)
        let work = Binary.tempDir("crash")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let input = work + "/in"
        try ArticleGenerator.write(articles, to: input)
        let shas = Set(articles.map { sha($0.bytes) })
        // The order `ingest` takes them in (sorted paths), first occurrence of each hash.
        var order = [String]()
        for a in articles.sorted(by: { $0.name < $1.name }) where !order.contains(sha(a.bytes)) { order.append(sha(a.bytes)) }

        // The uninterrupted run.
        let refStore = work + "/reference.sqlite"
        let started = Date()
        let ref = try Binary.run(["--store", refStore, "ingest", input])
        let duration = Date().timeIntervalSince(started)
        try #require(ref.status == 0, "reference ingest failed: \(ref.stderr)")
        let refExport = try Binary.export(refStore)
        let reference = try StoreContents(path: refStore, articles: shas)
        try #require(reference.articleCount == shas.count)
        // The run must hold facts, corroborations and articles without any, or it proves little.
        let types = Set(reference.events.map(\.type.rawValue))
        #expect(reference.events.count >= 100, "only \(reference.events.count) events from \(count) articles")
        #expect(types.contains("EventCorroborated") && types.count >= 4, "\(types)")
        #expect(reference.linesByArticle.count < shas.count, "every article has facts: the 'no event' case is not exercised")

        /// A re-run that completed: it says "already ingested" for what the kills left, and
        /// for the duplicate files.
        func checkResumed(_ r: Binary.Result, present: Int, tag: String) throws {
            #expect(r.stderr.isEmpty, "\(tag): \(r.stderr)")
            let lines = r.out.split(separator: "\n")
            #expect(lines.count == articles.count, "\(tag): \(lines.count) output lines")
            let already = lines.filter { $0.hasSuffix("already ingested") }.count
            #expect(already == present + (articles.count - shas.count), "\(tag): \(already) already ingested, \(present) were present")
        }

        // Kill chains: start an ingest, SIGKILL it at a random moment, check the store, start
        // the ingest again on the same store (so every kill is followed by a re-run), kill
        // that one too, … up to `perChain` kills; then re-run to completion and compare the
        // export with the uninterrupted run's. A chain costs about one full ingest.
        var rng = SeededRNG(seed: seed ^ 0x5EED)
        let wanted = Scale.trials(ci: 30, local: 60)
        let perChain = 5
        var kills = 0, beforeAnyArticle = 0, midway = 0, afterLast = 0, finishedFirst = 0, chains = 0, runs = 0
        while kills < wanted && runs < wanted * 4 {
            chains += 1
            let store = work + "/chain-\(chains).sqlite"
            var present = 0, chainKills = 0
            while true {
                runs += 1
                let tag = "chain-\(chains)-run-\(runs)"
                let last = chainKills == perChain || kills == wanted
                let running = try Binary.start(["--store", store, "ingest", input], outputs: work, tag: tag)
                if last {
                    let r = running.wait()
                    #expect(r.status == 0, "\(tag): the re-run did not complete: \(r.stderr)")
                    try checkResumed(r, present: present, tag: tag)
                    break
                }
                // A moment within what is left of the run, start-up included.
                let left = duration * Double(order.count - present) / Double(order.count)
                Thread.sleep(forTimeInterval: Double.random(in: 0...(left + 0.05), using: &rng))
                running.kill(SIGKILL)
                let killed = running.wait()
                if killed.status == 0 {
                    // It finished before the signal: the chain ends with a completed re-run.
                    finishedFirst += 1
                    try checkResumed(killed, present: present, tag: tag)
                    break
                }
                kills += 1
                chainKills += 1
                #expect(killed.status == 128 + SIGKILL, "\(tag): status \(killed.status), \(killed.stderr)")

                // 1. The store verifies.
                let v = try Binary.verify(store)
                #expect(v.status == 0, "\(tag): verify after SIGKILL: \(v.stderr)")

                // 2. Every article wholly present (its events exactly the reference's) or
                //    absent; the present ones are the first k of the ingest order; the log is
                //    a prefix of the reference log.
                let got = try StoreContents(path: store, articles: shas)
                for a in shas {
                    if got.articlesPresent.contains(a) {
                        #expect(got.linesByArticle[a] == reference.linesByArticle[a], "\(tag): article \(a.prefix(12)) is partly in the log")
                    } else {
                        #expect(got.linesByArticle[a] == nil, "\(tag): events of absent article \(a.prefix(12))")
                    }
                }
                #expect(got.articleCount == got.articlesPresent.count, "\(tag): an article row that is none of ours")
                let k = got.articlesPresent.count
                #expect(k >= present, "\(tag): articles disappeared")
                #expect(Set(order.prefix(k)) == got.articlesPresent, "\(tag): present articles are not a prefix of the ingest order")
                #expect(got.events.map(\.exportLine) == Array(reference.events.prefix(got.events.count).map(\.exportLine)),
                        "\(tag): the log is not a prefix of the reference log")
                if k == 0 { beforeAnyArticle += 1 } else if k < shas.count { midway += 1 } else { afterLast += 1 }
                present = k
            }
            // 3. The completed re-run gives the reference log, byte for byte.
            #expect(try Binary.export(store) == refExport, "chain \(chains): the resumed log differs from the uninterrupted run's")
            #expect(try Binary.verify(store).status == 0)
            try removeStore(store)
        }
        #expect(kills >= wanted, "only \(kills) of \(wanted) runs were killed before they finished")
        print("crash safety: \(kills) SIGKILL trials in \(chains) chains (\(midway) mid-run, \(beforeAnyArticle) before the first commit, \(afterLast) after the last), \(finishedFirst) re-runs finished before their signal; \(count) + 4 articles, \(reference.events.count) events; reference run \(String(format: "%.2f", duration)) s")

    }

    func removeStore(_ path: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
