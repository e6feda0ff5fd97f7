import Foundation
import Testing

/// Each bad input: one line on stderr naming the file and the problem, a non-zero exit,
/// no row written for it, and the other articles of the run still ingested.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: String
        let bytes: [UInt8]
        let message: String
        var testDescription: String { name }
    }

    static let good = Array("Kazakhstan and Iran held talks in Astana on 11 December 2025.\n".utf8)

    static let cases: [Case] = [
        Case(name: "empty file", file: "empty.txt", bytes: [], message: "empty"),
        Case(name: "whitespace only", file: "blank.txt", bytes: Array("   \n\t\n  ".utf8), message: "empty"),
        Case(name: "binary (PNG)", file: "image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], message: "binary"),
        Case(name: "invalid UTF-8", file: "latin1.txt", bytes: Array("Caf".utf8) + [0xE9] + Array(" in Astana, talks were held between the two sides.".utf8), message: "byte offset 3"),
        Case(name: "unsupported language", file: "german.txt", bytes: Array("Die Präsidenten der beiden Länder haben sich gestern in der Hauptstadt getroffen und über die Zusammenarbeit gesprochen.".utf8), message: "unsupported language"),
    ]

    @Test(arguments: cases)
    func rejectedWithOneLineAndNothingWritten(_ c: Case) throws {
        let dir = CLI.tempDir()
        let store = dir + "/s.sqlite"
        let bad = dir + "/" + c.file
        let ok = dir + "/zz-good.txt"
        FileManager.default.createFile(atPath: bad, contents: Data(c.bytes))
        FileManager.default.createFile(atPath: ok, contents: Data(Self.good))
        let r = try CLI.run(["--store", store, "ingest", bad, ok])
        #expect(r.status == 65, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(c.file) && r.stderr.contains(c.message), "\(r.stderr)")
        #expect(r.stdout.contains("zz-good.txt"))
        // The bad file left no article row: ingesting the good one again says "already ingested" only for it.
        let again = try CLI.run(["--store", store, "ingest", ok])
        #expect(again.stdout.contains("already ingested"))
        let v = try CLI.run(["--store", store, "verify"])
        #expect(v.status == 0, "\(v.stderr)")
    }

    @Test func utf16WithBOMIsDecoded() throws {
        let dir = CLI.tempDir()
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "Kazakhstan and Iran signed documents in Astana.\n".utf16 { bytes.append(UInt8(u & 0xFF)); bytes.append(UInt8(u >> 8)) }
        FileManager.default.createFile(atPath: dir + "/utf16.txt", contents: Data(bytes))
        let r = try CLI.run(["--store", dir + "/s.sqlite", "ingest", dir + "/utf16.txt"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("utf16.txt\ten"))
    }

    @Test func missingPathAndEmptyDirectory() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/nothing", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "/nothing/readme.md", contents: Data("x".utf8))
        let r = try CLI.run(["--store", dir + "/s.sqlite", "ingest", dir + "/missing.txt", dir + "/nothing"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("missing.txt: no such file"))
        #expect(r.stderr.contains("nothing: directory holds no .txt"))
        #expect(r.stderr.split(separator: "\n").count == 2)
    }

    @Test func storeThatIsNotADatabase() throws {
        let dir = CLI.tempDir()
        let path = dir + "/notes.sqlite"
        let content = Data(String(repeating: "plain text, not a database\n", count: 10).utf8)
        FileManager.default.createFile(atPath: path, contents: content)
        let r = try CLI.run(["--store", path, "events"])
        #expect(r.status == 70)
        #expect(r.stderr.contains("not a Chancery store"))
        #expect(FileManager.default.contents(atPath: path) == content)
    }

    @Test func usageErrorsExit64() throws {
        let r = try CLI.run(["ingest", "--published", "11/12/2025", "x.txt"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("YYYY-MM-DD"))
        let t = try CLI.run(["events", "--type", "Visit"])
        #expect(t.status == 64)
    }
}
