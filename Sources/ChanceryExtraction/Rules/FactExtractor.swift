import Foundation
import ChanceryDomain

/// Runs the rule sets over an article: splits it into sentences, reads each one's
/// countries, people, dates and amounts, works out the article's context (home side,
/// partner, dateline, publication date) and asks each rule for candidates.
public enum FactExtractor {

    public static func extract(_ article: Article) -> [Candidate] {
        let lex = Lexicons.of(article.language)
        let sentences = SentenceSplitter.split(article.text)
        var facts = [SentenceFacts]()
        facts.reserveCapacity(sentences.count)
        for (i, s) in sentences.enumerated() {
            let cue = CueText(s.text)
            let mentions = Gazetteer.mentions(in: s.text, language: article.language).filter { !isCurrency($0, in: s.text, covered: cue.covered) }
            // The readers' tokens, when a reader needs them (kept for the trade figures).
            let tokens = mayMentionDate(s.text, cue) ? RTokenizer.tokenize(s.text) : nil
            var dates = tokens.map {
                DateReader.dates(in: s.text, tokens: $0, language: article.language, published: article.published)
                    .filter { !cue.has(otherEvents) || !belongsToOtherEvent($0, in: s.text) }
            } ?? []
            if i < 4, dates.count > 1, isDatelineDate(dates[0], in: s.text) { dates.removeFirst() }
            var arrival: FuzzyDate?
            if dates.isEmpty, let p = article.published, cue.has(["накануне", "the day before", "the previous day", "бір күн бұрын", "кеше кешке"]) {
                arrival = p.adding(days: -1)
            }
            var f = SentenceFacts(sentence: s, index: i, cue: cue, mentions: mentions, dates: dates, speaker: nil)
            f.arrivalDate = arrival
            f.tokens = tokens
            f.adverbialYears = adverbialYears(f, article.language)
            f.refreshCountries()
            facts.append(f)
        }
        let context = makeContext(article, facts, lex)
        assignSpeakers(&facts, context)
        assignContextDates(&facts, published: article.published)
        var byParagraph = [Int: Set<CountryCode>]()
        for s in facts { byParagraph[s.sentence.paragraph, default: []].formUnion(s.countries) }
        for i in facts.indices { facts[i].paragraphCountries = byParagraph[facts[i].sentence.paragraph] ?? [] }
        var out = [Candidate]()
        var carried: (paragraph: Int, period: Period?) = (-1, nil)
        for s in facts {
            if s.sentence.paragraph != carried.paragraph { carried = (s.sentence.paragraph, nil) }
            if s.cue.has(lex.hotCues.negation) && !s.cue.has(lex.hotCues.done) { continue }
            var found = [Candidate]()
            // "In 2019 the presidents met": a meeting, visit or signing of an earlier year is
            // recalled, not reported (a trade figure of an earlier year is still one).
            if !recallsEarlierYear(s, article.language, published: article.published) {
                found += VisitRule.candidates(s, context)
                found += TalksRule.candidates(s, context)
                found += AgreementRule.candidates(s, context)
            }
            found += TradeFigureRule.candidates(s, context, article.language, carried: &carried.period)
            out += found
        }
        return out
    }

    /// The words `DateReader` reads as a day relative to the publication date.
    static let relativeDayWords: [String] = DateReader.relativeDays.keys.map(\.s) + DateReader.weekdays.keys.map(\.s)

