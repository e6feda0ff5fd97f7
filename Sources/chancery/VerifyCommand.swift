import ArgumentParser
import ChanceryCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-walk the hash chains and check every article; name the first bad seq.",
        discussion: "Exit 0 when the log is intact, 66 when something was changed, removed or inserted."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.open()
        let report = try reporting { try store.verify() }
        if let p = report.problem {
            fail("verify failed: \(p.description)")
            throw ExitCode(ExitCodes.verifyFailed)
        }
        print("verified \(report.events) events, head \(report.head)")
    }
}
