import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Where a relationship stands: first and last contact, visits, talks, agreements, latest trade figures, sources.",
        discussion: "Countries are ISO codes or names in English, Russian or Kazakh, in any case and order: KZ IR, ir kz, Kazakhstan Iran, Қазақстан Иран, Казахстан Иран."
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var pair: PairArgument

    @OptionGroup var time: TimeOptions

    @OptionGroup var output: FormatOption

    func run() throws {
        let pair = try self.pair.pair()
        let store = try global.open()
        let service = QueryService(store: store)
        // Without a transaction-time bound, written a fact at a time: a pair with 100 000
        // facts needs little more memory than one with 10.
        if !time.slice.boundsTransactionTime {
            try reporting {
                try Render.emitStreamed(output.format, json: { try service.writeStateJSON(pair, slice: time.slice, to: $0) }) {
                    try service.withStreamedState(pair, slice: time.slice) { state in
                        try Render.emitRows(header: BilateralSnapshot.tableHeader, output.format) { row in
                            try state.forEachRow { try row($0, false) }
                        }
                    }
                }
            }
            return
        }
        let snapshot = try reporting { try service.state(pair, slice: time.slice) }
        Render.emit(snapshot.json, snapshot.table, output.format)
    }
}
