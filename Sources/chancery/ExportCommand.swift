import ArgumentParser
import ChanceryCore
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the whole log as NDJSON (EVENTS.md), in seq order, streaming."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Write to this file instead of stdout (written whole or not at all).", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try global.open()
        try reporting {
            if let output {
                let tmp = output + ".partial-\(getpid())"
                guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp) else {
                    throw ExportFailed(path: output)
                }
                var buf = [UInt8]()
                do {
                    try store.exportLines { line in
                        buf.append(contentsOf: line)
                        if buf.count > 1 << 16 { try h.write(contentsOf: buf); buf.removeAll(keepingCapacity: true) }
                    }
                    try h.write(contentsOf: buf)
                    try h.close()
                    if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
                    try FileManager.default.moveItem(atPath: tmp, toPath: output)
                } catch {
                    try? FileManager.default.removeItem(atPath: tmp)
                    throw error
                }
            } else {
                var out = Output()
                try store.exportLines { out.write(bytes: $0) }
                out.flush()
            }
        }
    }
}

struct ExportFailed: Error, CustomStringConvertible {
    let path: String
    var description: String { "\(path): cannot create the output file" }
}
