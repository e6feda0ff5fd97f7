import Foundation
import Testing

/// Headless Chromium, found on `PATH` (or `$CHROMIUM`). `.ci/run` installs Debian's `chromium`.
enum Browser {
    static let path: String? = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["CHROMIUM"], FileManager.default.isExecutableFile(atPath: p) { return p }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }()

    static var isCI: Bool {
        let v = ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? ""
        return !v.isEmpty && v != "0" && v != "false"
    }

    /// What one headless run left behind.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var netLog: URL
    }

    /// Runs headless Chromium on `page` with a fresh profile, no background networking and
    /// every host name unresolvable (nothing can leave the machine), logging the console to
    /// stderr and the network to a net log.
    static func run(_ page: URL, _ extra: [String], in dir: URL) throws -> Run {
        let tag = UUID().uuidString.prefix(8)
        let netLog = dir.appendingPathComponent("net-\(tag).json")
        let args = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(dir.appendingPathComponent("profile-\(tag)").path)",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability", "--no-pings",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(netLog.path)",
        ] + extra + [page.absoluteString]
        let out = dir.appendingPathComponent("out-\(tag).txt"), err = dir.appendingPathComponent("err-\(tag).txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = args
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(180)
        while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                   stderr: try String(contentsOf: err, encoding: .utf8), netLog: netLog)
    }

    /// Console messages the page produced (Chromium logs them as `…:CONSOLE(…)` / `…:CONSOLE:…`).
    static func consoleMessages(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    }

    /// The http(s)/ws(s) requests the page started, from the net log: request jobs whose
    /// initiator is an origin (the page's; Chromium's own background requests have none).
    static func pageRequests(_ netLog: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: netLog)) as? [String: Any]
        let constants = json?["constants"] as? [String: Any]
        let types = constants?["logEventTypes"] as? [String: Int]
        let start = try #require(types?["URL_REQUEST_START_JOB"], "net log without event types")
        var out = [String]()
        for case let e as [String: Any] in json?["events"] as? [Any] ?? [] where (e["type"] as? Int) == start {
            guard let params = e["params"] as? [String: Any], let url = params["url"] as? String else { continue }
            let initiator = params["initiator"] as? String ?? ""
            let remote = ["http:", "https:", "ws:", "wss:", "ftp:"].contains { url.hasPrefix($0) }
            if remote && initiator != "not an origin" { out.append(url) }
        }
        return out
    }
}

/// Runs the built `chancery` binary (it sits beside the test bundle).
enum Chancery {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("chancery").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return repo.appendingPathComponent(".build/debug/chancery").path
    }()

    @discardableResult
    static func run(_ args: [String], cwd: URL) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = "1767225600"
        env.removeValue(forKey: "CHANCERY_STORE")
        p.environment = env
        p.currentDirectoryURL = cwd
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("Report in a real browser", .serialized,
       .enabled(if: Browser.path != nil || Browser.isCI, "headless Chromium is not installed (apt-get install chromium)"))
