import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryProjections

struct TradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trade",
        abstract: "The trade figures of a relationship, by series (metric and direction), oldest first.",
        discussion: "Countries are ISO codes or names in English, Russian or Kazakh, in any case and order."
    )

    @OptionGroup var global: GlobalOptions

    @OptionGroup var pair: PairArgument

    @Option(help: ArgumentHelp("Only this metric: trade_turnover, trade_target, exports, imports, investment, freight_volume or other.", valueName: "metric"))
    var metric: TradeMetric?

    @OptionGroup var time: TimeOptions

    @OptionGroup var output: FormatOption

    func run() throws {
        let pair = try self.pair.pair()
        let store = try global.open()
        let service = QueryService(store: store)
        // Without a transaction-time bound, written a fact at a time.
        if !time.slice.boundsTransactionTime {
            try reporting {
                try Render.emitStreamed(output.format, json: { try service.writeTradeJSON(pair, metric: metric, slice: time.slice, to: $0) }) {
                    try service.withStreamedTrade(pair, metric: metric, slice: time.slice) { trade in
                        try Render.emitRows(header: TradeSeries.tableHeader, output.format) { row in
                            try trade.forEachRow { try row($0, false) }
                        }
                    }
                }
            }
            return
        }
        let series = try reporting { try service.trade(pair, metric: metric, slice: time.slice) }
        Render.emit(series.json, series.table, output.format)
    }
}
