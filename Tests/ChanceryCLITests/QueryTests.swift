import ChanceryDomain
import Foundation
import Testing

/// The seeds ingested into a fresh store by the built binary (`SOURCE_DATE_EPOCH` set by `CLI.run`).
enum SeedStore {
    static func make() throws -> String {
        let dir = CLI.tempDir()
        let store = dir + "/s.sqlite"
        let r = try CLI.run(["--store", store, "ingest", CLI.repo.appendingPathComponent("seeds").path])
        #expect(r.status == 0, "\(r.stderr)")
        return store
    }

    /// One store shared by the tests that only read.
    static let shared: String = try! make()

    static func json(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        return try JSONParser.parse(r.stdout)
    }

    /// The seqs of the events from the article whose file name starts with `prefix`.
    static func seqs(of prefix: String, store: String) throws -> [Int64] {
        let lines = try CLI.run(["--store", store, "events", "--format", "ndjson"]).stdout.split(separator: "\n")
        var out = [Int64]()
        for l in lines {
            let e = try JSONParser.parse(String(l))
            if e["source"]?["file"]?.stringValue?.hasPrefix(prefix) == true { out.append(e["seq"]!.intValue!) }
        }
        if out.isEmpty { Issue.record("no event from \(prefix)") }
        return out
    }

    static func firstSeq(of prefix: String, store: String) throws -> Int64 { try seqs(of: prefix, store: store).min() ?? 0 }
    static func lastSeq(of prefix: String, store: String) throws -> Int64 { try seqs(of: prefix, store: store).max() ?? 0 }

    /// The number of events in a stream.
    static func count(stream: String, store: String) throws -> Int {
        try CLI.run(["--store", store, "events", "--stream", stream, "--format", "ndjson"]).stdout.split(separator: "\n").count
    }
}

extension JSONValue {
    var items: [JSONValue] { arrayValue ?? [] }
    func strings(_ key: String) -> [String] { items.compactMap { $0[key]?.stringValue } }
}

@Suite struct QueryTests {
    // MARK: Done when (issue 4), on the seeds

    @Test func stateOfKazakhstanIranOnTheSeeds() throws {
        let s = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--format", "json"]))
        #expect(s["pair"] == .string("IR-KZ"))
        let visits = s["visits"]!.items
        #expect(visits.count == 1)
        #expect(visits.first?["visitor"] == .string("IR"))
        #expect(visits.first?["host"] == .string("KZ"))
        #expect(visits.first?["level"] == .string("official"))
        #expect(Set(s["talks"]!.strings("format")) == ["narrow", "expanded"])
        #expect(s["talks"]!.items.count == 2)
        #expect(s["agreements"]!.items.count == 1)
        #expect(s["agreements"]!.strings("status") == ["signed"])
        let turnover = try #require(s["trade"]?["trade_turnover"])
        #expect(turnover["value"]?.doubleValue == 40)
        #expect(turnover["unit"] == .string("percent"))
        #expect(turnover["change"] == .string("increase"))
        let target = try #require(s["trade"]?["trade_target"])
        #expect(target["value"]?.doubleValue == 3_000_000_000)
        #expect(target["unit"] == .string("USD"))
        #expect(s["sources"]?.intValue == 3)
        #expect(s["firstContact"] == .string("2025-12-11"))
    }

    @Test func stateAsOfBeforeTheVisitIsEmpty() throws {
        let s = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--as-of", "2025-12-09", "--format", "json"]))
        #expect(s["asOf"] == .string("2025-12-09"))
        #expect(s["visits"]!.items.isEmpty && s["talks"]!.items.isEmpty && s["agreements"]!.items.isEmpty)
        #expect(s["trade"] == .object([:]))
        #expect(s["sources"]?.intValue == 0)
        #expect(s["firstContact"] == .null)
        // And after the visit, everything is there.
        let after = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--as-of", "2025-12-12", "--format", "json"]))
        #expect(after["visits"]!.items.count == 1 && after["agreements"]!.items.count == 1)
    }

    @Test func stateAtSeqBeforeTheZakonArticleHasOnlyTheNarrowTalks() throws {
        let first = try SeedStore.firstSeq(of: "002_", store: SeedStore.shared)
        #expect(first > 1)
        let s = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--at-seq", String(first - 1), "--format", "json"]))
        #expect(s["atSeq"]?.intValue == first - 1)
        #expect(s["talks"]!.strings("format") == ["narrow"])
        #expect(s["agreements"]!.items.isEmpty)
        #expect(s["trade"]?["trade_target"] == nil)
        // At the article's last event, the expanded talks and the signing are known.
        let last = try SeedStore.lastSeq(of: "002_", store: SeedStore.shared)
        let later = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--at-seq", String(last), "--format", "json"]))
        #expect(Set(later["talks"]!.strings("format")) == ["narrow", "expanded"])
        #expect(later["agreements"]!.items.count == 1)
    }