struct ReportBrowserTests {
    static func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("chancery-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    /// The element with `id` up to its closing tag `</tag>` (entries do not nest).
    static func element(_ id: String, _ tag: String, in dom: String) -> Substring? {
        guard let start = dom.range(of: #"id="\#(id)""#), let end = dom.range(of: "</\(tag)>", range: start.upperBound..<dom.endIndex) else {
            return nil
        }
        return dom[start.lowerBound..<end.upperBound]
    }

    @Test func reportOfSeedsOpensInChromiumWithMarksChartEvidenceAndNoNetwork() throws {
        let chromium = try #require(Browser.path, """
            headless Chromium not found on PATH: the browser end-to-end test cannot run. \
            .ci/run installs Debian's chromium when it is missing; locally: apt-get install chromium (or set CHROMIUM=/path).
            """)
        _ = chromium
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("seeds.sqlite").path
        let ingest = try Chancery.run(["ingest", Chancery.repo.appendingPathComponent("seeds").path, "--store", store], cwd: dir)
        #expect(ingest.status == 0, "\(ingest.output)")
        let made = try Chancery.run(["report", "KZ", "IR", "--store", store], cwd: dir)
        #expect(made.status == 0, "\(made.output)")
        let page = dir.appendingPathComponent("report-IR-KZ.html")
        let html = try String(contentsOf: page, encoding: .utf8)

        // No resource the page could fetch: no http(s) or protocol-relative URL in src/href, no url(), no @import.
        let remote = try NSRegularExpression(pattern: #"(src|href|xlink:href)\s*=\s*["']?\s*(https?:)?//"#, options: .caseInsensitive)
        #expect(remote.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) == nil)
        #expect(!html.contains("url(") && !html.contains("@import") && !html.contains("<script"))

        // The DOM as Chromium built it.
        let run = try Browser.run(page, ["--dump-dom"], in: dir)
        #expect(run.status == 0, "\(run.stderr.suffix(2000))")
        let dom = run.stdout
        #expect(dom.contains("<h1>Iran – Kazakhstan</h1>"))
        #expect(Browser.consoleMessages(run.stderr).isEmpty, "\(Browser.consoleMessages(run.stderr))")
        let requests = try Browser.pageRequests(run.netLog)
        #expect(requests.isEmpty, "the page requested \(requests)")

        // Timeline marks: the December 2025 visit, both talks rounds, the signing.
        #expect(dom.contains(#"class="chart timeline""#))
        // Each anchor's start tag (its attributes), for the marks of the timeline and the figures of the chart.
        let anchors = dom.components(separatedBy: ##"<a href="#ev-"##).dropFirst().map { String($0.prefix { $0 != ">" }) }
        let allMarks = anchors.filter { $0.contains(#"class="mark"#) }
        func marks(_ type: String) -> [String] { allMarks.filter { $0.contains(#"data-type="\#(type)""#) } }
        #expect(marks("VisitStarted").count == 1)
        #expect(marks("VisitStarted").allSatisfy { $0.contains(#"data-occurred="2025-12"#) })
        #expect(marks("TalksHeld").count == 2)
        #expect(marks("AgreementSigned").count == 1)
        #expect(marks("AgreementSigned").allSatisfy { $0.contains(#"data-status="signed""#) })
        let entries = dom.count(of: #"<details open="" id="ev-"#) + dom.count(of: #"<details open id="ev-"#)
        #expect(allMarks.count == entries && entries >= 7)

        // Trade chart: +40 % turnover and the $3 bn target.
        #expect(dom.contains(#"class="chart trade""#))
        let figures = anchors.filter { $0.contains(#"class="figure-mark""#) }
        let turnover = figures.filter { $0.contains(#"data-series="trade_turnover""#) && $0.contains(#"data-kind="growth""#) && $0.contains(#"data-value="40""#) }
        let target = figures.filter { $0.contains(#"data-kind="target""#) && $0.contains(#"data-value="3000000000""#) && $0.contains(#"data-unit="USD""#) }
        #expect(turnover.count == 1 && target.count == 1)
        #expect(dom.contains(">+40 %<") && dom.contains("target 3 bn USD"))

        // Every mark and figure links to an evidence entry with its verbatim quote.
        let linked = Set((allMarks + figures).map { String($0.prefix { $0 != "\"" }) })
        #expect(linked.count == entries)
        for id in linked {
            let entry = Self.element("ev-" + id, "details", in: dom)
            #expect(entry != nil, "no evidence entry for \(id)")
            #expect(entry?.contains(#"<blockquote class="quote""#) == true, "no quote for \(id)")
            #expect(entry?.contains("Reported by ") == true)
        }
        // The visit's quote, verbatim from the first article.
        let visit = try #require(marks("VisitStarted").first.map { String($0.prefix { $0 != "\"" }) })
        #expect(Self.element("ev-" + visit, "details", in: dom)?.contains("Елімізге алғаш рет ресми сапармен келіп отырсыз.") == true)

        // A screenshot (kept when CHANCERY_REPORT_SCREENSHOT names a file).
        let png = dir.appendingPathComponent("report-kz-ir.png")
        let shot = try Browser.run(page, ["--screenshot=\(png.path)", "--window-size=1100,2400"], in: dir)
        #expect(shot.status == 0, "\(shot.stderr.suffix(2000))")
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 20_000)
        #expect(try Browser.pageRequests(shot.netLog).isEmpty)
        if let keep = ProcessInfo.processInfo.environment["CHANCERY_REPORT_SCREENSHOT"], !keep.isEmpty {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: keep))
        }
    }

    /// The checks above would see a request and a console message: a page with both is caught.
    @Test func browserChecksCatchAPageRequestAndAConsoleMessage() throws {
        _ = try #require(Browser.path, "headless Chromium not found on PATH (.ci/run installs Debian's chromium)")
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("control.html")
        try Data(#"<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><script>console.error("boom")</script></body></html>"#.utf8)
            .write(to: page)
        let run = try Browser.run(page, ["--dump-dom"], in: dir)
        #expect(Browser.consoleMessages(run.stderr).contains { $0.contains("boom") })
        #expect(try Browser.pageRequests(run.netLog) == ["http://example.invalid/x.png"])
    }
}
