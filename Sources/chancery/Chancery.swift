import ArgumentParser
import ChanceryCore
import ChanceryStore
import Foundation

@main
struct Chancery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chancery",
        abstract: "An event-sourced tracker of bilateral diplomacy: articles in, audited history out.",
        discussion: """
        Articles (Kazakh, Russian, English) become append-only, hash-chained events in an SQLite store; projections fold them into each relationship's state and history.

        Exit codes: 0 ok; 1 other failure; 64 usage error; 65 some input was rejected (an article, an import line); 66 verify found the store tampered or broken; 70 the store cannot be used (not a Chancery store, newer schema, read-only).
        """,
        subcommands: [
            IngestCommand.self, RecordCommand.self, EventsCommand.self, ExportCommand.self,
            ImportCommand.self, VerifyCommand.self, ExplainCommand.self, RetractCommand.self,
            StateCommand.self, HistoryCommand.self, TradeCommand.self, AgreementsCommand.self,
            PartnersCommand.self, DiffCommand.self, ReplayCommand.self, ReportCommand.self,
        ]
    )

    @OptionGroup var global: GlobalOptions
}

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (env CHANCERY_STORE).", valueName: "path"))
    var store: String?

    var storePath: String {
        store ?? ProcessInfo.processInfo.environment["CHANCERY_STORE"] ?? "./chancery.sqlite"
    }

    /// Opens the store, turning failures into a message and exit code 70.
    func open() throws -> EventStore {
        do {
            return try EventStore(path: storePath)
        } catch {
            fail(error.description)
            throw ExitCode(ExitCodes.storeUnusable)
        }
    }
}

enum ExitCodes {
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    static let rejectedInput: Int32 = 65
    static let verifyFailed: Int32 = 66
    static let storeUnusable: Int32 = 70
}

/// Prints one diagnostic line on stderr.
func fail(_ message: String) {
    FileHandle.standardError.write(Data("chancery: \(message)\n".utf8))
}

/// Runs `body`, turning any library error into one stderr line and a non-zero exit.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as StoreError {
        fail(e.description)
        switch e {
        case .notADatabase, .schemaTooNew, .readOnly: throw ExitCode(ExitCodes.storeUnusable)
        case .badImportLine, .notEmpty: throw ExitCode(ExitCodes.rejectedInput)
        default: throw ExitCode(ExitCodes.failure)
        }
    } catch {
        fail("\(error)")
        throw ExitCode(ExitCodes.failure)
    }
}

/// Whether stdout / stderr is a terminal.
enum Terminal {
    static var stdout: Bool { isatty(1) != 0 }
    static var stderr: Bool { isatty(2) != 0 }
    static var colour: Bool { stdout && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
}

/// Buffered stdout writer.
struct Output {
    private var buffer = [UInt8]()
    mutating func write(_ s: String) { buffer.append(contentsOf: Array(s.utf8)); flushIfLarge() }
    mutating func write(bytes: some Collection<UInt8>) { buffer.append(contentsOf: bytes); flushIfLarge() }
    mutating func line(_ s: String = "") { write(s + "\n") }
    private mutating func flushIfLarge() { if buffer.count > 1 << 16 { flush() } }
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
