import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryStore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show where an event comes from: article, date, the paragraph with the quote marked, the rule, corroborations and retractions."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The event id (or a unique prefix).", valueName: "id"))
    var id: String

    func run() throws {
        let store = try global.open()
        let text = try reporting { () throws -> String in
            let full = try Curator(store: store).resolve(id)
            guard let e = try store.event(id: full) else { throw StoreError.unknownEvent(id) }
            let ex = try Explanation.make(store: store, event: e)
            return ex.render(colour: Terminal.colour)
        }
        print(text, terminator: "")
    }
}
