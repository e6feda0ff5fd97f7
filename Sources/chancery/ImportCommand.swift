import ArgumentParser
import ChanceryCore
import ChanceryStore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load an exported NDJSON log into an empty store.",
        discussion: "Every line is checked (JSON, known type and version, seq, hash chain) before anything commits; the first bad line is named and the store stays empty."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The NDJSON file.", valueName: "file"))
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            fail("\(file): cannot read the file")
            throw ExitCode(ExitCodes.rejectedInput)
        }
        let store = try global.open()
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        let trimmed = lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines
        do {
            // The projections are brought up to date in the import's own transaction.
            let n = try store.importLog(trimmed, then: { tx in try ProjectionKeeper(store: store).catchUp(in: tx) })
            print("imported \(n) events from \(file)")
        } catch let e as StoreError {
            if case .badImportLine = e { fail("\(file): \(e.description)") } else { fail(e.description) }
            throw ExitCode(ExitCodes.rejectedInput)
        } catch {
            fail("\(file): \(error)")
            throw ExitCode(ExitCodes.failure)
        }
    }
}
