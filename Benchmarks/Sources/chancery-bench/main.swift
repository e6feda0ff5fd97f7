import BenchSupport
import Foundation

let usage = """
usage: chancery-bench [--events N] [--json] [--seed S] [--pairs P] [--dir PATH] [--keep]
                      [--queries Q] [--extract-mb M] [--projections keeper|folds|none] [--quiet]
                      [--extract-only [--dump-candidates PATH [--dump-input FILE_OR_DIR]...]]

Generates a seeded log of N events (~5 per article transaction, ~200 pairs), appends it to
a fresh Chancery store, measures the same rows through raw SQLite, then replay, export,
verify, state/history queries and extraction. Prints one JSON object (--json) or a table.
"""

var config = BenchConfig()
var json = false
var projections = "keeper"
var args = Array(CommandLine.arguments.dropFirst())
@MainActor func value(_ flag: String) -> String {
    guard !args.isEmpty else { FileHandle.standardError.write("\(flag) needs a value\n".data(using: .utf8)!); exit(64) }
    return args.removeFirst()
}
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--events": config.events = Int(value(a).replacingOccurrences(of: "_", with: "")) ?? config.events
    case "--seed": config.seed = UInt64(value(a)) ?? config.seed
    case "--pairs": config.pairs = Int(value(a)) ?? config.pairs
    case "--dir": config.directory = value(a)
    case "--keep": config.keep = true
    case "--queries": config.queries = Int(value(a)) ?? config.queries
    case "--extract-mb": config.extractBytes = Int((Double(value(a)) ?? 4) * 1_000_000)
    case "--json": json = true
    case "--projections": projections = value(a)
    case "--quiet": config.verbose = false
    case "--extract-only": config.extractOnly = true
    case "--probe-json": config.probeJSON = true
    case "--dump-candidates": config.dumpCandidates = value(a)
    case "--dump-input": config.dumpInputs.append(value(a))
    case "-h", "--help": print(usage); exit(0)
    default: FileHandle.standardError.write("unknown option \(a)\n\(usage)\n".data(using: .utf8)!); exit(64)
    }
}

do {
    let runner = Runner(config: config)
    let result: OrderedJSON
    switch projections {
    case "keeper": result = try runner.run(projector: KeeperProjector())
    case "folds": result = try runner.run(projector: FoldProjector())
    case "none": result = try runner.run(projector: NullProjector())
    default: FileHandle.standardError.write("--projections is keeper, folds or none\n".data(using: .utf8)!); exit(64)
    }
    print(json ? result.text() : result.text())
} catch {
    FileHandle.standardError.write("chancery-bench: \(error)\n".data(using: .utf8)!)
    exit(1)
}
