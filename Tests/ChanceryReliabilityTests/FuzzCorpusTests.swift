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
        for f in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f)))
            let problems = FuzzChecks.article(bytes)
            #expect(problems.isEmpty, "\((f as NSString).lastPathComponent): \(problems)")
        }
    }

    @Test func importCorpusReplays() throws {
        let files = Self.inputs("import")
        #expect(files.count >= 10, "Fuzz/corpus/import is missing or nearly empty")
        for f in files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: f)))
            let problems = FuzzChecks.importLog(bytes)
            #expect(problems.isEmpty, "\((f as NSString).lastPathComponent): \(problems)")
        }
    }
}
