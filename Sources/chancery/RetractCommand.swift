import ArgumentParser
import ChanceryCore

struct RetractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Withdraw a fact: append EventRetracted (nothing is deleted)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The event id (or a unique prefix).", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Why the fact is withdrawn.", valueName: "text"))
    var reason: String

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must not be empty") }
    }

    func run() throws {
        let store = try global.open()
        let e = try reporting { try Curator(store: store).retract(id, reason: reason) }
        print("seq \(e.seq)\t\(e.id)\tEventRetracted\t\(e.stream)\tretracts \(e.data.json["event"]?.stringValue ?? "")")
    }
}