    /// Whether `DateReader` may find a date in the sentence: every date it reads has a
    /// number (ASCII digits) or is a relative day word. In covered text a word the date
    /// reader lower-cases to such a word is in the prepared cue text as it is; other text
    /// is always read.
    static func mayMentionDate(_ text: String, _ cue: CueText) -> Bool {
        guard cue.covered else { return true }
        if text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return true }
        return relativeDayWords.contains { cue.contains($0) } || cue.has(monthAlone)
    }

    /// A month named alone, as `DateReader` reads it: "in February", "в феврале", "ақпан айында".
    static let monthAlone = CompiledCues(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].map { "in " + $0 }
        + ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре", "ноябре", "декабре"].flatMap { ["в " + $0, "во " + $0] }
        + ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"].map { $0 + " ай" })

    /// "АҚШ доллары", "долларов США", "US dollars", "US$": a currency, not a side.
    /// `covered`: every scalar of `text` is one `CueScalars` covers (see `CueText.covered`).
    static func isCurrency(_ m: Mention, in text: String, covered: Bool = false) -> Bool {
        guard m.kind == .country || m.kind == .adjective else { return false }
        if covered { return CurrencyWords.isCurrency(m.range, in: text) }
        let after = String(text[m.range.upperBound...].prefix(12).drop(while: { $0 == " " || $0 == "\u{00A0}" })).lowercased()
        if after.hasPrefix("доллар") || after.hasPrefix("dollar") || after.hasPrefix("$") { return true }
        var before = String(text[..<m.range.lowerBound].suffix(12)).lowercased()
        while before.last == " " || before.last == "\u{00A0}" { before.removeLast() }
        return before.hasSuffix("долларов") || before.hasSuffix("доллара") || before.hasSuffix("доллар")
    }

    /// The date of a dateline opening the sentence ("АСТАНА, 20 августа 2025 – …",
    /// "Astana, 6 February 2025 – …"): a date among the first three words, followed by a
    /// dash, a full stop or a bracket. It dates the article, not the facts told after it.
    static func isDatelineDate(_ d: DateMention, in text: String) -> Bool {
        let before = text[..<d.range.lowerBound]
        guard before.count <= 30, before.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).count <= 3 else { return false }
        guard let next = text[d.range.upperBound...].first(where: { $0 != " " && $0 != "\u{00A0}" }) else { return false }
        return "–—-.(|/".contains(next)
    }

    /// Whether the sentence dates what it tells only by an earlier year than the article's:
    /// a month of an earlier year ("in November 2023"), or a year alone as a time adverbial
    /// ("in 2019", "в 2019 году", "2019 жылы"; not a span "2024-2026" nor a title's year).
    /// A sentence with a day date is left alone.
    static func recallsEarlierYear(_ s: SentenceFacts, _ language: Language, published: FuzzyDate?) -> Bool {
        guard let pubYear = published?.year else { return false }
        var earlierMonth = false
        for d in s.dates {
            switch d.date {
            case .day, .monthDay: return false
            // A month named alone is left out: its year is a guess.
            case .month(let y, _) where !d.isRelative: if y < pubYear { earlierMonth = true } else { return false }
            default: break
            }
        }
        if earlierMonth { return true }
        return s.adverbialYears.contains { $0 < pubYear }
    }

    /// The years a sentence names alone as a time adverbial: "in 2019", "в 2019 году",
    /// "2019 жылы" (not a span "2024-2026" nor a title's year); none when the sentence has no
    /// figure at all.
    static func adverbialYears(_ s: SentenceFacts, _ language: Language) -> [Int] {
        guard s.tokens != nil else { return [] }
        var text = s.text
        return text.withUTF8 { u in adverbialYears(u, language) }
    }

    /// `adverbialYears` on the sentence's bytes (years from 1990 to 2100).
    static func adverbialYears(_ u: UnsafeBufferPointer<UInt8>, _ language: Language) -> [Int] {
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < u.count && u[i] >= 0x30 && u[i] <= 0x39 }
        func hasAt(_ i: Int, _ w: String) -> Bool {
            let b = Array(w.utf8)
            return i >= 0 && i + b.count <= u.count && u[i..<(i + b.count)].elementsEqual(b)
        }
        func hasBefore(_ i: Int, _ w: String) -> Bool { hasAt(i - w.utf8.count, w) }
        var years = [Int]()
        var i = 0
        while i < u.count {
            guard isDigit(i) else { i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            defer { i = j }
            guard j - i == 4 else { continue }
            let y = u[i..<j].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard y >= 1990, y <= 2100 else { continue }
            // Not a span: no dash right before or after.
            let dashes = [0x2D, 0xE2]  // "-", and the first byte of "–" / "—"
            if i > 0, dashes.contains(Int(u[i - 1])) { continue }
            if j < u.count, dashes.contains(Int(u[j])) { continue }
            switch language {
            case .en:
                if hasBefore(i, " in ") || i == 3 && hasBefore(i, "In ") { years.append(y) }
            case .ru:
                if (hasBefore(i, " в ") || hasBefore(i, "В ") && i == "В ".utf8.count) && (hasAt(j, " году") || hasAt(j, " г.")) { years.append(y) }
            case .kk:
                if hasAt(j, " жылы ") || hasAt(j, " жылы,") { years.append(y) }
            }
        }
        return years
    }

    /// A date that belongs to another event named right after it ("3 қарашада жоспарланған
    /// саммитке", "on 3 November at the summit").
    static func belongsToOtherEvent(_ d: DateMention, in text: String) -> Bool {
        let after = CueText(String(text[d.range.upperBound...].prefix(90)))
        // "в среду … на полях саммита", "on Wednesday on the sidelines of the summit": the
        // summit is where the dated meeting took place.
        if ["на полях", "sidelines", "аясында", "в рамках", "шеңберінде"].contains(where: { after.contains($0) }) { return false }
        return otherEventWords.contains { after.contains($0) }
    }

    /// Events other than the bilateral ones a date may belong to.
    static let otherEventWords = ["саммит", "форум", "мерейто", "summit", "forum", "jubilee", "съезд", "конгресс", "congress",
                                  "олимпиад", "чемпионат", "көрме", "выставк", "expo"]
    /// The same, compiled: a sentence that names none of them needs no look after its dates.
    static let otherEvents = CompiledCues(otherEventWords)

    /// The day the narrative is at: an explicit day named in an earlier sentence carries on
    /// ("On December 18, … talks. Then, … held talks with …").
    static func assignContextDates(_ facts: inout [SentenceFacts], published: FuzzyDate?) {
        var running: FuzzyDate?
        for i in facts.indices {
            // The publication date (the date line, "today") is no narrative date.
            if let d = facts[i].dates.first(where: { !$0.isRelative }), d.date != published {
                switch d.date {
                case .day, .monthDay: running = d.date
                default: break
                }
                continue
            }
            if facts[i].dates.isEmpty { facts[i].contextDate = running }
        }
    }

    static func makeContext(_ article: Article, _ facts: [SentenceFacts], _ lex: Lexicon) -> ArticleContext {
        let home = CountryCode.kazakhstan
        var score = [CountryCode: Int]()
        for s in facts {
            let weight = s.index < 3 ? 3 : 1
            // A country named only as the venue (a city, a dateline) weighs less than an actor.
            for c in s.countries where c != home { score[c, default: 0] += s.actorCountries.contains(c) ? weight : 1 }
        }
        let ranked = score.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        // Dateline: a city at the very start of one of the first paragraphs.
        var place: String?, placeCountry: CountryCode?
        for s in facts.prefix(6) {
            guard let m = s.mentions.first, m.kind == .city || m.kind == .country else { continue }
            let leadRange = s.text.startIndex..<m.range.lowerBound
            let leadIsBlank = s.cue.covered
                ? s.text.unicodeScalars[leadRange].allSatisfy { CueScalars.isTrimmedSpace($0.value) }
                : s.text[leadRange].trimmingCharacters(in: .whitespaces).isEmpty
            guard leadIsBlank else { continue }
            let after = s.text[m.range.upperBound...].prefix(3)
            let word = s.text[m.range]
            let upper = word == word.uppercased() && word.count > 2
            if upper || after.hasPrefix(".") || after.hasPrefix(",") || after.hasPrefix(" –") || after.hasPrefix(" -") || after.hasPrefix(" —") {
                if m.kind == .city { place = m.canonical }
                placeCountry = m.countries.first
                break
            }
        }
        // With no publication date: the latest date the article mentions, else unknown.
        var fallback = FuzzyDate.unknown
        if article.published == nil {
            let all = facts.flatMap { $0.dates.map(\.date) }.filter { $0 != .unknown }
            if let latest = all.max() { fallback = latest }
        }
        var context = ArticleContext(language: article.language, lexicon: lex, published: article.published, home: home,
                                     partner: ranked.first, secondPartner: ranked.dropFirst().first,
                                     datelinePlace: place, datelineCountry: placeCountry, fallbackDate: fallback)
        // ("Ресей Президенті" names no home side: "president" alone is anybody's title.)
        let homeOnlyTitles = lex.homeTitles.filter { !$0.contains("президент") && !$0.contains("president") }
        context.homeNamed = facts.contains { $0.countries.contains(home) || $0.cue.has(homeOnlyTitles) || $0.cue.has(lex.homeReferences) }
        return context
    }

    /// Quoted speech: the paragraph's speaker is whoever the attribution ("— деді Тәжікстан
    /// президенті", "– сказал глава нашего государства", "Tokayev said") names.
    static func assignSpeakers(_ facts: inout [SentenceFacts], _ ctx: ArticleContext) {
        var byParagraph = [Int: [Int]]()
        for (i, s) in facts.enumerated() { byParagraph[s.sentence.paragraph, default: []].append(i) }
        for (_, idx) in byParagraph {
            var speaker: CountryCode?
            for i in idx.reversed() {
                let s = facts[i]
                guard let verb = ctx.lexicon.speechVerbs.first(where: { s.cue.contains($0) }),
                      let verbOffset = s.cue.firstOffset(of: verb) else { continue }
                // The mention nearest the verb: after it in kk/ru, either side in en.
                var best: (Int, CountryCode)?
                for m in s.mentions where !isHomeReference(s, m, ctx) {
                    guard let c = m.countries.first else { continue }
                    let off = s.characterOffset(of: m.range.lowerBound)
                    let dist = off >= verbOffset ? off - verbOffset : (ctx.language == .en ? verbOffset - off : Int.max)
                    if dist != Int.max, best == nil || dist < best!.0 { best = (dist, c) }
                }
                if let b = best { speaker = b.1 }
                else if s.cue.has(ctx.lexicon.homeTitles) { speaker = ctx.home }
                if speaker != nil { break }
            }
            if let speaker { for i in idx { facts[i].speaker = speaker } }
        }
        // "Our country" means the speaker's country (the home side when nobody is quoted).
        for i in facts.indices {
            var changed = false
            for j in facts[i].mentions.indices where isHomeReference(facts[i], facts[i].mentions[j], ctx) {
                facts[i].mentions[j].countries = [facts[i].speaker ?? ctx.home]
                changed = true
            }
            if changed { facts[i].refreshCountries() }
        }
    }

    static func isHomeReference(_ s: SentenceFacts, _ m: Mention, _ ctx: ArticleContext) -> Bool {
        if s.cue.covered {
            // Covered text: lower-cased scalar by scalar, each character one scalar.
            let us = s.text.unicodeScalars[m.range]
            return ctx.lexicon.homeReferences.contains { ref in
                var it = us.makeIterator()
                for r in ref.unicodeScalars {
                    guard let u = it.next(), CueScalars.lowered(covered: u.value) == r.value else { return false }
                }
                return true
            }
        }
        let w = s.text[m.range].lowercased()
        return ctx.lexicon.homeReferences.contains { w.hasPrefix($0) }
    }
}
