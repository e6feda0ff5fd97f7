import ArgumentParser
import ChanceryCore
import ChanceryDomain
import Foundation

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read articles and append the facts they state to the log.",
        discussion: """
        PATHs are files or directories (searched recursively for *.txt), ingested in sorted path order: one transaction per article, so an article is wholly in the log or absent. The same bytes again append nothing ("already ingested"). A rejected article is named on stderr and the others still ingest; the exit code is then 65.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Article files or directories.", valueName: "path"))
    var paths: [String]

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) overriding the articles' own date lines.", valueName: "date"))
    var published: String?

    @Flag(help: "Print the events that would be appended, and write nothing.")
    var dryRun = false

    func validate() throws {
        if let p = published {
            guard let d = FuzzyDate(p), case .day = d else {
                throw ValidationError("--published takes a date as YYYY-MM-DD, not '\(p)'")
            }
        }
    }

    func run() throws {
        let store = try global.open()
        let ingestor = Ingestor(store: store)
        let publishedDate = published.flatMap(FuzzyDate.init)
        let (files, inputErrors) = ArticleFiles.expand(paths)
        var failed = inputErrors.count
        for e in inputErrors { fail(e.description) }
        var out = Output()
        let progress = Terminal.stderr && files.count > 20
        for (n, path) in files.enumerated() {
            if progress {
                FileHandle.standardError.write(Data("\r\u{1B}[K[\(n + 1)/\(files.count)] \((path as NSString).lastPathComponent)".utf8))
            }
            let name = (path as NSString).lastPathComponent
            let outcome: IngestOutcome
            do {
                let bytes = try Ingestor.readFile(path)
                outcome = try reporting { try ingestor.ingest(bytes: bytes, name: name, displayPath: path, published: publishedDate, dryRun: dryRun) }
            } catch let e as ArticleRejected {
                if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                fail(e.description)
                failed += 1
                continue
            }
            switch outcome.status {
            case .failed(let why):
                if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                fail("\(path): \(why)")
                failed += 1
            case .alreadyIngested:
                out.line("\(path)\t\(outcome.language ?? "-")\talready ingested")
            case .ingested(let appended, let corroborated):
                let verb = dryRun ? "would append" : "appended"
                out.line("\(path)\t\(outcome.language ?? "-")\t\(verb) \(appended) events, \(corroborated) corroborated")
                if dryRun {
                    for e in outcome.events { out.line("  " + e.exportLine) }
                }
            }
            out.flush()
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        out.flush()
        if failed > 0 { throw ExitCode(ExitCodes.rejectedInput) }
    }
}
