import ChanceryDomain

/// Reads the publication date from an article's date line.
///
/// Looks at the first five non-empty lines that start within the first 600 bytes, and
/// takes a date only where a date line puts it:
/// - at the start of the line, after an optional time (`12:05, 11 Желтоқсан 2025 | GMT +5`,
///   `11 декабря 2025, 14:30`, `27.02.2026 12:36`, `2025-12-11`, `December 11, 2025`);
///   a date without a year there (`22 Тамыз, 16:51`) only when the line holds nothing else
///   or punctuation follows it, so that `5 февраля Токаев провёл...` is not a date line;
/// - after a label (`date 2025-12-11 Title`, `Published: 11.12.2025`, `Жарияланды: ...`);
/// - after a capitalised dateline of one to three words and a comma, dot or bar
///   (`АСТАНА, 15 қараша – Sputnik`, `Astana, April 24 (EFE)`, `Среда, 11 декабря 2025`).
///
/// The first date line wins, except that a day and month without a year is completed by a
/// later date line of the same day that has one. Never consults the clock; nil when no
/// line is a date line.
public enum PublicationDateReader {
    /// How far into the article the date line may start, in bytes.
    static let window = 600
    /// Labels that introduce something other than the publication date.
    static let otherLabels: Set<RKey> = RKey.set(["updated", "обновлено", "изменено", "жаңартылды", "modified", "edited"])

    /// The publication date, or nil when the article has no date line.
    public static func read(_ text: String, language: Language) -> FuzzyDate? {
        var s = text
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { b -> FuzzyDate? in
            var found: FuzzyDate?
            var lines = 0
            var i = 0
            let n = b.count
            while i < n && lines < 5 && i < window {
                var e = i
                while e < n && b[e] != 0x0A { e += 1 }
                let toks = RTokenizer.tokenize(b, from: i, to: e)
                if !toks.isEmpty {
                    lines += 1
                    if let d = dateLine(toks, language) {
                        if let f = found {
                            if case .monthDay(let m, let dd) = f, case .day(_, let m2, let d2) = d, m == m2, dd == d2 { return d }
                        } else {
                            if case .monthDay = d { found = d } else { return d }
                        }
                    }
                }
                i = e + 1
            }
            return found
        } ?? nil
    }

    /// The date of one line when the line is a date line.
    static func dateLine(_ t: [RToken], _ lang: Language) -> FuzzyDate? {
        let g = RDateGrammar(t, lang)
        var i = 0
        // A time first: "12:05, 11 Желтоқсан 2025".
        if let j = time(t, 0) {
            i = j
            if g.mark(i, ",") || g.mark(i, "|") || g.dash(i) { i += 1 }
        }
        if let d = dateAt(g, i, requireClosed: true) { return d }
        // A label: "date 2025-12-11", "Published: 11.12.2025", "Дата публикации: ...".
        var k = 0, words = 0
        while k < t.count, words <= 3 {
            if t[k].kind == .word { words += 1; k += 1; continue }
            // "NUR-SULTAN", "Нур-Султан": a hyphen inside a name.
            if k > 0, t[k].isDash, t[k].gap == .none, k + 1 < t.count, t[k + 1].kind == .word, t[k + 1].gap == .none { k += 1; continue }
            break
        }
        if k > 0 && words <= 3 {
            let firstWord = t[0].key
            if otherLabels.contains(firstWord) { return nil }
            if words == 1 && firstWord == "date", let d = dateAt(g, 1, requireClosed: false) { return d }
            if g.mark(k, ":"), let d = dateAt(g, k + 1, requireClosed: false) { return d }
            // A dateline: capitalised words, then a comma, dot or bar.
            if t[0..<k].allSatisfy({ $0.kind != .word || $0.capitalized }), k < t.count,
               g.mark(k, ",") || g.mark(k, ".") || g.mark(k, "|") {
                if let d = dateAt(g, k + 1, requireClosed: false) { return d }
            }
        }
        return nil
    }

    /// A time `HH:MM` at `i`; returns the index after it.
    static func time(_ t: [RToken], _ i: Int) -> Int? {
        guard i + 2 < t.count, t[i].kind == .number, t[i].digits <= 2, t[i].value < 24,
              t[i + 1].isMark(":"), t[i + 1].gap == .none, t[i + 2].kind == .number, t[i + 2].digits == 2, t[i + 2].gap == .none else { return nil }
        return i + 3
    }

    /// The date at `i`. With `requireClosed`, a date without a year must end the line or be
    /// followed by punctuation.
    static func dateAt(_ g: RDateGrammar, _ i: Int, requireClosed: Bool) -> FuzzyDate? {
        guard i < g.t.count, let m = g.date(i), let d = m.day else { return nil }
        if let y = m.year { return FuzzyDate.valid(year: y, month: m.month, day: d) ? .day(year: y, month: m.month, day: d) : nil }
        if requireClosed && m.end < g.t.count && g.t[m.end].kind != .mark { return nil }
        return FuzzyDate.valid(year: 2000, month: m.month, day: d) ? .monthDay(month: m.month, day: d) : nil
    }
}
