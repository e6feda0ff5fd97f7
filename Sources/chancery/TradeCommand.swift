import ArgumentParser
import ChanceryCore
import ChanceryDomain

struct TradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "The trade figures of a relationship, by series (metric and direction), oldest first.",
        discussion: "Countries are ISO codes or names in English, Russian or Kazakh, in any case and order."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The two countries.", valueName: "country"))
    var countries: [String]

    @Option(help: ArgumentHelp("Only this metric: trade_turnover, trade_target, exports, imports, investment, freight_volume or other.", valueName: "metric"))
    var metric: TradeMetric?

    @OptionGroup var time: TimeOptions

    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table

    func validate() throws { _ = try Countries.pair(countries) }

    func run() throws {
        let pair = try Countries.pair(countries)
        let store = try global.open()
        let series = try reporting { try QueryService(store: store).trade(pair, metric: metric, slice: time.slice) }
        Render.emit(series.json, series.table, format)
    }
}
