import ChanceryDomain
import ChanceryStore
import Foundation
import Testing

/// How hard to try: CI (env `CI` set) runs the required minimum; locally more, or what
/// `CHANCERY_RELIABILITY_SCALE` (a multiplier) asks for.
enum Scale {
    static var isCI: Bool {
        let v = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !v.isEmpty && v != "0" && v != "false"
    }

    /// `ci` in CI, else `local` times the optional multiplier.
    static func trials(ci: Int, local: Int) -> Int {
        if isCI { return ci }
        let m = ProcessInfo.processInfo.environment["CHANCERY_RELIABILITY_SCALE"].flatMap(Double.init) ?? 1
        return max(ci, Int((Double(local) * m).rounded()))
    }

    /// A seed: `CHANCERY_RELIABILITY_SEED` when set (to replay a failure), else `fallback`.
    static func seed(_ fallback: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["CHANCERY_RELIABILITY_SEED"].flatMap { UInt64($0) } ?? fallback
    }
}

/// Runs the built `chancery` binary, which sits beside the test bundle.
enum Binary {
    static let path: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("chancery").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }?.bundleURL.deletingLastPathComponent()
        if let b = bundle?.appendingPathComponent("chancery").path, FileManager.default.isExecutableFile(atPath: b) { return b }
        return repo.appendingPathComponent(".build/debug/chancery").path
    }()

    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixed transaction time of every run (so exports can be compared byte for byte).
    static let epoch = "1767225600"

    struct Result: Sendable {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }
    }

    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = epoch
        env.removeValue(forKey: "CHANCERY_STORE")
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Starts `chancery args…` with stdout and stderr going to files in `dir`.
    static func start(_ args: [String], executable: String = path, env: [String: String] = [:], outputs dir: String, tag: String) throws -> Running {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.environment = environment(env)
        let out = dir + "/\(tag).stdout", err = dir + "/\(tag).stderr"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: out)
        p.standardError = FileHandle(forWritingAtPath: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return Running(process: p, stdoutPath: out, stderrPath: err)
    }

    final class Running: @unchecked Sendable {
        let process: Process
        let stdoutPath: String, stderrPath: String
        init(process: Process, stdoutPath: String, stderrPath: String) {
            self.process = process; self.stdoutPath = stdoutPath; self.stderrPath = stderrPath
        }
        var pid: Int32 { process.processIdentifier }
        func kill(_ signal: Int32 = SIGKILL) { _ = Foundation.kill(process.processIdentifier, signal) }
        func wait() -> Result {
            process.waitUntilExit()
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            return Result(status: status, stdout: [UInt8](FileManager.default.contents(atPath: stdoutPath) ?? Data()),
                          stderr: String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self))
        }
    }

    /// Runs `chancery args…` to completion.
    @discardableResult
    static func run(_ args: [String], executable: String = path, env: [String: String] = [:]) throws -> Result {
        let dir = tempDir("run")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try start(args, executable: executable, env: env, outputs: dir, tag: "out").wait()
    }

    /// A fresh directory under the temporary directory.
    static func tempDir(_ tag: String) -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-rel-\(tag)-\(UUID().uuidString.prefix(8))").path
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    /// `export` to stdout: the log's bytes.
    static func export(_ store: String) throws -> [UInt8] {
        let r = try run(["--store", store, "export"])
        #expect(r.status == 0, "export failed: \(r.stderr)")
        return r.stdout
    }

    /// `verify`: exit status and its output.
    static func verify(_ store: String) throws -> Result { try run(["--store", store, "verify"]) }
}

/// What a finished store holds, read through the library.
struct StoreContents {
    /// Export lines by the article they cite.
    var linesByArticle: [String: [String]] = [:]
    /// Every event in seq order.
    var events: [RecordedEvent] = []
    /// Which of the given article hashes have a row.
    var articlesPresent: Set<String> = []
    var articleCount = 0

    init(path: String, articles: some Sequence<String>) throws {
        let store = try EventStore(path: path)
        events = try store.events()
        for e in events { linesByArticle[e.source.article, default: []].append(e.exportLine) }
        for a in articles where try store.hasArticle(sha256: a) { articlesPresent.insert(a) }
        articleCount = try store.articleCount()
    }
}

extension Array where Element == UInt8 {
    var lines: [String] {
        split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// SHA-256 hex of bytes (the article key).
func sha(_ bytes: [UInt8]) -> String { Hashing.sha256Hex(bytes) }
