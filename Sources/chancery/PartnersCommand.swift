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

    @OptionGroup var period: PeriodOptions

    @OptionGroup var time: TimeOptions

    @OptionGroup var output: FormatOption

    func validate() throws { _ = try Countries.country(country) }

    func run() throws {
        let code = try Countries.country(country)
        let period = try self.period.period()
        let store = try global.open()
        let ranking = try reporting { try QueryService(store: store).partners(code, period: period, slice: time.slice) }
        Render.emit(ranking.json, ranking.table, output.format)
    }
}
