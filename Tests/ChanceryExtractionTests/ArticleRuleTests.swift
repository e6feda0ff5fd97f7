import ChanceryDomain
import Testing
@testable import ChanceryExtraction

/// Whole short articles (written for these tests) through the extractor and `decide`-like
/// merging done by the rules themselves: the facts each one must yield.
@Suite struct ArticleRuleTests {
    static func summary(_ c: [Candidate]) -> Set<String> {
        Set(c.map { cand -> String in
            switch cand.data {
            case .visitStarted(let v): return "visit \(v.visitor)>\(v.host) \(v.level.rawValue) \(v.status.rawValue)"
            case .talksHeld(let t): return "talks \(t.parties.map(\.rawValue).joined(separator: "-")) \(t.format.rawValue) \(t.status.rawValue)"
            case .agreementSigned(let a): return "agreement \(a.parties.map(\.rawValue).joined(separator: "-")) \(a.kind.rawValue) \(a.status.rawValue)"
            case .tradeFigureReported(let t): return "trade \(t.metric.rawValue) \(Int64(t.value)) \(t.unit)"
            default: return "other"
            }
        })
    }

    @Test func plannedStateVisitWithBothRoundsAndDocuments() {
        let text = """
        Mirziyoyev to pay state visit to Kazakhstan

        ASTANA – Uzbek President Shavkat Mirziyoyev will pay a state visit to Kazakhstan on December 5-6, the Akorda press service said on Tuesday. During the visit, the presidents will hold talks in narrow and expanded formats and sign a package of documents.
        """
        let s = Self.summary(Run.facts(text, .en, published: nil))
        #expect(s.isSuperset(of: ["visit UZ>KZ state planned", "talks KZ-UZ narrow planned", "talks KZ-UZ expanded planned", "agreement KZ-UZ documents planned"]), "\(s)")
    }

    @Test func phoneCallAndInvitationInKazakh() {
        let text = """
        Тоқаев Макронмен телефон арқылы сөйлесті

        Мемлекет басшысы Қасым-Жомарт Тоқаев Франция Президенті Эммануэль Макронмен телефон арқылы сөйлесті. Макрон Қазақстан Президентін Парижге ресми сапармен келуге шақырды.
        """
        let s = Self.summary(Run.facts(text, .kk))
        #expect(s == ["talks FR-KZ phone happened", "visit KZ>FR official planned"], "\(s)")
    }

    @Test func visitAbroadWithNamedDeclarationAndCountedDocuments() {
        let text = """
        ANKARA – President of Kazakhstan Kassym-Jomart Tokayev, who is in Türkiye on an official visit, held talks with President Recep Tayyip Erdogan, Akorda reported on May 12, 2022.

        Following the talks, the presidents signed a Joint Declaration on Expanded Strategic Partnership. In addition, 15 documents were signed in the presence of the two leaders.

        The leaders set the goal of increasing bilateral trade to $10 billion.
        """
        let s = Self.summary(Run.facts(text, .en, published: "2022-05-12"))
        #expect(s.isSuperset(of: ["visit KZ>TR official happened", "talks KZ-TR unspecified happened", "agreement KZ-TR joint_statement signed",
                                  "agreement KZ-TR documents signed", "trade trade_target 10000000000 USD"]), "\(s)")
    }

    @Test func pastVisitRecalledIsNotAnEventButTodaysMeetingIs() {
        let text = """
        BUDAPEST, October 14, 2024 – Kazakh Foreign Minister Murat Nurtleu met with his Hungarian counterpart Péter Szijjártó in Budapest on Monday.

        The ministers discussed the implementation of agreements reached during President Tokayev's state visit to Hungary last year.
        """
        let s = Self.summary(Run.facts(text, .en, published: "2024-10-14"))
        #expect(!s.contains { $0.hasPrefix("visit") }, "\(s)")
        #expect(s.contains("talks HU-KZ unspecified happened"), "\(s)")
    }

    @Test func nonDiplomaticArticleYieldsNothing() {
        let text = """
        Алматыда жаңа саябақ ашылды

        Алматы қаласында жаңа саябақ ашылды. Саябақтың ауданы 12 гектар. Қала әкімі саябақты ашу салтанатына қатысты.
        """
        #expect(Run.facts(text, .kk).isEmpty)
    }

    @Test func quotedSpeechOurCountryIsTheSpeakers() {
        // The host speaks: "welcome to our country" names the host, not Kazakhstan.
        let text = """
        Президенттер шағын құрамда келіссөз жүргізді

        Құрметті Қасым-Жомарт Кемелұлы, Әзербайжанға қош келдіңіз! Елімізге ресми сапармен келгеніңізге қуаныштымын, – деді Әзербайжан Президенті.
        """
        let v = Run.visits(Run.facts(text, .kk))
        #expect(!v.isEmpty && v.allSatisfy { $0.visitor == "KZ" && $0.host == "AZ" }, "\(v)")
    }
}
