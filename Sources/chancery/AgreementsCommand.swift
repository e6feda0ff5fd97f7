import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: "The documents signed or planned: of one relationship, or of all.",
        discussion: "Countries are ISO codes or names in English, Russian or Kazakh, in any case and order; none lists every pair."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The two countries (none: every pair).", valueName: "country"))
    var countries: [String] = []

    @Option(help: ArgumentHelp("Only planned or only signed documents.", valueName: "status"))
    var status: SigningStatus?

    @OptionGroup var time: TimeOptions

    @OptionGroup var output: FormatOption

    func validate() throws { _ = try pair() }

    func pair() throws -> StreamID? { countries.isEmpty ? nil : try Countries.pair(countries) }

    func run() throws {
        let pair = try pair()
        let store = try global.open()
        let service = QueryService(store: store)
        // Without a transaction-time bound, written a pair and a fact at a time.
        if !time.slice.boundsTransactionTime {
            try reporting {
                try Render.emitStreamed(output.format, json: {
                    try service.writeAgreementsJSON(pair, status: status, slice: time.slice, to: $0)
                }) {
                    try service.withStreamedAgreements(pair, status: status, slice: time.slice) { list in
                        try Render.emitRows(header: AgreementList.tableHeader, output.format) { row in
                            try list.forEachRow { try row($0, false) }
                        }
                    }
                }
            }
            return
        }
        let list = try reporting { try service.agreements(pair, status: status, slice: time.slice) }
        Render.emit(list.json, list.table, output.format)
    }
}
