import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every fact of a relationship in timeline order, with its source articles; withdrawn facts marked.",
        discussion: "Countries are ISO codes or names in English, Russian or Kazakh, in any case and order."
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var pair: PairArgument

    @OptionGroup var period: PeriodOptions

    @Option(help: ArgumentHelp("Only facts of this type: VisitStarted, TalksHeld, AgreementSigned or TradeFigureReported.", valueName: "type"))
    var type: String?

    @OptionGroup var time: TimeOptions

    @OptionGroup var output: FormatOption

    func validate() throws { _ = try factType() }

    func factType() throws -> EventType? {
        guard let type else { return nil }
        guard let t = EventType.domainTypes.first(where: { $0.rawValue.lowercased() == type.lowercased() }) else {
            throw ValidationError("--type must be one of \(EventType.domainTypes.map(\.rawValue).joined(separator: ", ")), not '\(type)'")
        }
        return t
    }

    func run() throws {
        let pair = try self.pair.pair(), period = try self.period.period()
        let store = try global.open()
        let service = QueryService(store: store), type = try factType()
        // Without a transaction-time bound, written a fact at a time.
        if !time.slice.boundsTransactionTime {
            try reporting {
                try Render.emitStreamed(output.format, json: {
                    try service.writeHistoryJSON(pair, period: period, type: type, slice: time.slice, to: $0)
                }) {
                    try service.withStreamedHistory(pair, period: period, type: type, slice: time.slice) { history in
                        try Render.emitRows(header: History.tableHeader, output.format) { row in try history.forEachRow(row) }
                    }
                }
            }
            return
        }
        let history = try reporting { try service.history(pair, period: period, type: type, slice: time.slice) }
        let withdrawn = Set(history.items.indices.filter { history.items[$0].isRetracted })
        Render.emit(history.json, history.table, output.format, marked: withdrawn)
    }
}
