import ChanceryDomain

/// The words one language uses for each cue the rules look for. Stems match the start of a
/// word (`келіссөз` matches `келіссөздер`); entries with a space match as a phrase at a word
/// start. All lower case.
struct Lexicon: Sendable {
    // Visits
    var visitNouns: [String]
    var arrivalVerbs: [String]
    var receiveVerbs: [String]
    var welcomePhrases: [String]
    var stateLevel: [String]
    var officialLevel: [String]
    var workingLevel: [String]
    var firstEver: [String]
    /// A visit that is mentioned, not reported (an invitation, a past visit recalled).
    var visitNonEvents: [String]
    /// An invitation to visit: a planned visit by the invited side.
    var invitations: [String]
    // Talks
    var talksCues: [String]
    var narrow: [String]
    var expanded: [String]
    var phone: [String]
    var video: [String]
    var talksNonEvents: [String]
    // Agreements
    var signCues: [String]
    var documentKinds: [(AgreementKind, [String])]
    var cumulative: [String]
    var pressStatements: [String]
    // Trade
    var metrics: [(TradeMetric, [String])]
    var targetCues: [String]
    var worldTrade: [String]
    // Status and time
    var planned: [String]
    /// Unambiguous future forms ("будут подписаны", "will be signed"): planned whatever else.
    var strongPlanned: [String]
    /// Forms that report a thing as done ("подписали", "келді", "held").
    var done: [String]
    var plannedAfterDone: [String]
    var negation: [String]
    var pastRecall: [String]
    // Sides
    var homeReferences: [String]
    var homeTitles: [String]
    var bothSides: [String]
    var speechVerbs: [String]
    var blocs: [String]
    var subnational: [String]
    /// Whether the main verb comes last (Kazakh): its tense then tells the status.
    var verbFinal: Bool = false
    /// Present-future forms of the verbs events are told with (Kazakh).
    var futureVerbs: [String] = []
    /// "Took part" (in a bloc's meeting): no reception, though the verb is "принял".
    var participation: [String] = []
    /// Words that tie a count of documents to the event told ("по итогам переговоров",
    /// "during the visit"): "more than 20 documents" is then no cumulative total…
    var eventAnchors: [String] = []
    /// …unless the sentence spans years ("за годы независимости", "over the years").
    var cumulativeSpans: [String] = []
    /// "Upcoming" before a visit noun, with a level between ("предстоящему государственному
    /// визиту", "the upcoming official visit"): a planned visit.
    var upcoming: [String] = []
    /// The lists every sentence meets, compiled (see `withHotCues`).
    var hot: HotCues? = nil
}

enum Lexicons {
    static func of(_ language: Language) -> Lexicon {
        switch language {
        case .kk: return compiledKazakh
        case .ru: return compiledRussian
        case .en: return compiledEnglish
        }
    }

    static let compiledKazakh = kazakh.withHotCues()
    static let compiledRussian = russian.withHotCues()
    static let compiledEnglish = english.withHotCues()

    static let numberWords: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
        "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
        "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    ]
}
