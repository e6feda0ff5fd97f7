import Foundation
import Testing

@Suite struct CommandTests {
    @Test func ingestExportImportVerifyRoundTrip() throws {
        let dir = CLI.tempDir()
        let store = dir + "/s.sqlite"
        let seeds = CLI.repo.appendingPathComponent("seeds").path
        let i = try CLI.run(["--store", store, "ingest", seeds])
        #expect(i.status == 0, "\(i.stderr)")
        #expect(i.stdout.split(separator: "\n").count == 5)
        let v = try CLI.run(["--store", store, "verify"])
        #expect(v.status == 0 && v.stdout.hasPrefix("verified "), "\(v.stderr)")
        let e = try CLI.run(["--store", store, "export", "--output", dir + "/out.ndjson"])
        #expect(e.status == 0)
        let committed = FileManager.default.contents(atPath: CLI.repo.appendingPathComponent("events/seeds.ndjson").path)
        #expect(FileManager.default.contents(atPath: dir + "/out.ndjson") == committed)
        let im = try CLI.run(["--store", dir + "/t.sqlite", "import", dir + "/out.ndjson"])
        #expect(im.status == 0, "\(im.stderr)")
        let again = try CLI.run(["--store", dir + "/t.sqlite", "export"])
        #expect(Data(again.stdout.utf8) == committed)
        let re = try CLI.run(["--store", store, "ingest", seeds])
        #expect(re.stdout.components(separatedBy: "already ingested").count == 6)
    }

    @Test func storeFromEnvironment() throws {
        let dir = CLI.tempDir()
        let r = try CLI.run(["record", "talks", "--parties", "KZ", "UZ", "--format", "phone", "--occurred", "2025-03-01",
                             "--source", "The presidents spoke by phone."], env: ["CHANCERY_STORE": dir + "/env.sqlite"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/env.sqlite"))
        let ev = try CLI.run(["events", "--format", "ndjson"], env: ["CHANCERY_STORE": dir + "/env.sqlite"])
        #expect(ev.stdout.contains("\"rule\":\"manual\""))
        #expect(ev.stdout.contains("\"format\":\"phone\""))
    }

    @Test func recordRequiresSource() throws {
        let r = try CLI.run(["--store", CLI.tempDir() + "/s.sqlite", "record", "visit", "--visitor", "KZ", "--host", "UZ", "--occurred", "2025-11-15"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--source"))
    }

    @Test func verifyNamesTamperedSeq() throws {
        let dir = CLI.tempDir()
        let store = dir + "/s.sqlite"
        for n in 0..<3 {
            try CLI.run(["--store", store, "record", "visit", "--visitor", "KZ", "--host", "UZ", "--occurred", "2025-11-1\(n)",
                         "--level", "state", "--source", "Source number \(n)."])
        }
        // Tamper with the file directly through sqlite3 (triggers dropped first).
        let sql = "DROP TRIGGER events_no_update; UPDATE events SET occurred = '2025-11-19' WHERE seq = 2;"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", store, sql]
        try p.run(); p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let v = try CLI.run(["--store", store, "verify"])
        #expect(v.status == 66)
        #expect(v.stderr.contains("seq 2"))
    }

    @Test func explainAndRetract() throws {
        let dir = CLI.tempDir()
        let store = dir + "/s.sqlite"
        let rec = try CLI.run(["--store", store, "record", "agreement", "--parties", "KZ", "UZ", "--kind", "joint_statement",
                               "--occurred", "2025-11-15", "--source", "The presidents adopted a joint statement."])
        let id = String(rec.stdout.split(separator: "\t")[1])
        let ex = try CLI.run(["--store", store, "explain", String(id.prefix(10))], env: ["NO_COLOR": "1"])
        #expect(ex.status == 0, "\(ex.stderr)")
        #expect(ex.stdout.contains("»The presidents adopted a joint statement.«"))
        #expect(ex.stdout.contains("rule       manual"))
        let rt = try CLI.run(["--store", store, "retract", id, "--reason", "recorded twice"])
        #expect(rt.status == 0, "\(rt.stderr)")
        let ex2 = try CLI.run(["--store", store, "explain", id])
        #expect(ex2.stdout.contains("RETRACTED"))
        #expect(try CLI.run(["--store", store, "verify"]).status == 0)
    }
}
