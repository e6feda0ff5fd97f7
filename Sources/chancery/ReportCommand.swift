import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryExtraction
import ChanceryProjections
import ChanceryReport
import ChanceryStore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a relationship as one self-contained HTML page: state, timeline, trade chart, tables and the evidence of every fact.",
        discussion: """
        The page needs no network: style and SVG are inline, no script, system fonts. Every mark and row links to its evidence: the verbatim sentence, the article's name and date, the rule, corroborations and retractions.

        Countries are ISO codes or names in English, Russian or Kazakh, in any order: KZ IR, Kazakhstan Iran. With --all, one page per pair is written into --output-dir, with an index.html listing the pairs by activity.

        The store is verified first; a store that fails verify gets no report (exit 66).
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The two countries (not with --all).", valueName: "country"))
    var countries: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("The page to write (default report-<pair>.html, e.g. report-IR-KZ.html).", valueName: "file"))
    var output: String?

    @Flag(help: "Write a page for every pair, and index.html, into --output-dir.")
    var all = false

    @Option(help: ArgumentHelp("The directory for --all (created when missing).", valueName: "dir"))
    var outputDir: String?

    @OptionGroup var time: TimeOptions

    func validate() throws {
        if all {
            if !countries.isEmpty { throw ValidationError("--all takes no countries (got \(countries.joined(separator: " ")))") }
            if output != nil { throw ValidationError("--all writes several pages: give --output-dir, not --output") }
            guard let d = outputDir, !d.isEmpty else { throw ValidationError("--all needs --output-dir DIR") }
        } else {
            if outputDir != nil { throw ValidationError("--output-dir goes with --all; for one pair give --output FILE") }
            _ = try Countries.pair(countries)
        }
    }

    static func fileName(_ pair: StreamID) -> String { "report-\(pair.description).html" }

    func run() throws {
        let store = try global.open()
        let slice = time.slice
        try reporting {
            let verified = try store.verify()
            if let p = verified.problem {
                fail("verify failed: \(p.description); no report written")
                throw ExitCode(ExitCodes.verifyFailed)
            }
            let query = QueryService(store: store)
            let builder = try ReportBuilder(store: store, query: query, slice: slice, headHash: verified.head)
            var out = Output()
            if all {
                let dir = URL(fileURLWithPath: outputDir!)
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                var entries = [ReportIndex.Entry]()
                for pair in try query.pairs() {
                    let report = try builder.report(pair)
                    let name = ReportCommand.fileName(pair)
                    try write(report.html, to: dir.appendingPathComponent(name))
                    entries.append(ReportIndex.Entry(pair: pair, names: report.names, state: report.state,
                                                     history: report.history, file: name))
                    out.line("wrote \(dir.appendingPathComponent(name).path)\t\(report.history.items.count) facts")
                }
                let index = ReportIndex(entries: entries, context: builder.headContext)
                try write(index.html, to: dir.appendingPathComponent("index.html"))
                out.line("wrote \(dir.appendingPathComponent("index.html").path)\t\(entries.count) pairs")
            } else {
                let pair = try Countries.pair(countries)
                let report = try builder.report(pair)
                let path = output ?? ReportCommand.fileName(pair)
                try write(report.html, to: URL(fileURLWithPath: path))
                out.line("wrote \(path)\t\(report.history.items.count) facts, \(report.state.sources) source articles")
            }
            out.flush()
        }
    }

    private func write(_ html: String, to url: URL) throws {
        do {
            try Data(html.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportWriteError(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// A page that could not be written.
struct ReportWriteError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}

/// Gathers a pair's query results and the evidence's articles and rules from the store.
struct ReportBuilder {
    let store: EventStore
    let query: QueryService
    let slice: TimeSlice
    /// The verified head, and where the slice stops reading when it bounds transaction time.
    let headContext: ReportContext

    init(store: EventStore, query: QueryService, slice: TimeSlice, headHash: String) throws {
        self.store = store
        self.query = query
        self.slice = slice
        let head = ReportContext.LogPosition(seq: try store.head().seq, hash: headHash)
        var reads: ReportContext.LogPosition?
        if slice.boundsTransactionTime {
            var last = ReportContext.LogPosition(seq: 0, hash: String(repeating: "0", count: 64))
            try store.forEachEvent(EventFilter(throughSeq: slice.atSeq)) { e in
                if slice.admitsTransaction(seq: e.seq, recordedAt: e.recordedAt) { last = .init(seq: e.seq, hash: e.hash) }
            }
            if last != head { reads = last }
        }
        headContext = ReportContext(head: head, reads: reads)
    }

    func report(_ pair: StreamID) throws -> RelationshipReport {
        let state = try query.state(pair, slice: slice)
        let history = try query.history(pair, slice: slice)
        let trade = try query.trade(pair, slice: slice)
        let agreements = try query.agreements(pair, slice: slice)
        var context = headContext
        for f in history.items + state.facts + trade.lines.flatMap(\.points) + agreements.items {
            for s in f.sources {
                if context.rules[s.event] == nil, let e = try store.event(id: s.event) { context.rules[s.event] = e.source.rule }
                if context.articles[s.article] == nil, let a = try store.article(sha256: s.article) {
                    context.articles[s.article] = .init(sha256: a.sha256, name: a.name, published: a.published, language: a.language)
                }
            }
        }
        let names = Dictionary(uniqueKeysWithValues: pair.parties.map { ($0, Gazetteer.name(of: $0, in: .en)) })
        return RelationshipReport(pair: pair, names: names, state: state, history: history, trade: trade,
                                  agreements: agreements, context: context)
    }
}
