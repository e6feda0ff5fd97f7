import ChanceryDomain
import Foundation
import Testing

/// One table of bad inputs: each gives exactly one clear line on stderr, a documented exit
/// code, and leaves the store as it was (same export, same `verify`). The accepted encodings
/// (UTF-16 with a BOM, Windows-1251 Russian, a 1 MB line of real text) give no stderr line,
/// exit 0 and append the article.
@Suite(.serialized) struct BadInputMatrixTests {
    enum Store: Sendable {
        /// A store holding a few generated articles.
        case populated
        /// A store with the schema and no events (what `import` needs).
        case empty
        /// The case makes its own store path; "unchanged" means the same file bytes.
        case special
    }

    enum Outcome: Sendable {
        case rejected(Int32, String)
        case accepted
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let store: Store
        let outcome: Outcome
        /// Prepares the input in `dir` and returns the arguments (the store is `store`).
        let prepare: @Sendable (_ dir: String, _ store: String) throws -> [String]
        var testDescription: String { name }
    }

    static let isRoot = geteuid() == 0

    static func file(_ dir: String, _ name: String, _ bytes: [UInt8]) throws -> String {
        let p = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: p))
        return p
    }

    static let english = "Kazakhstan and Kyrgyzstan\n3 December 2025\n\nKassym-Jomart Tokayev held talks with the President of Kyrgyzstan Sadyr Japarov in Bishkek on 2 December 2025. The sides discussed water and energy cooperation.\n"
    static let russian = "3 декабря 2025\n\n2 декабря 2025 года Касым-Жомарт Токаев и Президент Кыргызстана Садыр Жапаров провели переговоры в Бишкеке. Стороны обсудили сотрудничество в энергетике.\n"

    /// Russian text in Windows-1251 (the letters А–я, Ё and ё; everything else is ASCII).
    static func cp1251(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { u -> UInt8 in
            switch u.value {
            case 0x410...0x44F: return UInt8(0xC0 + u.value - 0x410)
            case 0x401: return 0xA8
            case 0x451: return 0xB8
            case 0..<0x80: return UInt8(u.value)
            default: fatalError("not in the test's Windows-1251 subset: \(u)")
            }
        }
    }

    static func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in s.utf16 { out += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return out
    }

    /// The export of the populated store's log, as lines, for the import cases.
    static func exportLines(_ dir: String) throws -> [[UInt8]] {
        let src = dir + "/source.sqlite"
        let articles = ArticleGenerator.articles(count: 4, seed: 0xBAD1)
        let paths = try ArticleGenerator.write(articles, to: dir + "/source")
        let r = try Binary.run(["--store", src, "ingest"] + paths)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try Binary.export(src).split(separator: 0x0A).map { Array($0) }
        #expect(lines.count >= 4, "the import cases need a log of several lines")
        return lines
    }

    static func edit(_ line: [UInt8], _ f: (inout [String: JSONValue]) -> Void) throws -> [UInt8] {
        guard case .object(var o) = try JSONParser.parse(line) else { throw CocoaError(.fileReadCorruptFile) }
        f(&o)
        return CanonicalJSON.bytes(.object(o))
    }

    static func importCase(_ name: String, _ message: String, _ damage: @escaping @Sendable (inout [[UInt8]]) throws -> Void) -> Case {
        Case(name: name, store: .empty, outcome: .rejected(65, message)) { dir, _ in
            var lines = try exportLines(dir)
            try damage(&lines)
            let path = try file(dir, "log.ndjson", Array(lines.joined(separator: [0x0A])) + [0x0A])
            return ["import", path]
        }
    }

    static let cases: [Case] = [
        Case(name: "empty file", store: .populated, outcome: .rejected(65, "empty.txt: the file is empty")) { d, _ in
            ["ingest", try file(d, "empty.txt", [])]
        },
        Case(name: "whitespace only", store: .populated, outcome: .rejected(65, "blank.txt: the file is empty")) { d, _ in
            ["ingest", try file(d, "blank.txt", Array(" \n\t\r\n   \n\u{00A0}\u{3000}\n".utf8))]
        },
        Case(name: "a PNG", store: .populated, outcome: .rejected(65, "picture.txt: binary content")) { d, _ in
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]
            png += [0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
            return ["ingest", try file(d, "picture.txt", png)]
        },
        Case(name: "NUL bytes in text", store: .populated, outcome: .rejected(65, "nul.txt: binary content (byte 12")) { d, _ in
            ["ingest", try file(d, "nul.txt", Array("Kazakhstan a".utf8) + [0] + Array("nd Iran held talks in Astana on 11 December 2025.".utf8))]
        },
        Case(name: "invalid UTF-8", store: .populated, outcome: .rejected(65, "latin1.txt: not UTF-8 text: invalid byte sequence at byte offset 34")) { d, _ in
            ["ingest", try file(d, "latin1.txt", Array("The talks in Astana were held in a".utf8) + [0xE9] + Array("l\u{E9}gant setting by both sides of the talks.".utf8))]
        },
        Case(name: "UTF-16 LE with BOM (accepted)", store: .populated, outcome: .accepted) { d, _ in
            ["ingest", try file(d, "utf16le.txt", utf16(english, bigEndian: false))]
        },
        Case(name: "UTF-16 BE with BOM (accepted)", store: .populated, outcome: .accepted) { d, _ in
            ["ingest", try file(d, "utf16be.txt", utf16(english.replacingOccurrences(of: "water", with: "transport"), bigEndian: true))]
        },
        Case(name: "Windows-1251 Russian (accepted)", store: .populated, outcome: .accepted) { d, _ in
            ["ingest", try file(d, "cp1251.txt", cp1251(russian))]
        },
        Case(name: "a 50 MB article", store: .populated, outcome: .rejected(65, "huge.txt: the file is 52428800 bytes, over the 20971520-byte limit")) { d, _ in
            let chunk = "The sides discussed cooperation in energy, transport and agriculture.\n"
            let text = String(repeating: chunk, count: (50 << 20) / chunk.utf8.count + 1)
            let data = Data(text.utf8).prefix(50 << 20)
            try data.write(to: URL(fileURLWithPath: d + "/huge.txt"))
            return ["ingest", d + "/huge.txt"]
        },
        Case(name: "one 1 MB line of text (accepted)", store: .populated, outcome: .accepted) { d, _ in
            let sentence = "Kassym-Jomart Tokayev held talks with the President of Kyrgyzstan Sadyr Japarov in Bishkek on 2 December 2025; the sides discussed water, energy and transport. "
            let line = String(String(repeating: sentence, count: (1 << 20) / sentence.utf8.count + 1).utf8.prefix(1 << 20))!
            return ["ingest", try file(d, "oneline.txt", Array((line + "\n").utf8))]
        },
        Case(name: "unsupported language", store: .populated, outcome: .rejected(65, "german.txt: unsupported language")) { d, _ in
            ["ingest", try file(d, "german.txt", Array("Die Präsidenten der beiden Länder haben sich am Montag in der Hauptstadt getroffen und über die wirtschaftliche Zusammenarbeit gesprochen, teilte das Präsidialamt mit.\n".utf8))]
        },
        Case(name: "directory with no .txt", store: .populated, outcome: .rejected(65, "notes: directory holds no .txt article")) { d, _ in
            try FileManager.default.createDirectory(atPath: d + "/notes/deeper", withIntermediateDirectories: true)
            _ = try file(d, "notes/readme.md", Array("Kazakhstan and Iran held talks.".utf8))
            _ = try file(d, "notes/deeper/article.TXT.bak", Array("Kazakhstan and Iran held talks.".utf8))
            return ["ingest", d + "/notes"]
        },
        Case(name: "missing path", store: .populated, outcome: .rejected(65, "nowhere.txt: no such file or directory")) { d, _ in
            ["ingest", d + "/nowhere.txt"]
        },
        // Root reads through chmod 000, so as root the unreadable file is a symbolic link to
        // /proc/self/mem, which opens but fails every read at offset 0 (EIO).
        Case(name: "unreadable file", store: .populated,
             outcome: .rejected(65, "locked.txt: cannot read the file (" + (isRoot ? "Input/output error)" : "permission denied or unreadable)"))) { d, _ in
            let p = d + "/locked.txt"
            if isRoot {
                try FileManager.default.createSymbolicLink(atPath: p, withDestinationPath: "/proc/self/mem")
            } else {
                _ = try file(d, "locked.txt", Array(english.utf8))
                chmod(p, 0)
            }
            return ["ingest", p]
        },
        Case(name: "symlink loop", store: .populated, outcome: .rejected(65, "loop.txt: symbolic link loop")) { d, _ in
            try FileManager.default.createSymbolicLink(atPath: d + "/loop.txt", withDestinationPath: d + "/loop2.txt")
            try FileManager.default.createSymbolicLink(atPath: d + "/loop2.txt", withDestinationPath: d + "/loop.txt")
            return ["ingest", d + "/loop.txt"]
        },
        importCase("NDJSON: bad JSON", "log.ndjson: line 2: not JSON") { l in l[1] = Array(l[1].prefix(40)) },
        importCase("NDJSON: unknown type", "log.ndjson: line 3: type: unknown event type \"VisitEnded\"") { l in
            l[2] = try edit(l[2]) { $0["type"] = .string("VisitEnded") }
        },
        importCase("NDJSON: broken chain", "log.ndjson: line 3: hash does not match the line's content (broken chain)") { l in
            l[2] = try edit(l[2]) { $0["occurred"] = .string("2020-01-01") }
        },
        importCase("NDJSON: duplicate seq", "log.ndjson: line 3: seq 2 where 3 was expected") { l in l.insert(l[1], at: 2) },
        importCase("NDJSON: version from the future", "log.ndjson: line 2: version") { l in
            l[1] = try edit(l[1]) { $0["version"] = .int(99) }
        },
        importCase("NDJSON: blank line inside", "log.ndjson: line 2: blank line inside the log") { l in l.insert([], at: 1) },
        Case(name: "NDJSON: import into a store that has events", store: .populated, outcome: .rejected(65, "import needs an empty store")) { d, _ in
            ["import", try file(d, "log.ndjson", Array(try exportLines(d).joined(separator: [0x0A])) + [0x0A])]
        },
        Case(name: "--store is not an SQLite file", store: .special, outcome: .rejected(70, "notes.sqlite: not a Chancery store")) { d, store in
            try Data(String(repeating: "These are my notes, not a database.\n", count: 200).utf8).write(to: URL(fileURLWithPath: store))
            return ["ingest", try file(d, "a.txt", Array(english.utf8))]
        },
        Case(name: "store schema newer than the binary", store: .special, outcome: .rejected(70, "is newer than this build supports")) { d, store in
            let r = try Binary.run(["--store", store, "verify"])
            #expect(r.status == 0)
            let editor = try SQLiteEditor()
            let a = try editor.send(["op": "sql", "db": store, "sql": "INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01T00:00:00Z')"])
            #expect(a.ok, "\(a.text)")
            return ["ingest", try file(d, "a.txt", Array(english.utf8))]
        },
        Case(name: "store in a read-only directory", store: .special, outcome: .rejected(70, "the store cannot be written")) { d, store in
            let article = try file(d, "a.txt", Array(english.utf8))
            let r = try Binary.run(["--store", store, "ingest", try file(d, "first.txt", Array(russian.utf8))])
            #expect(r.status == 0, "\(r.stderr)")
            do {
                try ReadOnly.lock((store as NSString).deletingLastPathComponent)
            } catch {
                // Root where `chattr +i` is not supported (e.g. overlayfs): a store path in
                // /proc, a directory nobody can create files in, stands in for it.
                print("bad input [store in a read-only directory]: \(error); using /proc/self/chancery.sqlite instead")
                return ["--store", "/proc/self/chancery.sqlite", "ingest", article]
            }
            return ["ingest", article]
        },
    ]

    @Test(arguments: cases)
    func oneLineDocumentedExitAndStoreUnchanged(_ c: Case) throws {
        let dir = Binary.tempDir("bad")
        defer {
            ReadOnly.unlock(dir + "/store")
            try? FileManager.default.removeItem(atPath: dir)
        }
        try FileManager.default.createDirectory(atPath: dir + "/store", withIntermediateDirectories: true)
        var store = dir + "/store/" + (c.name.hasPrefix("--store") ? "notes.sqlite" : "s.sqlite")
        switch c.store {
        case .populated:
            let paths = try ArticleGenerator.write(ArticleGenerator.articles(count: 3, seed: 0xBAD0), to: dir + "/good")
            let r = try Binary.run(["--store", store, "ingest"] + paths)
            try #require(r.status == 0, "\(r.stderr)")
        case .empty:
            try #require(try Binary.verify(store).status == 0)
        case .special:
            break
        }
        var args = try c.prepare(dir, store)
        if args.first == "--store" {
            // The case named another store (see the read-only directory case).
            store = args[1]
            args.removeFirst(2)
        }
        let exportBefore = c.store == .special ? [] : try Binary.export(store)
        let verifyBefore = c.store == .special ? nil : try Binary.verify(store)
        let fileBefore = FileManager.default.contents(atPath: store)

        let r = try Binary.run(["--store", store] + args)
        print("bad input [\(c.name)]: exit \(r.status): \(r.stderr.isEmpty ? r.out.prefix(200) : r.stderr.prefix(300))".replacingOccurrences(of: dir, with: "$DIR").trimmingCharacters(in: .newlines))

        switch c.outcome {
        case .rejected(let status, let message):
            #expect(r.status == status, "exit \(r.status), stderr: \(r.stderr)")
            #expect(r.stderrLines.count == 1, "stderr: \(r.stderr)")
            #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
            #expect(r.stdout.isEmpty || status == 64, "stdout: \(r.out)")
            if c.store == .special {
                #expect(FileManager.default.contents(atPath: store) == fileBefore, "the store file changed")
            } else {
                #expect(try Binary.export(store) == exportBefore, "the log changed")
                let v = try Binary.verify(store)
                #expect(v.status == 0 && v.out == verifyBefore?.out, "verify: \(v.out) \(v.stderr)")
            }
        case .accepted:
            #expect(r.status == 0, "exit \(r.status), stderr: \(r.stderr)")
            #expect(r.stderr.isEmpty, "stderr: \(r.stderr)")
            #expect(r.out.contains("\tappended "), "stdout: \(r.out)")
            let after = try Binary.export(store)
            #expect(after.starts(with: exportBefore) && after.count > exportBefore.count, "nothing appended (the facts were not read)")
            #expect(try Binary.verify(store).status == 0)
        }
    }

    /// A directory holding a symbolic link to itself is walked once: no hang, no error.
    @Test func directoryWithASymlinkLoopIsWalkedOnce() throws {
        let dir = Binary.tempDir("loopdir")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in/sub", withIntermediateDirectories: true)
        _ = try Self.file(dir, "in/sub/a.txt", Array(Self.english.utf8))
        try FileManager.default.createSymbolicLink(atPath: dir + "/in/sub/again", withDestinationPath: dir + "/in")
        let r = try Binary.run(["--store", dir + "/s.sqlite", "ingest", dir + "/in"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.split(separator: "\n").count == 1, "\(r.out)")
    }
}

/// Makes a directory read-only, also for root: `chmod 555` for others, `chattr +i` (the
/// immutable attribute) for root, which permission bits do not stop.
enum ReadOnly {
    static func lock(_ dir: String) throws {
        if geteuid() != 0 {
            chmod(dir, 0o555)
            return
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["chattr", "+i", dir]
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let probe = dir + "/.probe"
        if FileManager.default.createFile(atPath: probe, contents: nil) {
            try? FileManager.default.removeItem(atPath: probe)
            unlock(dir)
            throw CannotLock(dir: dir)
        }
    }

    static func unlock(_ dir: String) {
        if geteuid() != 0 { chmod(dir, 0o755); return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["chattr", "-i", dir]
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
    }

    struct CannotLock: Error, CustomStringConvertible {
        let dir: String
        var description: String { "cannot make \(dir) read-only as root (chattr +i unsupported here)" }
    }
}