    @Test func historyListsTheVisitWithTwoSourceArticles() throws {
        let h = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "history", "KZ", "IR", "--format", "json"]))
        let visits = h.items.filter { $0["type"] == .string("VisitStarted") }
        #expect(visits.count == 1)
        let sources = visits.first?["sources"]?.items.compactMap(\.stringValue) ?? []
        #expect(sources.count == 2)
        #expect(sources.allSatisfy { $0.hasPrefix("000_") || $0.hasPrefix("001_") })
        #expect(visits.first?["retracted"] == .bool(false))
        // In timeline order, each item with its seq and data.
        #expect(h.items.allSatisfy { $0["seq"]?.intValue != nil && $0["data"] != nil && $0["occurred"] != nil })
        // --type and --to filter.
        let talks = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "history", "ir", "kz", "--type", "TalksHeld", "--format", "json"]))
        #expect(talks.items.count == 2)
        let before = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "history", "ir", "kz", "--to", "2025-12-09", "--format", "json"]))
        #expect(before.items.isEmpty)
    }

    @Test func retractingTheSigningDropsItAndReplayAgrees() throws {
        let store = try SeedStore.make()
        let s = try SeedStore.json(try CLI.run(["--store", store, "state", "KZ", "IR", "--format", "json"]))
        let signing = try #require(s["agreements"]?.items.first?["id"]?.stringValue)
        let r = try CLI.run(["--store", store, "retract", String(signing.prefix(10)), "--reason", "misread: the documents were only initialled"])
        #expect(r.status == 0, "\(r.stderr)")
        let retractionSeq = try #require(Int64(r.stdout.split(separator: "\t").first?.split(separator: " ").last ?? ""))

        let after = try CLI.run(["--store", store, "state", "KZ", "IR", "--format", "json"])
        let a = try SeedStore.json(after)
        #expect(a["agreements"]!.items.isEmpty)
        #expect(a["visits"]!.items.count == 1)

        let h = try SeedStore.json(try CLI.run(["--store", store, "history", "KZ", "IR", "--format", "json"]))
        let item = try #require(h.items.first { $0["id"] == .string(signing) })
        #expect(item["retracted"] == .bool(true))
        #expect(item["retraction"]?["reason"] == .string("misread: the documents were only initialled"))
        let table = try CLI.run(["--store", store, "history", "KZ", "IR"])
        #expect(table.stdout.contains("yes: misread"))

        let v = try CLI.run(["--store", store, "verify"])
        #expect(v.status == 0, "\(v.stderr)")
        let rp = try CLI.run(["--store", store, "replay"])
        #expect(rp.status == 0, "\(rp.stderr)")
        #expect(rp.stdout.contains("the persisted projections were identical"), "\(rp.stdout)")
        let again = try CLI.run(["--store", store, "state", "KZ", "IR", "--format", "json"])
        #expect(again.stdout == after.stdout)
        // At a seq before the retraction the signing is still there.
        let atSeq = try SeedStore.json(try CLI.run(["--store", store, "state", "KZ", "IR", "--at-seq", String(retractionSeq - 1), "--format", "json"]))
        #expect(atSeq["agreements"]!.items.count == 1)
    }

    @Test func everyNameFormGivesTheSameJSON() throws {
        let forms = [["KZ", "IR"], ["ir", "kz"], ["Kazakhstan", "Iran"], ["Қазақстан", "Иран"], ["Казахстан", "Иран"],
                     ["IRAN", "kazakhstan"]]
        var outputs = Set<String>()
        for f in forms {
            let r = try CLI.run(["--store", SeedStore.shared, "state"] + f + ["--format", "json"])
            #expect(r.status == 0, "\(f): \(r.stderr)")
            outputs.insert(r.stdout)
            let h = try CLI.run(["--store", SeedStore.shared, "history"] + f + ["--format", "json"])
            outputs.insert("history " + h.stdout)
        }
        #expect(outputs.count == 2)
    }

    @Test func anUnknownCountryFailsWithSuggestions() throws {
        let r = try CLI.run(["--store", SeedStore.shared, "state", "Kazakstan", "IR"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("unknown country 'Kazakstan'"))
        #expect(r.stderr.contains("Kazakhstan"))
        let p = try CLI.run(["--store", SeedStore.shared, "partners", "Atlantis"])
        #expect(p.status == 64)
        let same = try CLI.run(["--store", SeedStore.shared, "state", "KZ", "Kazakhstan"])
        #expect(same.status == 64)
    }

    // MARK: The other queries

    @Test func tradeAgreementsAndPartners() throws {
        let t = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "trade", "KZ", "IR", "--format", "json"]))
        let series = Set(t["series"]?.objectValue?.keys.map { $0 } ?? [])
        #expect(series.isSuperset(of: ["trade_turnover", "trade_target", "investment:IR>KZ"]))
        let m = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "trade", "KZ", "IR", "--metric", "trade_turnover", "--format", "json"]))
        #expect(m["series"]?.objectValue?.keys.map { $0 } == ["trade_turnover"])

        let all = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "agreements", "--format", "json"]))
        #expect(all.items.count == 3)
        let planned = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "agreements", "--status", "planned", "--format", "json"]))
        #expect(planned.strings("pair") == ["KZ-TJ"])
        let pair = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "agreements", "Kazakhstan", "Uzbekistan", "--format", "json"]))
        #expect(pair.strings("pair") == ["KZ-UZ"])

        let p = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "partners", "Казахстан", "--format", "json"]))
        #expect(p.strings("partner") == ["IR", "TJ", "UZ"])
        let period = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "partners", "KZ", "--from", "2025-11", "--to", "2025-11-30",
                                                     "--format", "json"]))
        #expect(period.strings("partner") == ["UZ"])
        let last = try SeedStore.lastSeq(of: "002_", store: SeedStore.shared)
        let early = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "partners", "KZ", "--at-seq", String(last), "--format", "json"]))
        #expect(early.strings("partner") == ["IR"])
    }

    @Test func diffByDateAndBySeq() throws {
        let d = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "diff", "KZ", "IR", "--from", "2025-12-01", "--to", "2025-12-31",
                                                "--format", "json"]))
        #expect(d["visits"]!.items.count == 1)
        #expect(d["talks"]!.items.count == 2)
        #expect(d["agreements"]!.items.count == 1)
        #expect(d["trade"]?["trade_turnover"]?["old"] == .null)
        #expect(d["trade"]?["trade_turnover"]?["new"]?["value"]?.doubleValue == 40)

        let seqs = try SeedStore.seqs(of: "002_", store: SeedStore.shared)
        let s = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "diff", "KZ", "IR", "--from-seq", String(seqs.min()! - 1),
                                                "--to-seq", String(seqs.max()!), "--format", "json"]))
        // Everything the Zakon.kz article brought: new facts and corroborations.
        #expect(s["facts"]!.items.count + s["corroborations"]!.items.count == seqs.count)
        #expect(s["facts"]!.items.contains { $0["type"] == .string("AgreementSigned") })
        #expect(s["facts"]!.items.contains { $0["data"]?["format"] == .string("expanded") })
        #expect(s["change"]?["agreements"]?.items.count == 1)
        #expect(s["change"]?["sources"]?["old"]?.intValue == 2)
        #expect(s["change"]?["sources"]?["new"]?.intValue == 3)

        let bad = try CLI.run(["--store", SeedStore.shared, "diff", "KZ", "IR", "--from", "2025-12-01"])
        #expect(bad.status == 64)
        let both = try CLI.run(["--store", SeedStore.shared, "diff", "KZ", "IR", "--from", "2025", "--to", "2026", "--from-seq", "1", "--to-seq", "2"])
        #expect(both.status == 64)
    }

    @Test func tablesAreAlignedWithoutColourAndCSVIsQuoted() throws {
        let t = try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR"], env: ["NO_COLOR": "1"])
        #expect(t.status == 0)
        #expect(!t.stdout.contains("\u{1B}"))
        let lines = t.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("section") == true)
        // Every row's second column starts where the header's does.
        let col = lines[0].distance(from: lines[0].startIndex, to: lines[0].range(of: "occurred")!.lowerBound)
        for l in lines.dropFirst() where l.count > col {
            let i = l.index(l.startIndex, offsetBy: col)
            #expect(l[l.index(before: i)] == " ", "\(l)")
        }
        let c = try CLI.run(["--store", SeedStore.shared, "agreements", "--format", "csv"])
        #expect(c.stdout.hasPrefix("pair,occurred,kind,title,count,status,sources,id\n"))
        #expect(c.stdout.split(separator: "\n").count == 4)
        let h = try CLI.run(["--store", SeedStore.shared, "history", "KZ", "IR", "--format", "csv"])
        #expect(h.stdout.contains("\"000_"))   // several files in one cell are quoted
    }

    @Test func badTimeOptionsAreUsageErrors() throws {
        for args in [["--as-of", "yesterday"], ["--as-of", "--12-09"], ["--at-seq", "-3"], ["--known-at", "soon"]] {
            let r = try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR"] + args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
        }
        let k = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--known-at", "2025-12-31", "--format", "json"]))
        #expect(k["visits"]!.items.isEmpty)   // the seeds were recorded on 2026-01-01
        let k2 = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--known-at", "2026-01-01T00:00:00Z",
                                                 "--format", "json"]))
        #expect(k2["visits"]!.items.count == 1)
    }

    // MARK: Replay

    /// The export of the seeds ingested by this build (what `events/seeds.ndjson` holds).
    static let seedsLogPath: String = try! seedsLog()

    static func seedsLog() throws -> String {
        let out = CLI.tempDir() + "/seeds.ndjson"
        let r = try CLI.run(["--store", SeedStore.shared, "export", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    @Test func replayOfTheSeedsLogPrintsEachEventAndItsChange() throws {
        let file = QueryTests.seedsLogPath
        let text = try CLI.run(["replay", file, "--pair", "Kazakhstan", "Iran"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("chain intact"))
        #expect(text.stdout.contains("+ visit: IR → KZ official visit"))
        #expect(text.stdout.contains("trade_turnover: — → +40 %"))
        let j = try SeedStore.json(try CLI.run(["replay", file, "--pair", "KZ", "IR", "--format", "json"]))
        // One step per event of the pair, each with what it changed.
        #expect(j.items.count == (try SeedStore.count(stream: "IR-KZ", store: SeedStore.shared)))
        #expect(j.items.allSatisfy { $0["event"]?["seq"] != nil && $0["change"] != nil })
        #expect(j.items.first?["event"]?["source"]?.stringValue?.hasPrefix("000_") == true)
        // The facts added are the pair's facts in its history.
        let added = j.items.compactMap { $0["change"]?["added"]?["item"]?["id"]?.stringValue }
        let history = try SeedStore.json(try CLI.run(["--store", SeedStore.shared, "history", "KZ", "IR", "--format", "json"]))
        #expect(Set(added) == Set(history.strings("id")))
    }

    @Test func replayOfTheCommittedSeedsLog() throws {
        let committed = CLI.repo.appendingPathComponent("events/seeds.ndjson").path
        guard FileManager.default.fileExists(atPath: committed) else { return }
        let r = try CLI.run(["replay", committed, "--pair", "KZ", "IR"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("chain intact"))
        let j = try SeedStore.json(try CLI.run(["replay", committed, "--pair", "Қазақстан", "Иран", "--format", "json"]))
        #expect(!j.items.isEmpty)
    }

    @Test func replayRefusesABrokenChain() throws {
        let file = QueryTests.seedsLogPath
        var lines = String(decoding: FileManager.default.contents(atPath: file)!, as: UTF8.self).split(separator: "\n").map(String.init)
        lines[4] = lines[4].replacingOccurrences(of: "2025-12-11", with: "2025-12-12")
        let broken = CLI.tempDir() + "/broken.ndjson"
        FileManager.default.createFile(atPath: broken, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        let r = try CLI.run(["replay", broken, "--pair", "KZ", "IR"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("line 5"))
        #expect(r.stdout.isEmpty)
        let noPair = try CLI.run(["replay", file])
        #expect(noPair.status == 64)
    }

    @Test func importedLogIsQueryableAndReplayAgrees() throws {
        let file = QueryTests.seedsLogPath
        let store = CLI.tempDir() + "/imported.sqlite"
        let im = try CLI.run(["--store", store, "import", file])
        #expect(im.status == 0, "\(im.stderr)")
        let s = try CLI.run(["--store", store, "state", "KZ", "IR", "--format", "json"])
        let original = try CLI.run(["--store", SeedStore.shared, "state", "KZ", "IR", "--format", "json"])
        #expect(s.stdout == original.stdout)
        let rp = try CLI.run(["--store", store, "replay"])
        #expect(rp.stdout.contains("identical"), "\(rp.stdout)")
    }
}
