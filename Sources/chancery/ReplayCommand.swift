import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections
import ChanceryStore
import Foundation

enum ReplayFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Rebuild the projections from the log, or audit an exported log's relationship event by event.",
        discussion: """
        replay: rebuilds every projection row from seq 1 (pair by pair, from the stored events) and swaps them in, in one transaction; says whether they differed from the persisted ones.
        replay FILE.ndjson --pair A B: reads an exported log (no store), checks its chain, and prints each event of the pair — seq, occurred, type, summary, source article — with the change it made to the relationship's state. --format json gives a list of {event, change}.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("An exported log (NDJSON) to audit; none: rebuild the store's projections.", valueName: "file"))
    var file: String?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The two countries whose evolution to print (with FILE).", valueName: "country"))
    var pair: [String] = []

    @Option(help: "With FILE: text or json.")
    var format: ReplayFormat = .text

    func validate() throws {
        if file == nil {
            if !pair.isEmpty { throw ValidationError("--pair goes with FILE: replay FILE.ndjson --pair A B") }
        } else {
            if pair.isEmpty { throw ValidationError("replay FILE needs --pair A B") }
            _ = try Countries.pair(pair)
        }
    }

    func run() throws {
        guard let file else { return try rebuild() }
        let stream = try Countries.pair(pair)
        guard let data = FileManager.default.contents(atPath: file) else {
            fail("\(file): cannot read the file")
            throw ExitCode(ExitCodes.rejectedInput)
        }
        let events: [RecordedEvent]
        do {
            events = try LogChecker.check(lines: LogChecker.lines([UInt8](data)))
        } catch let e as StoreError {
            fail("\(file): \(e.description)")
            throw ExitCode(ExitCodes.rejectedInput)
        }
        let steps = ReplayAudit.steps(events, pair: stream)
        var out = Output()
        switch format {
        case .json:
            out.write(JSONText.pretty(ReplayAudit.json(steps)))
        case .text:
            let colour = Terminal.colour
            out.line("\(file): \(events.count) events, chain intact; \(steps.count) bear on \(stream)")
            for step in steps {
                let lines = step.lines
                out.line(colour ? "\u{1B}[1m" + lines[0] + "\u{1B}[0m" : lines[0])
                for l in lines.dropFirst() { out.line(l) }
            }
            let state = BilateralStateProjection.snapshot(events, pair: stream)
            out.line()
            out.line("state of \(stream) at seq \(events.last?.seq ?? 0):")
            out.write(Render.text(state.table))
        }
        out.flush()
    }

    func rebuild() throws {
        let store = try global.open()
        let r = try reporting { try ProjectionKeeper(store: store).rebuild() }
        var line = "replayed \(r.events) events into \(r.facts) facts of \(r.pairs) pairs (checkpoint seq \(r.checkpoint)): "
        if r.changed.isEmpty {
            line += "the persisted projections were identical"
        } else {
            line += "rows replaced for \(r.changed.count) pairs: \(r.changed.map(\.description).joined(separator: ", "))"
        }
        print(line)
    }
}
