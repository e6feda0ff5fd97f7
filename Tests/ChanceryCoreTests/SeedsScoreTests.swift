import ChanceryDomain
import ChanceryStore
import Foundation
import Testing
@testable import ChanceryCore

/// Scores the seeds' export against the gold facts with the rules of
/// `../shared/tools/score.py` (a copy of the gold file sits in Tests/Fixtures).
enum Scorer {
    struct Score: CustomStringConvertible {
        var tp = 0, strictTP = 0, fn = 0, fp = 0, sourcesHit = 0, sourcesAll = 0
        var notes = [String]()
        var relaxedF1: Double { f1(tp, fp, fn) }
        var strictF1: Double { f1(strictTP, fp + tp - strictTP, fn + tp - strictTP) }
        func f1(_ tp: Int, _ fp: Int, _ fn: Int) -> Double {
            let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : (fn == 0 ? 1 : 0)
            let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 1
            return p + r > 0 ? 2 * p * r / (p + r) : 0
        }
        var description: String {
            "relaxed F1=\(relaxedF1) strict F1=\(strictF1) sources=\(sourcesHit)/\(sourcesAll) tp=\(tp) fp=\(fp) fn=\(fn)\n" + notes.joined(separator: "\n")
        }
    }

    static func day(_ s: String?) -> FuzzyDate? {
        guard let s, let d = FuzzyDate(s), case .day = d else { return nil }
        return d
    }

    static func dateOK(_ g: JSONValue, _ occurred: String?) -> Bool {
        guard let go = g["occurred"]?.stringValue else { return true }
        guard let po = occurred else { return false }
        var golds = [go]
        golds += (g["altOccurred"]?.arrayValue ?? []).compactMap(\.stringValue)
        for gd in golds {
            if gd.hasPrefix("--") || po.hasPrefix("--") {
                if gd.suffix(5) == po.suffix(5) { return true }
                continue
            }
            if let a = day(gd), let p = day(po) {
                let end = day(g["occurredUntil"]?.stringValue) ?? a
                if a.adding(days: -1) <= p && p <= end.adding(days: 1) { return true }
            } else if gd == po { return true }
        }
        return false
    }

    static func pair(_ o: JSONValue) -> [String]? {
        if let p = o["parties"]?.arrayValue { return p.compactMap(\.stringValue).sorted() }
        if let v = o["visitor"]?.stringValue, let h = o["host"]?.stringValue { return [v, h].sorted() }
        return nil
    }

    static func relaxed(_ g: JSONValue, _ p: JSONValue) -> Bool {
        let d = p["data"] ?? .null
        guard g["type"] == p["type"] else { return false }
        if g["type"]?.stringValue == "VisitStarted" {
            guard g["visitor"] == d["visitor"], g["host"] == d["host"] else { return false }
        } else if pair(g) != pair(d) { return false }
        if g["type"]?.stringValue == "TradeFigureReported" {
            guard g["metric"] == d["metric"], g["unit"] == d["unit"], let v = d["value"]?.doubleValue, let gv = g["value"]?.doubleValue else { return false }
            return abs(v - gv) <= 0.01 * abs(gv) + 1e-9
        }
        return dateOK(g, p["occurred"]?.stringValue)
    }

    static func strict(_ g: JSONValue, _ p: JSONValue) -> Bool {
        let d = p["data"] ?? .null
        for k in ["level", "format", "kind", "status", "change"] where g[k] != nil {
            if g[k] != d[k] { return false }
        }
        if let dir = g["direction"], dir != d["direction"] { return false }
        if let per = g["period"], per["from"] != d["period"]?["from"] { return false }
        return true
    }

    static func score(gold: [JSONValue], events: [JSONValue]) -> Score {
        let domain = Set(EventType.domainTypes.map(\.rawValue))
        let retracted = Set(events.filter { $0["type"]?.stringValue == "EventRetracted" }.compactMap { $0["data"]?["event"]?.stringValue })
        let preds = events.filter { domain.contains($0["type"]?.stringValue ?? "") && !retracted.contains($0["id"]?.stringValue ?? "") }
        var corro = [String: Set<String>]()
        for e in events where e["type"]?.stringValue == "EventCorroborated" {
            corro[e["data"]?["event"]?.stringValue ?? "", default: []].insert(e["source"]?["file"]?.stringValue ?? "")
        }
        var used = Set<Int>()
        var s = Score()
        for g in gold {
            let cands = preds.indices.filter { !used.contains($0) && relaxed(g, preds[$0]) }
            let best = cands.first { strict(g, preds[$0]) } ?? cands.first
            let optional = g["optional"]?.boolValue ?? false
            guard let b = best else {
                if !optional { s.fn += 1; s.notes.append("MISSED \(g["id"]?.stringValue ?? "")") }
                continue
            }
            used.insert(b)
            if optional { continue }
            s.tp += 1
            if strict(g, preds[b]) { s.strictTP += 1 } else { s.notes.append("INEXACT \(g["id"]?.stringValue ?? "") -> \(CanonicalJSON.string(preds[b]["data"] ?? .null))") }
            var files: Set<String> = [preds[b]["source"]?["file"]?.stringValue ?? ""]
            files.formUnion(corro[preds[b]["id"]?.stringValue ?? ""] ?? [])
            let want = Set((g["sources"]?.arrayValue ?? []).compactMap(\.stringValue))
            s.sourcesAll += want.count
            s.sourcesHit += want.intersection(files).count
        }
        for i in preds.indices where !used.contains(i) {
            s.fp += 1
            s.notes.append("SPURIOUS \(preds[i]["type"]?.stringValue ?? "") \(CanonicalJSON.string(preds[i]["data"] ?? .null)) | \(preds[i]["source"]?["quote"]?.stringValue.map { String($0.prefix(120)) } ?? "")")
        }
        return s
    }
}

@Suite struct SeedsScoreTests {
    @Test func seedsScorePerfectly() throws {
        let goldText = try String(contentsOfFile: Repo.root.appendingPathComponent("Tests/Fixtures/seeds.gold.jsonl").path, encoding: .utf8)
        let gold = try goldText.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        let store = try Repo.ingestSeeds()
        let events = try store.events().map { $0.json() }
        let s = Scorer.score(gold: gold, events: events)
        #expect(s.relaxedF1 == 1.0, "\(s)")
        #expect(s.strictF1 == 1.0, "\(s)")
        #expect(s.sourcesHit == 16 && s.sourcesAll == 16, "\(s)")
    }
}
