import ChanceryExtraction
import ChanceryStore
import Foundation
import Testing

/// Replays the fuzzers' regression corpus (Fuzz/corpus/) through the fuzzing entry points.
@Suite struct FuzzCorpusTests {
    static let corpus = Binary.repo.appendingPathComponent("Fuzz/corpus").path

    static func inputs(_ target: String) -> [String] {
        let dir = corpus + "/" + target
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { dir + "/" + $0 }
    }

    @Test func articleCorpusReplays() throws {
        let files = Self.inputs("article")
        #expect(files.count >= 10, "Fuzz/corpus/article is missing or nearly empty")
        var withFacts = 0
        for f in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f)))
            let problems = FuzzChecks.article(bytes)
            #expect(problems.isEmpty, "\((f as NSString).lastPathComponent): \(problems)")
            if let a = try? Extractor().read(bytes: bytes, name: "corpus.txt"), !Extractor().candidates(in: a).isEmpty { withFacts += 1 }
        }
        #expect(withFacts >= 10, "only \(withFacts) corpus articles yield candidate facts")
    }

    @Test func importCorpusReplays() throws {
        let files = Self.inputs("import")
        #expect(files.count >= 10, "Fuzz/corpus/import is missing or nearly empty")
        var accepted = 0
        for f in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f)))
            let problems = FuzzChecks.importLog(bytes)
            #expect(problems.isEmpty, "\((f as NSString).lastPathComponent): \(problems)")
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            if lines.last?.isEmpty == true { lines.removeLast() }
            if (try? EventStore.inMemory().importLog(FuzzChecks.rechained(lines))) ?? 0 > 0 { accepted += 1 }
        }
        // The corpus must reach the accepting path (store, verify, export, import again), not
        // only the refusals.
        #expect(accepted >= 5, "only \(accepted) corpus logs are accepted once re-chained")
    }
}
