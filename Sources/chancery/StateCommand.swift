import ArgumentParser
import ChanceryCore
import ChanceryDomain

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
        if output.format == .json {
            // Written a fact at a time: a pair with 100 000 facts needs no more memory than one with 10.
            var out = Output()
            try reporting { try service.writeStateJSON(pair, slice: time.slice) { out.write(bytes: $0) } }
            out.flush()
            return
        }
        let snapshot = try reporting { try service.state(pair, slice: time.slice) }
        Render.emit(snapshot.json, snapshot.table, output.format)
    }
}
