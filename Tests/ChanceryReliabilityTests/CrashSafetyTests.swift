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

        var rng = SeededRNG(seed: seed ^ 0x5EED)
        let wanted = Scale.trials(ci: 30, local: 60)
        var kills = 0, beforeAnyArticle = 0, midway = 0, finishedFirst = 0, attempts = 0
        while kills < wanted && attempts < wanted * 3 {
            attempts += 1
            let store = work + "/trial-\(attempts).sqlite"
            // A moment uniformly within the reference run's duration (start-up included).
            let delay = Double.random(in: 0...duration, using: &rng)
            let running = try Binary.start(["--store", store, "ingest", input], outputs: work, tag: "trial-\(attempts)")
            Thread.sleep(forTimeInterval: delay)
            running.kill(SIGKILL)
            let killed = running.wait()
            if killed.status == 0 {
                // It finished before the signal: not a crash trial. Retry with another moment.
                finishedFirst += 1
                try removeStore(store)
                continue
            }
            kills += 1
            #expect(killed.status == 128 + SIGKILL, "trial \(attempts): status \(killed.status), \(killed.stderr)")

            // 1. The store verifies.
            let v = try Binary.verify(store)
            #expect(v.status == 0, "trial \(attempts) (killed after \(delay) s): verify: \(v.stderr)")

            // 2. Every article wholly present (its events exactly the reference's) or absent,
            //    and the present ones are the first k of the ingest order.
            let got = try StoreContents(path: store, articles: shas)
            for a in shas {
                if got.articlesPresent.contains(a) {
                    #expect(got.linesByArticle[a] == reference.linesByArticle[a], "trial \(attempts): article \(a.prefix(12)) is partly in the log")
                } else {
                    #expect(got.linesByArticle[a] == nil, "trial \(attempts): events of absent article \(a.prefix(12))")
                }
            }
            #expect(got.articleCount == got.articlesPresent.count, "trial \(attempts): an article row that is none of ours")
            let k = got.articlesPresent.count
            #expect(Set(order.prefix(k)) == got.articlesPresent, "trial \(attempts): present articles are not a prefix of the ingest order")
            #expect(got.events.map(\.exportLine) == Array(reference.events.prefix(got.events.count).map(\.exportLine)),
                    "trial \(attempts): the log is not a prefix of the reference log")
            if k == 0 { beforeAnyArticle += 1 } else if k < shas.count { midway += 1 }

            // 3. Resuming completes and gives the reference log, byte for byte.
            let resumed = try Binary.run(["--store", store, "ingest", input])
            #expect(resumed.status == 0, "trial \(attempts): resumed ingest: \(resumed.stderr)")
            let already = resumed.out.split(separator: "\n").filter { $0.hasSuffix("already ingested") }.count
            #expect(already == k + (articles.count - shas.count), "trial \(attempts): \(already) already ingested, \(k) were present")
            #expect(try Binary.export(store) == refExport, "trial \(attempts): the resumed log differs from the uninterrupted run's")
            #expect(try Binary.verify(store).status == 0)
            try removeStore(store)
        }
        #expect(kills >= wanted, "only \(kills) of \(wanted) runs were killed before they finished")
        print("crash safety: \(kills) SIGKILL trials (\(midway) mid-run, \(beforeAnyArticle) before the first commit, \(kills - midway - beforeAnyArticle) after the last), \(finishedFirst) runs finished first; \(count) + 4 articles, \(reference.events.count) events; reference run \(String(format: "%.2f", duration)) s")
    }

    func removeStore(_ path: String) throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
