import Foundation
import Testing

@Suite("report command")
struct ReportCommandTests {
    static func seededStore() throws -> (dir: URL, store: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-report-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let store = dir.appendingPathComponent("s.sqlite").path
        let r = try Chancery.run(["ingest", Chancery.repo.appendingPathComponent("seeds").path, "--store", store], cwd: dir)
        #expect(r.status == 0, "\(r.output)")
        return (dir, store)
    }

    @Test func reportAllWritesOnePagePerPairAndAnIndexByActivity() throws {
        let (dir, store) = try Self.seededStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("site/reports")
        let r = try Chancery.run(["report", "--all", "--output-dir", out.path, "--store", store], cwd: dir)
        #expect(r.status == 0, "\(r.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["index.html", "report-IR-KZ.html", "report-KZ-TJ.html", "report-KZ-UZ.html"])
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let order = ["report-IR-KZ.html", "report-KZ-TJ.html", "report-KZ-UZ.html"].map { index.range(of: #"href="\#($0)""#)!.lowerBound }
        #expect(order[0] < order[1] && order[0] < order[2], "the most active pair (IR-KZ) first")
        let tj = try String(contentsOf: out.appendingPathComponent("report-KZ-TJ.html"), encoding: .utf8)
        #expect(tj.contains(#"data-placement="year-unknown""#) && !tj.contains(#"data-placement="axis""#))
    }

    @Test func reportTakesCountryNamesAndWritesTheDefaultFile() throws {
        let (dir, store) = try Self.seededStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Chancery.run(["report", "Иран", "Kazakhstan", "--store", store, "--at-seq", "5"], cwd: dir)
        #expect(r.status == 0, "\(r.output)")
        let html = try String(contentsOf: dir.appendingPathComponent("report-IR-KZ.html"), encoding: .utf8)
        #expect(html.contains("as the log stood at seq 5") && html.contains("report reads up to seq 5"))
        let custom = dir.appendingPathComponent("x.html").path
        #expect(try Chancery.run(["report", "KZ", "IR", "--store", store, "--output", custom, "--as-of", "2025-12"], cwd: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: custom))
    }

    @Test func reportRefusesAStoreThatFailsVerify() throws {
        let (dir, store) = try Self.seededStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let v = try Chancery.run(["verify", "--store", store], cwd: dir)
        let head = try #require(v.output.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(head.count == 64)
        // Change the stored head hash behind SQLite's back (one hex digit, wherever it is stored).
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store))
        let needle = Data(head.utf8)
        var from = bytes.startIndex, changed = 0
        while let r = bytes.range(of: needle, in: from..<bytes.endIndex) {
            bytes[r.lowerBound] = bytes[r.lowerBound] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            from = r.upperBound
            changed += 1
        }
        #expect(changed > 0)
        try bytes.write(to: URL(fileURLWithPath: store))
        let r = try Chancery.run(["report", "KZ", "IR", "--store", store], cwd: dir)
        #expect(r.status == 66, "\(r.output)")
        #expect(r.output.contains("verify failed"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report-IR-KZ.html").path))
    }

    @Test(arguments: [
        ["report", "KZ"],
        ["report", "KZ", "Atlantis"],
        ["report", "--all"],
        ["report", "--all", "KZ", "IR", "--output-dir", "d"],
        ["report", "KZ", "IR", "--output-dir", "d"],
        ["report", "KZ", "IR", "--as-of", "--08-22"],
    ])
    func reportRejectsBadUsageWithExit64(_ args: [String]) throws {
        let (dir, store) = try Self.seededStore()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Chancery.run(args + ["--store", store], cwd: dir)
        #expect(r.status == 64, "\(r.output)")
    }
}
