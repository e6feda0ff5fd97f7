import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryStore

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ndjson
}

struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List events of the log, in seq order."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this stream, e.g. IR-KZ (either order).", valueName: "pair"))
    var stream: String?

    @Option(help: ArgumentHelp("Only this type (VisitStarted, TalksHeld, AgreementSigned, TradeFigureReported, EventCorroborated, EventRetracted).", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Only events after this seq.", valueName: "n"))
    var sinceSeq: Int64 = 0

    @Option(help: "Output format: table, json or ndjson.")
    var format: ListFormat = .table

    func validate() throws {
        if let s = stream, StreamID(s) == nil { throw ValidationError("--stream takes a pair of country codes such as IR-KZ, not '\(s)'") }
        if let t = type, EventType(rawValue: t) == nil {
            throw ValidationError("--type must be one of \(EventType.allCases.map(\.rawValue).joined(separator: ", ")), not '\(t)'")
        }
        if sinceSeq < 0 { throw ValidationError("--since-seq must be 0 or more") }
    }

    func run() throws {
        let store = try global.open()
        let filter = EventFilter(stream: stream.flatMap(StreamID.init)?.description, type: type, sinceSeq: sinceSeq)
        var out = Output()
        try reporting {
            switch format {
            case .ndjson:
                try store.forEachEvent(filter) { out.line($0.exportLine) }
            case .json:
                out.write("[")
                var first = true
                try store.forEachEvent(filter) {
                    out.write((first ? "\n" : ",\n") + $0.exportLine)
                    first = false
                }
                out.line(first ? "]" : "\n]")
            case .table:
                var rows = [["SEQ", "ID", "TYPE", "STREAM", "OCCURRED", "SUMMARY", "SOURCE"]]
                try store.forEachEvent(filter) { e in
                    rows.append([String(e.seq), String(e.id.prefix(12)), e.type.rawValue, e.stream.description,
                                 e.occurred.description + (e.occurredUntil.map { "…" + $0.description } ?? ""),
                                 Summary.line(e.data), e.source.file])
                }
                out.write(Table.render(rows))
            }
        }
        out.flush()
    }
}
