import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "The partners of a country ranked by activity (facts, then source articles) in a period.",
        discussion: "The country is an ISO code or a name in English, Russian or Kazakh, in any case."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The country.", valueName: "country"))
    var country: [String]

    @Option(help: ArgumentHelp("Only facts that occurred on or after this date.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only facts that occurred on or before this date.", valueName: "date"))
    var to: String?

    @OptionGroup var time: TimeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func validate() throws {
        _ = try Countries.country(country)
        _ = try Dates.option(from, "--from")
        _ = try Dates.option(to, "--to")
    }

    func run() throws {
        let code = try Countries.country(country)
        let period = ValidPeriod(from: try Dates.option(from, "--from"), to: try Dates.option(to, "--to"))
        let store = try global.open()
        let ranking = try reporting { try QueryService(store: store).partners(code, period: period, slice: time.slice) }
        Render.emit(ranking.json, ranking.table, format)
    }
}
