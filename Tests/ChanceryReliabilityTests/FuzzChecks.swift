// The two fuzzing entry points and the properties they check. This one file is compiled
// into the libFuzzer executables (Fuzz/Sources/*/FuzzChecks.swift are symbolic links to it)
// and into the reliability tests, which replay Fuzz/corpus/ through it: the corpus is
// checked by exactly the code the fuzzers ran.
import ChanceryDomain
import ChanceryExtraction
import ChanceryStore

enum FuzzChecks {
    /// Article bytes through `Extractor().read` and `candidates`. Besides not crashing: every
    /// candidate's quote is its span of the text, its payload and dates survive the round trip
    /// the store makes (canonical JSON and back), and a trade value is finite.
    static func article(_ bytes: [UInt8]) -> [String] {
        let extractor = Extractor()
        guard let article = try? extractor.read(bytes: bytes, name: "fuzz.txt") else { return [] }
        var problems = [String]()
        let text = Array(article.text.utf8)
        for c in extractor.candidates(in: article) {
            if c.span.lowerBound < 0 || c.span.upperBound > text.count {
                problems.append("span \(c.span) outside the text (\(text.count) bytes)")
            } else if String(decoding: text[c.span], as: UTF8.self) != c.quote {
                problems.append("quote is not the text at span \(c.span): \(c.quote.prefix(80))")
            }
            let json = c.data.json
            guard let again = try? JSONParser.parse(CanonicalJSON.bytes(json)),
                  let data = try? EventData(type: c.data.type, json: again) else {
                problems.append("\(c.data.type.rawValue) payload does not read back: \(CanonicalJSON.string(json).prefix(200))")
                continue
            }
            if CanonicalJSON.bytes(data.json) != CanonicalJSON.bytes(json) {
                problems.append("\(c.data.type.rawValue) payload changes on a round trip: \(CanonicalJSON.string(json).prefix(200))")
            }
            if FuzzyDate(c.occurred.description) != c.occurred {
                problems.append("occurred \(c.occurred) does not read back")
            }
            if let u = c.occurredUntil, FuzzyDate(u.description) != u {
                problems.append("occurredUntil \(u) does not read back")
            }
            if case .tradeFigureReported(let t) = c.data, !t.value.isFinite {
                problems.append("trade value \(t.value) is not finite")
            }
            if c.stream == nil && c.data.type.isDomain {
                problems.append("\(c.data.type.rawValue) candidate without two distinct parties")
            }
        }
        return problems
    }

    /// NDJSON bytes through `EventStore.inMemory().importLog` (lines split as `chancery import`
    /// splits them). A rejected log must leave the store empty; an accepted one must verify,
    /// and its export must import into a fresh store and export again unchanged.
    ///
    /// A mutated line almost always breaks the hash chain and is refused at once, so the same
    /// lines are also imported re-chained (each object line given the `prevHash` and `hash`
    /// an honest writer would compute): that takes odd payloads, numbers and strings past the
    /// chain check, into the store and back out.
    static func importLog(_ bytes: [UInt8]) -> [String] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        let chained = rechained(lines)
        return importLines(lines) + (chained == lines ? [] : importLines(chained).map { "re-chained: " + $0 })
    }

    /// The lines with the hash chain recomputed over each JSON object (other lines kept).
    static func rechained(_ lines: [[UInt8]]) -> [[UInt8]] {
        var prev = String(repeating: "0", count: 64)
        return lines.map { line in
            guard case .object(var o)? = try? JSONParser.parse(line) else { return line }
            o["prevHash"] = .string(prev)
            o.removeValue(forKey: "hash")
            let hash = Hashing.sha256Hex(Array(prev.utf8) + CanonicalJSON.bytes(.object(o)))
            o["hash"] = .string(hash)
            prev = hash
            return CanonicalJSON.bytes(.object(o))
        }
    }

    static func importLines(_ lines: [[UInt8]]) -> [String] {
        var problems = [String]()
        do {
            let store = try EventStore.inMemory()
            do {
                try store.importLog(lines)
            } catch {
                if try store.eventCount() != 0 { problems.append("a rejected import left \(try store.eventCount()) events: \(error)") }
                return problems
            }
            let report = try store.verify()
            if let p = report.problem { problems.append("an accepted import does not verify: \(p)") }
            var export = [UInt8]()
            try store.exportLines { export += $0 }
            let again = try EventStore.inMemory()
            var exported = export.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
            if exported.last?.isEmpty == true { exported.removeLast() }
            do {
                try again.importLog(exported)
                var second = [UInt8]()
                try again.exportLines { second += $0 }
                if second != export { problems.append("export → import → export changed the log") }
            } catch {
                problems.append("the export of an accepted import is refused: \(error)")
            }
            // Every accepted event must read back through the store's decoder.
            do { _ = try store.events() } catch { problems.append("an accepted event cannot be read: \(error)") }
        } catch {
            problems.append("store error: \(error)")
        }
        return problems
    }
}
