import ChanceryDomain
import ChanceryProjections
import Foundation
@testable import ChanceryReport
import Testing

@Suite("Report renderer")
struct ReportRendererTests {
    @Test func reportEscapesArticleTextStrictly() {
        var f = ReportFixture()
        let quote = #"Он сказал: <script>alert("x")</script> & R&amp;D 'ok'"#
        f.append(ReportFixture.visit(leader: #"Ali "the <b>Bold</b>""#), id: "v1", occurred: "2025-12-11", quote: quote, file: "x&y<z>.txt")
        f.append(ReportFixture.agreement("<i>Treaty</i> & co"), id: "a1", occurred: "2025-12-11")
        let html = f.report().html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>Bold"))
        #expect(!html.contains("<i>Treaty"))
        // The quote as text: every & < > escaped, an existing entity escaped again (it must show as typed).
        #expect(html.contains(#"Он сказал: &lt;script&gt;alert("x")&lt;/script&gt; &amp; R&amp;amp;D 'ok'"#))
        #expect(html.contains("x&amp;y&lt;z&gt;.txt"))
        #expect(html.contains("&lt;i&gt;Treaty&lt;/i&gt; &amp; co"))
        // In attributes (titles, aria-labels) quotes are escaped too.
        #expect(html.contains("Ali &quot;the &lt;b&gt;Bold&lt;/b&gt;&quot;"))
        #expect(!html.contains(#"aria-label="Visits: IR → KZ official visit, Ali "the"#))
    }

    @Test func reportDrawsOneLanePerTypeAndAShapePerType() throws {
        let r = ReportFixture.seedsLike.report()
        let chart = TimelineChart(report: r)
        #expect(chart.lanes.count == 4)
        let expected: [(String, EventType, MarkShape, Int)] = [
            ("visit1", .visitStarted, .circle, 0), ("talks1", .talksHeld, .square, 1), ("talks2", .talksHeld, .square, 1),
            ("agr1", .agreementSigned, .diamond, 2), ("turn40", .tradeFigureReported, .triangle, 3),
            ("target3bn", .tradeFigureReported, .triangle, 3),
        ]
        #expect(chart.marks.count == expected.count)
        for (id, type, shape, lane) in expected {
            let m = try #require(chart.marks.first { $0.fact.id == id })
            #expect(m.fact.type == type)
            #expect(m.shape == shape)
            #expect(m.lane == lane)
            #expect(m.y > chart.lanes[lane].top && m.y < chart.lanes[lane].top + chart.lanes[lane].height)
        }
        // Two talks on the same day do not hide each other.
        let talks = chart.marks.filter { $0.fact.type == .talksHeld }
        #expect(Set(talks.map(\.y)).count == 2)
        let html = r.html
        for t in EventType.domainTypes { #expect(html.contains(#"data-lane="\#(t.rawValue)""#)) }
        #expect(html.count(of: #"data-shape="circle""#) == 1)
        #expect(html.count(of: #"data-shape="square""#) == 2)
        #expect(html.count(of: #"data-shape="diamond""#) == 1)
        #expect(html.count(of: #"data-shape="triangle""#) == 2)
        // Every mark has a title.
        for m in chart.marks { #expect(html.contains("<title>\(Escape.text(TimelineChart.describe(m.fact)))</title>")) }
    }

    @Test func reportDrawsPlannedFactsHollow() throws {
        var f = ReportFixture()
        f.append(ReportFixture.visit(.planned), id: "planned", occurred: "2026-03-01")
        f.append(ReportFixture.visit(.happened), id: "done", occurred: "2025-12-11")
        f.append(ReportFixture.agreement("Roadmap", .planned), id: "plannedDoc", occurred: "2026-03-01")
        let chart = TimelineChart(report: f.report())
        for m in chart.marks {
            let node = chart.markNode(m).render()
            let hollow = node.contains("hollow")
            #expect(hollow == (m.fact.id != "done"), "\(m.fact.id): \(node)")
            #expect(node.contains(#"data-status="\#(m.fact.id == "done" ? "happened" : "planned")""#))
        }
    }

    @Test func reportStrikesRetractedFactsThroughAndGivesTheReason() throws {
        var f = ReportFixture()
        f.append(ReportFixture.talks(), id: "wrong", occurred: "2025-12-11")
        f.append(ReportFixture.talks(.expanded), id: "right", occurred: "2025-12-11")
        f.retract("wrong", id: "r1", reason: "misread <the> date")
        let r = f.report()
        let chart = TimelineChart(report: r)
        let wrong = try #require(chart.marks.first { $0.fact.id == "wrong" })
        let right = try #require(chart.marks.first { $0.fact.id == "right" })
        #expect(wrong.retracted && !right.retracted)
        let w = chart.markNode(wrong).render(), k = chart.markNode(right).render()
        #expect(w.contains(#"class="strike""#) && w.contains(#"data-retracted="true""#))
        #expect(!k.contains(#"class="strike""#))
        let html = r.html
        #expect(html.contains("misread &lt;the&gt; date"))
        #expect(html.contains(#"<tr data-fact="wrong" class="retracted">"#))
        #expect(html.contains(#"class="evidence retracted""#))
    }

    @Test func reportShowsYearUnknownAndUndatedFactsApart() throws {
        var f = ReportFixture()
        f.append(ReportFixture.visit(), id: "dated", occurred: "2024-05-10")
        f.append(ReportFixture.talks(), id: "dated2", occurred: "2024-06-20")
        f.append(ReportFixture.talks(), id: "noyear", occurred: "--08-22")
        f.append(ReportFixture.agreement(), id: "nodate", occurred: "unknown")
        let chart = TimelineChart(report: f.report())
        let scale = try #require(chart.scale)
        let apartX = try #require(chart.apartX)
        for m in chart.marks {
            switch m.fact.id {
            case "noyear": #expect(m.placement == .yearUnknown)
            case "nodate": #expect(m.placement == .undated)
            default: #expect(m.placement == .axis)
            }
            if m.placement == .axis { #expect(m.x >= scale.x0 && m.x <= scale.x1 && m.x < apartX) } else { #expect(m.x > apartX) }
        }
        // Not guessed: the axis only covers the dated facts.
        #expect(Days.civil(scale.first).year == 2024 && Days.civil(scale.last).year == 2024)
        #expect(chart.columns.map(\.label) == ["--08-22", "unknown"])
        let html = f.report().html
        #expect(html.contains(#"data-placement="year-unknown""#) && html.contains(#"data-placement="undated""#))
        #expect(html.contains("Year unknown: shown apart, not placed"))
    }

    @Test func reportTimelineWithOnlyYearUnknownFactsHasNoAxis() {
        var f = ReportFixture()
        f.append(ReportFixture.visit(), id: "noyear", occurred: "--08-22")
        let chart = TimelineChart(report: f.report())
        #expect(chart.scale == nil)
        #expect(chart.marks.map(\.placement) == [.yearUnknown])
        #expect(f.report().html.contains("No fact with a known year: shown apart, not placed"))
    }

    @Test(arguments: [
        ("2025-12-11", "2025-12-11", 15, 15),
        ("2024-03-01", "2025-06-10", 466, 530),
        ("2001", "2025-06-10", 8927, 9900),
    ])
    func reportTimelineRangeFitsTheData(from: String, to: String, minDays: Int, maxDays: Int) throws {
        var f = ReportFixture()
        f.append(ReportFixture.visit(), id: "a", occurred: from)
        f.append(ReportFixture.talks(), id: "b", occurred: to)
        let s = try #require(TimelineChart(report: f.report()).scale)
        let first = Days.range(FuzzyDate(from)!)!.lowerBound, last = Days.range(FuzzyDate(to)!)!.upperBound
        #expect(s.first <= first && s.last >= last)
        #expect((minDays...maxDays).contains(s.last - s.first + 1))
        #expect(!s.ticks.isEmpty && s.ticks.count <= 16)
        #expect(s.ticks.allSatisfy { $0.x >= s.x0 && $0.x <= s.x1 })
    }

    @Test func reportSizesMarksByNumberOfSources() throws {
        var f = ReportFixture()
        let one = f.append(ReportFixture.talks(), id: "one", occurred: "2025-12-11", file: "a.txt")
        let three = f.append(ReportFixture.visit(), id: "three", occurred: "2025-12-11", file: "a.txt")
        f.corroborate(three, id: "c1", file: "b.txt")
        f.corroborate(three, id: "c2", file: "c.txt")
        let chart = TimelineChart(report: f.report())
        let r1 = try #require(chart.marks.first { $0.fact.id == one }).r
        let r3 = try #require(chart.marks.first { $0.fact.id == three }).r
        #expect(r3 > r1)
        #expect(f.report().html.contains(#"data-sources="3""#))
    }

    @Test func reportTradeChartPutsGrowthAndLevelsApartWithDashedTargets() throws {
        var f = ReportFixture.seedsLike
        f.append(ReportFixture.trade(.investment, 17.8e6, "USD", period: ("2025-01", "2025-12"), direction: TradeDirection(from: "IR", to: "KZ")),
                 id: "fdi", occurred: "2025-12-11")
        f.append(ReportFixture.trade(.exports, 5, "percent", change: .decrease, period: ("2024", "2024")), id: "exports", occurred: "2025-03-01")
        let chart = TradeChart(report: f.report())
        let growth = try #require(chart.panels.first { $0.growth })
        #expect(Set(growth.figures.map(\.fact.id)) == ["turn40", "exports"])
        #expect(growth.yMin < 0 && growth.yMax >= 40)
        let target = try #require(chart.panels.first { $0.figures.contains { $0.kind == .target } })
        #expect(!target.growth && target.unit == "USD" && target.yMax >= 3e9)
        let fdi = try #require(chart.panels.first { $0.figures.contains { $0.fact.id == "fdi" } })
        #expect(fdi.figures.count == 1 && fdi.title.contains("Investment IR → KZ"))
        let html = f.report().html
        #expect(html.contains(#"data-kind="target""#) && html.contains(#"class="target s"#))
        #expect(html.contains(#"data-panel="growth" data-unit="percent""#))
        #expect(html.contains(#"data-value="-5""#))
        #expect(html.contains(">3 bn<") && html.contains(">+40 %<"))
        #expect(html.contains("target 3 bn USD"))
    }

    @Test func reportLinksEveryMarkAndRowToAnEvidenceEntryWithItsQuote() throws {
        let f = ReportFixture.seedsLike
        let html = f.report().html
        let hrefs = Set(html.components(separatedBy: ##"href="#ev-"##).dropFirst().map { String($0.prefix { $0 != "\"" }) })
        let ids = Set(html.components(separatedBy: #"id="ev-"#).dropFirst().map { String($0.prefix { $0 != "\"" }) })
        #expect(!hrefs.isEmpty && hrefs.isSubset(of: ids))
        #expect(ids == ["visit1", "talks1", "talks2", "agr1", "turn40", "target3bn"])
        #expect(html.count(of: "<details open") == 6)
        #expect(html.contains(#"<blockquote class="quote" lang="kk">Пезешкиан Астанаға келді.</blockquote>"#))
        #expect(html.contains("Corroborated by "))
        #expect(html.contains("<code>test.rule</code>"))
        #expect(html.contains("published 2025-12-11"))
    }

    @Test func reportPageIsSelfContained() {
        let html = ReportFixture.seedsLike.report().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for banned in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(", "src="] {
            #expect(!html.contains(banned), "\(banned)")
        }
        // The only absolute URL is the SVG namespace, which is a name, not a resource.
        let urls = html.components(separatedBy: "://").dropFirst().map { String($0.prefix(26)) }
        #expect(urls.allSatisfy { $0 == "www.w3.org/2000/svg\" viewB" }, "\(urls)")
        #expect(html.contains(#"http-equiv="Content-Security-Policy" content="default-src 'none';"#))
        #expect(html.contains("@media print"))
        #expect(html.contains("<style>"))
    }

    @Test func reportColoursHaveSufficientContrast() {
        // Every colour the style sheet names for ink, marks and series: at least 4.5:1 on white.
        let css = PageStyle.css
        let hexes = Set(css.components(separatedBy: "#").dropFirst().map { String($0.prefix(6)) }
            .filter { $0.count == 6 && $0.allSatisfy(\.isHexDigit) })
        let light: Set<String> = ["f3f4f6", "c8c8c8", "d9d9d9"]  // backgrounds and rules
        func luminance(_ h: String) -> Double {
            let v = Int(h, radix: 16)!
            return [(v >> 16) & 255, (v >> 8) & 255, v & 255].enumerated().map { n, c in
                let s = Double(c) / 255
                let lin = s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
                return lin * [0.2126, 0.7152, 0.0722][n]
            }.reduce(0, +)
        }
        #expect(hexes.count >= 10)
        for h in hexes.subtracting(light) {
            #expect(1.05 / (luminance(h) + 0.05) >= 4.5, "#\(h)")
        }
    }

    @Test func reportHeaderShowsNamesLogPositionAndSlice() {
        let r = ReportFixture.seedsLike.report(TimeSlice(asOf: FuzzyDate("2025-12"), atSeq: 5))
        let html = r.html
        #expect(html.contains("<h1>Iran – Kazakhstan</h1>"))
        #expect(html.contains("verified head at seq 7"))
        #expect(html.contains("feedface"))
        #expect(html.contains("Facts that occurred by 2025-12 (year-unknown dates left out), as the log stood at seq 5."))
    }

    @Test func reportIndexRanksPairsByActivity() {
        var busy = ReportFixture.seedsLike
        busy.append(ReportFixture.visit(), id: "extra", occurred: "2025-01-01")
        let quiet = ReportFixture()
        let a = busy.report(), b = quiet.report()
        let pairB = StreamID("KZ-UZ")!
        let index = ReportIndex(entries: [
            .init(pair: pairB, names: [:], state: b.state, history: b.history, file: "report-KZ-UZ.html"),
            .init(pair: a.pair, names: a.names, state: a.state, history: a.history, file: "report-IR-KZ.html"),
        ], context: a.context)
        #expect(index.ranked.map(\.pair.description) == ["IR-KZ", "KZ-UZ"])
        let html = index.html
        #expect(html.contains(#"<a href="report-IR-KZ.html">"#))
        #expect(html.range(of: "report-IR-KZ.html")!.lowerBound < html.range(of: "report-KZ-UZ.html")!.lowerBound)
        #expect(!html.contains("<script"))
    }
}
