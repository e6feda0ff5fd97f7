import ArgumentParser
import ChanceryCore
import ChanceryDomain
import ChanceryStore

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Add a fact by hand (source.rule is 'manual').",
        subcommands: [RecordVisit.self, RecordTalks.self, RecordAgreement.self, RecordTrade.self]
    )
}

/// Options every `record` subcommand takes.
struct RecordOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When it happened: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD.", valueName: "date"))
    var occurred: String

    @Option(help: ArgumentHelp("Last day of a span.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("The text that states the fact (required: the fact's provenance).", valueName: "text"))
    var source: String

    func validate() throws {
        guard FuzzyDate(occurred) != nil else { throw ValidationError("--occurred takes YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD, not '\(occurred)'") }
        if let u = until, FuzzyDate(u) == nil { throw ValidationError("--until takes a date, not '\(u)'") }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--source must not be empty") }
    }

    func record(_ data: EventData, global: GlobalOptions) throws {
        let store = try global.open()
        let events = try reporting {
            try Curator(store: store).record(data, occurred: FuzzyDate(occurred)!, until: until.flatMap(FuzzyDate.init), sourceText: source)
        }
        for e in events { print("seq \(e.seq)\t\(e.id)\t\(e.type.rawValue)\t\(e.stream)\t\(Summary.line(e.data))") }
    }
}

func countryCode(_ s: String, _ option: String) throws -> CountryCode {
    guard let c = CountryCode(s) else { throw ValidationError("\(option) takes an ISO alpha-2 code such as KZ, not '\(s)'") }
    return c
}

func twoParties(_ p: [String]) throws -> [CountryCode] {
    guard p.count == 2 else { throw ValidationError("--parties takes two country codes, e.g. --parties IR KZ") }
    let codes = try p.map { try countryCode($0, "--parties") }
    guard codes[0] != codes[1] else { throw ValidationError("--parties needs two different countries") }
    return codes
}

extension VisitLevel: ExpressibleByArgument {}
extension FactStatus: ExpressibleByArgument {}
extension SigningStatus: ExpressibleByArgument {}
extension TalksFormat: ExpressibleByArgument {}
extension AgreementKind: ExpressibleByArgument {}
extension TradeMetric: ExpressibleByArgument {}
extension Change: ExpressibleByArgument {}

struct RecordVisit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "visit", abstract: "A visit of VISITOR's leader or delegation to HOST.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var common: RecordOptions
    @Option(help: "Visiting country (alpha-2).") var visitor: String
    @Option(help: "Host country (alpha-2).") var host: String
    @Option(help: "Leader's name.") var leader: String?
    @Option(help: "state, official, working or unspecified.") var level: VisitLevel = .unspecified
    @Option(help: "City.") var place: String?
    @Option(help: "happened or planned.") var status: FactStatus = .happened

    func validate() throws {
        let v = try countryCode(visitor, "--visitor"), h = try countryCode(host, "--host")
        if v == h { throw ValidationError("--visitor and --host must differ") }
    }

    func run() throws {
        try common.record(.visitStarted(VisitStarted(visitor: CountryCode(visitor)!, host: CountryCode(host)!, leader: leader,
                                                     level: level, place: place, status: status)), global: global)
    }
}

struct RecordTalks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "talks", abstract: "Talks between two countries.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var common: RecordOptions
    @Option(parsing: .upToNextOption, help: "The two countries (alpha-2).") var parties: [String]
    @Option(parsing: .upToNextOption, help: "Participants' names.") var participants: [String] = []
    @Option(help: "narrow, expanded, phone, video or unspecified.") var format: TalksFormat = .unspecified
    @Option(help: "City.") var place: String?
    @Option(help: "happened or planned.") var status: FactStatus = .happened

    func validate() throws { _ = try twoParties(parties) }

    func run() throws {
        try common.record(.talksHeld(TalksHeld(parties: try twoParties(parties), participants: participants, format: format,
                                               place: place, status: status)), global: global)
    }
}

struct RecordAgreement: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "agreement", abstract: "A document signed (or to be signed) by two countries.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var common: RecordOptions
    @Option(parsing: .upToNextOption, help: "The two countries (alpha-2).") var parties: [String]
    @Option(help: "Title as written.") var title: String = ""
    @Option(help: "treaty, agreement, memorandum, joint_statement, roadmap, program, documents or other.") var kind: AgreementKind = .other
    @Option(help: "Number of documents.") var count: Int?
    @Option(help: "signed or planned.") var status: SigningStatus = .signed

    func validate() throws {
        _ = try twoParties(parties)
        if let c = count, c < 1 { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        try common.record(.agreementSigned(AgreementSigned(parties: try twoParties(parties), title: title, kind: kind,
                                                           count: count, status: status)), global: global)
    }
}

struct RecordTrade: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trade", abstract: "A figure about two countries' economic relationship.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var common: RecordOptions
    @Option(parsing: .upToNextOption, help: "The two countries (alpha-2).") var parties: [String]
    @Option(help: "trade_turnover, trade_target, exports, imports, investment, freight_volume or other.") var metric: TradeMetric
    @Option(help: "Value in base units (17.8 mn is 17800000).") var value: Double
    @Option(help: "USD, EUR, KZT, percent, tonnes, …") var unit: String
    @Option(help: "increase or decrease (for a percentage).") var change: Change?
    @Option(help: "Period start, e.g. 2025-01.") var periodFrom: String?
    @Option(help: "Period end, e.g. 2025-10.") var periodTo: String?
    @Option(help: "Country the money or goods come from.") var from: String?
    @Option(help: "Country they go to.") var to: String?

    func validate() throws {
        _ = try twoParties(parties)
        if (periodFrom == nil) != (periodTo == nil) { throw ValidationError("--period-from and --period-to go together") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together") }
        if !value.isFinite { throw ValidationError("--value must be a finite number") }
    }

    func run() throws {
        var direction: TradeDirection?
        if let f = from, let t = to { direction = TradeDirection(from: try countryCode(f, "--from"), to: try countryCode(t, "--to")) }
        let period = periodFrom.flatMap { f in periodTo.map { Period(from: f, to: $0) } }
        try common.record(.tradeFigureReported(TradeFigureReported(parties: try twoParties(parties), metric: metric, value: value,
                                                                   unit: unit, change: change, period: period, direction: direction)),
                          global: global)
    }
}
