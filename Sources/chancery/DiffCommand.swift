import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed in a relationship between two dates, or what the log learned about it between two seqs.",
        discussion: """
        --from DATE --to DATE: the relationship as of TO against as of FROM (valid time): visits, talks and agreements added, trade figures old → new, contact and sources.
        --from-seq N --to-seq M: the facts, corroborations and retractions recorded in (N, M], and the change they made (transaction time: the audit of ingestion).
        """
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var pair: PairArgument

    @Option(help: ArgumentHelp("Valid time: the earlier date.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Valid time: the later date.", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Transaction time: the earlier position of the log.", valueName: "n"))
    var fromSeq: Int64?

    @Option(help: ArgumentHelp("Transaction time: the later position of the log.", valueName: "m"))
    var toSeq: Int64?

    @OptionGroup var output: FormatOption

    func validate() throws {
        let dates = from != nil || to != nil, seqs = fromSeq != nil || toSeq != nil
        if dates && seqs { throw ValidationError("give either --from and --to, or --from-seq and --to-seq, not both") }
        if dates {
            guard from != nil, to != nil else { throw ValidationError("--from and --to go together") }
            _ = try Dates.option(from, "--from")
            _ = try Dates.option(to, "--to")
        } else if seqs {
            guard let a = fromSeq, let b = toSeq else { throw ValidationError("--from-seq and --to-seq go together") }
            if a < 0 || b < 0 { throw ValidationError("--from-seq and --to-seq must be 0 or more") }
            if a > b { throw ValidationError("--from-seq must not be after --to-seq") }
        } else {
            throw ValidationError("give --from DATE --to DATE, or --from-seq N --to-seq M")
        }
    }

    func run() throws {
        let pair = try self.pair.pair()
        let store = try global.open()
        let service = QueryService(store: store)
        if let a = fromSeq, let b = toSeq {
            let diff = try reporting { try service.diffBySeq(pair, from: a, to: b) }
            switch output.format {
            case .json: Render.emit(diff.json, diff.table, .json)
            case .csv:
                Render.emit(diff.json, diff.table, .csv)
                print()
                Render.emit(diff.json, diff.change.table, .csv)
            case .table:
                print("learned between seq \(a) and seq \(b):")
                print(diff.table.rows.isEmpty ? "(nothing)" : Render.text(diff.table), terminator: "")
                print("\nchange to the state:")
                print(diff.change.isEmpty ? "(none)" : Render.text(diff.change.table), terminator: diff.change.isEmpty ? "\n" : "")
            }
        } else {
            let from = try Dates.option(from, "--from")!, to = try Dates.option(to, "--to")!
            let diff = try reporting { try service.diffByDate(pair, from: from, to: to) }
            if output.format == .table && diff.change.isEmpty {
                print("no change between \(from) and \(to)")
            } else {
                Render.emit(diff.json, diff.table, output.format)
            }
        }
    }
}
