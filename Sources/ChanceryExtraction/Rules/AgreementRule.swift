import ChanceryDomain

/// `AgreementSigned`: a document signed, adopted or exchanged between the two sides.
/// Named documents are one fact each; "N documents" is one fact with a count.
enum AgreementRule {
    static func candidates(_ s: SentenceFacts, _ ctx: ArticleContext) -> [Candidate] {
        let lex = ctx.lexicon, cue = s.cue
        guard cue.has(lex.hotCues.signCues) else { return [] }
        // "более 20 документов" is a total over years unless the sentence ties it to the event
        // ("по итогам переговоров") and spans no years.
        if cue.has(lex.cumulative) && !(cue.has(lex.eventAnchors) && !cue.has(lex.cumulativeSpans)) { return [] }
        if cue.has(lex.pressStatements) { return [] }
        if cue.has(lex.blocs) && s.countries.count < 2 { return [] }
        if cue.has(lex.pastRecall) && s.dates.isEmpty { return [] }
        // Deals of companies at a business forum are not the states' documents.
        if cue.has(["бизнес форум", "business forum", "іскерлік форум"]) { return [] }
        // Commercial agreements are the companies' deals, unless the states' own documents
        // are signed beside them ("intergovernmental and commercial agreements").
        if cue.has(["коммерческ", "commercial", "коммерциялық"]) && !cue.has(["межправительствен", "межгосударствен", "intergovernmental", "interstate", "үкіметаралық", "мемлекетаралық"]) { return [] }
        var kinds = [AgreementKind]()
        for (kind, stems) in lex.documentKinds where cue.has(stems) { kinds.append(kind) }
        guard !kinds.isEmpty else { return [] }
        guard let (a, b) = ctx.pair(s) else { return [] }
        let status = StatusReader.signing(cue, lex, near: lex.signCues)
        let (date, until, stated) = ctx.dateAndStatement(of: s, near: lex.signCues, planned: status == .planned)
        let docStems = lex.documentKinds.first { $0.0 == .documents }?.1 ?? []
        let allStems = lex.documentKinds.flatMap(\.1)
        let count = cue.count(before: allStems)
        var out = [Candidate]()
        func add(_ kind: AgreementKind, _ title: String, _ count: Int?) {
            let data = AgreementSigned(parties: [a, b], title: title, kind: kind, count: count, status: status)
            var c = Candidate(data: .agreementSigned(data), occurred: date, occurredUntil: until, quote: s.text,
                              span: s.sentence.range, rule: "agreement.\(kind.rawValue).\(ctx.language.rawValue)")
            c.dateIsStated = stated
            out.append(c)
        }
        let named = kinds.filter { $0 != .documents }
        // Each kind's title, read once (it is asked for twice when one kind is named).
        var titles: [AgreementKind: String] = [:]
        func title(_ k: AgreementKind) -> String {
            if let t = titles[k] { return t }
            let stems = lex.documentKinds.first { $0.0 == k }?.1 ?? []
            let t = TitleReader.title(in: s.text, stems: stems, language: ctx.language, covered: s.cue.covered)
            titles[k] = t
            return t
        }
        if let count, count > 1 && (cue.has(docStems) || named.isEmpty) {
            add(.documents, "", count)
            // "a Treaty on … and 8 other documents": the documents named by title as well.
            if cue.has(docStems) { for k in named where !title(k).isEmpty { add(k, title(k), nil) } }
        } else if named.isEmpty {
            // "Документ подписан…", "The document was signed by…": the document just named.
            if count == nil && !cue.has(pluralDocuments(ctx.language)) && isAnaphoric(cue, ctx.language) { return [] }
            add(.documents, "", count)
        } else if named.count == 1, title(named[0]).isEmpty, isPlural(named[0]) {
            // "ряд соглашений", "several agreements", "келісімдер": unnamed documents.
            add(.documents, "", count)
        } else {
            for k in named { add(k, title(k), nil) }
            // "…Договор о …, а также пакет межправительственных документов": the documents
            // named after the named ones are another fact.
            if let first = named.compactMap({ k in (lex.documentKinds.first { $0.0 == k }?.1 ?? []).compactMap { cue.firstOffset(of: $0) }.min() }).min(),
               let docs = pluralDocuments(ctx.language).compactMap({ cue.offsets(of: $0).last }).max(), docs > first {
                add(.documents, "", nil)
            }
        }
        return out


        func isPlural(_ k: AgreementKind) -> Bool {
            let plural: [String]
            switch ctx.language {
            case .ru: plural = ["соглашений", "соглашения подписаны", "договоров", "меморандумов", "соглашениям", "соглашениями"]
            case .kk: plural = ["келісімдер", "шарттар", "меморандумдар"]
            case .en: plural = ["agreements", "memoranda", "memorandums", "treaties"]
            }
            return cue.has(plural)
        }
    }
}

