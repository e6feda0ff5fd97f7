// The package-benchmark (ordo-one) suite: per-operation figures with allocation counts, for
// comparing two builds (`swift package --package-path Benchmarks benchmark baseline update`,
// then `... benchmark baseline compare`). The quick runner (`chancery-bench`) gives the
// throughput table of BENCHMARKS.md.
import Benchmark
import BenchSupport
import ChanceryCore
import ChanceryDomain
import ChanceryExtraction
import ChanceryStore
import Foundation

/// A store of `events` generated events (with persisted projections) in a temporary file.
func makeStore(events: Int) throws -> (EventStore, LogGenerator, String) {
    let path = NSTemporaryDirectory() + "chancery-ordo-\(getpid())-\(events).sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try EventStore(path: path)
    var gen = LogGenerator(expectedEvents: events * 2)
    var n = 0
    while n < events {
        let batch = gen.next()
        try store.write { tx in
            try tx.insertArticle(batch.article)
            var all = [RecordedEvent]()
            for g in batch.groups { all += try tx.append(g.events, to: g.stream, expected: .any, recordedAt: batch.recordedAt) }
            try ProjectionKeeper(store: store).apply(all, in: tx)
        }
        n += batch.eventCount
    }
    return (store, gen, path)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3), maxIterations: 10_000)

    var articleGen = LogGenerator(expectedEvents: 10_000)
    for lang in ["kk", "ru", "en"] {
        let bytes = articleGen.article(lang: lang, index: 100)
        Benchmark("extract one \(lang) article (\(bytes.count) bytes)") { benchmark in
            let extractor = Extractor()
            for _ in benchmark.scaledIterations {
                let article = try extractor.read(bytes: bytes, name: "a.txt")
                blackHole(extractor.candidates(in: article))
            }
        }
    }

    Benchmark("append one article (~5 events) to a 10k-event store",
              configuration: .init(maxDuration: .seconds(10), maxIterations: 2_000)) { benchmark in
        let (store, gen0, _) = try makeStore(events: 10_000)
        var gen = gen0
        let batches = (0..<benchmark.scaledIterations.count).map { _ in gen.next() }
        benchmark.startMeasurement()
        for batch in batches {
            try store.write { tx in
                try tx.insertArticle(batch.article)
                var all = [RecordedEvent]()
                for g in batch.groups { all += try tx.append(g.events, to: g.stream, expected: .any, recordedAt: batch.recordedAt) }
                try ProjectionKeeper(store: store).apply(all, in: tx)
            }
        }
        benchmark.stopMeasurement()
    }

    // One 10k-event store for the read-only benchmarks, made once.
    let (shared, sharedGen, _) = try! makeStore(events: 10_000)

    Benchmark("export 10k events", configuration: .init(maxDuration: .seconds(3), maxIterations: 50)) { benchmark in
        let store = shared
        for _ in benchmark.scaledIterations {
            var n = 0
            try store.exportLines { n += $0.count }
            blackHole(n)
        }
    }

    Benchmark("verify 10k events", configuration: .init(maxDuration: .seconds(3), maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try shared.verify()) }
    }

    Benchmark("state of the probe pair in a 10k-event store") { benchmark in
        let c = BenchCountries.all
        let pair = StreamID(CountryCode(c[sharedGen.pairs[sharedGen.probe].0].code)!,
                            CountryCode(c[sharedGen.pairs[sharedGen.probe].1].code)!)!
        let q = QueryService(store: shared)
        for _ in benchmark.scaledIterations { blackHole(try q.state(pair)) }
    }
}