extension AgreementRule {
    /// A sentence that opens with "the document" or names it with a demonstrative: it
    /// speaks of a document already told of.
    static func isAnaphoric(_ cue: CueText, _ language: Language) -> Bool {
        guard cue.wordCount > 0 else { return false }
        let w0 = cue.word(0)
        switch language {
        case .ru: return w0.hasPrefix("документ") || cue.has(["данный документ", "этот документ", "данного документа", "этого документа", "указанный документ"])
        case .kk: return w0.hasPrefix("құжат") || cue.has(["бұл құжат", "аталған құжат", "аталмыш құжат", "осы құжат"])
        case .en: return w0 == "document" || cue.has(["the document", "this document"])
        }
    }

    /// Plural forms of "document" (a list of unnamed documents).
    static func pluralDocuments(_ language: Language) -> [String] {
        switch language {
        case .ru: return ["документов", "документы"]
        case .kk: return ["құжаттар"]
        case .en: return ["documents"]
        }
    }
}

/// Reads a document's title as written: the capitalised phrase that names it.
enum TitleReader {
    /// The first of `stems` (in list order) that occurs in the lower-cased covered `text`,
    /// and the scalar offset of its first occurrence (`stem` nil: none occurs). `nil` when
    /// a stem has a scalar `CueScalars` does not cover (then the caller searches by
    /// characters). In covered text each character is one scalar, so scalar offsets are
    /// character offsets.
    static func firstStem(_ stems: [String], inCovered text: String) -> (stem: String?, offset: Int)? {
        let lower = text.unicodeScalars.map { CueScalars.lowered(covered: $0.value) }
        for stem in stems {
            let s = stem.unicodeScalars.map(\.value)
            guard s.allSatisfy({ CueScalars.entry(covered: $0) != 0 }) else { return nil }
            guard !s.isEmpty else { return nil }
            if s.count <= lower.count {
                for i in 0...(lower.count - s.count) where lower[i] == s[0] && lower[i..<(i + s.count)].elementsEqual(s) {
                    return (stem, i)
                }
            }
        }
        return (nil, 0)
    }

    /// `covered`: every scalar of `text` is one `CueScalars` covers (see `CueText.covered`).
    static func title(in text: String, stems: [String], language: Language, covered: Bool = false) -> String {
        let stem: String, start: String.Index
        if covered, let found = firstStem(stems, inCovered: text) {
            guard let f = found.stem else { return "" }
            stem = f
            start = text.unicodeScalars.index(text.startIndex, offsetBy: found.offset)
        } else {
            let lower = text.lowercased()
            guard let st = stems.first(where: { lower.contains($0) }), let r = lower.range(of: st) else { return "" }
            stem = st
            start = text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
        }
        switch language {
        case .kk:
            // "Одақтастық қатынастар туралы шартқа" → back to the capitalised word, stem without case.
            var wordEnd = text.index(start, offsetBy: stem.count, limitedBy: text.endIndex) ?? text.endIndex
            while wordEnd < text.endIndex, text[wordEnd].isLetter { wordEnd = text.index(after: wordEnd) }
            let words = text[text.startIndex..<start].split(separator: " ")
            var taken = [Substring]()
            for w in words.reversed() {
                taken.insert(w, at: 0)
                if let f = w.first, f.isUppercase { break }
                if taken.count > 8 { return "" }
            }
            guard let first = taken.first?.first, first.isUppercase || start == text.startIndex else {
                let own = text[start..<wordEnd]
                return own.first?.isUppercase == true ? String(text[start..<text.index(start, offsetBy: stem.count)]) : ""
            }
            // "Қазақстан мен Әзербайжан … жол картасына": the capital is a party named
            // before a description, not the start of a title.
            if words.count > taken.count, ["мен", "пен", "бен", "және"].contains(words[words.count - taken.count - 1].lowercased()) {
                return ""
            }
            return (taken.joined(separator: " ") + " " + String(text[start..<text.index(start, offsetBy: stem.count)]))
                .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "«»\"“”,"))
        case .ru, .en:
            // "Соглашение о ...", "Agreement on ..." up to a comma, a quote end or the sentence end.
            guard text[start].isUppercase else { return "" }
            var end = start
            while end < text.endIndex, !",;:.»”\"(".contains(text[end]) { end = text.index(after: end) }
            var t = String(text[start..<end])
            // "… и еще 15 документов", "… and 8 other documents": the list goes on, the title ends.
            for stop in [" и еще ", " и ещё ", " а также ", " and other ", " as well as "] {
                if let r = t.range(of: stop) { t = String(t[..<r.lowerBound]) }
            }
            if let r = t.range(of: #" (и|and) \d"#, options: .regularExpression) { t = String(t[..<r.lowerBound]) }
            t = t.trimmingCharacters(in: .whitespaces)
            return t.count > 120 ? "" : t
        }
    }
}

import Foundation
