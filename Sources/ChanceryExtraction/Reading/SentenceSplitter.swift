/// A sentence of an article, exactly as written.
public struct Sentence: Sendable, Hashable {
    /// The sentence: the bytes of the article at `range`, unaltered (line breaks inside it
    /// included), without surrounding white space or a leading dialogue dash.
    public let text: String
    /// `[start, end)` UTF-8 byte offsets in the article text.
    public let range: Range<Int>
    /// The paragraph index, from 0.
    public let paragraph: Int

    /// A sentence with its text, byte range and paragraph index.
    public init(text: String, range: Range<Int>, paragraph: Int) {
        self.text = text; self.range = range; self.paragraph = paragraph
    }
}

/// Splits article text into sentences with their byte ranges.
///
/// - A sentence ends at `.`, `!`, `?`, `…` (with any closing quotes and brackets after them)
///   followed by white space and something that can start a sentence: not a lower-case
///   letter, not `,` `;` `:` `)`, not a dash followed by a lower-case word (`«...!» – деді ол`,
///   `"Ready?" he asked`).
/// - A dot does not end a sentence after an initial (`Қ.-Ж. Тоқаев`, `J. Smith`), after
///   dotted abbreviations such as `U.S.` and `e.g.`, or after titles (`Mr.`, `Dr.`, `No.`,
///   `им.`, `г. Алматы`). After unit-like abbreviations (`млн.`, `млрд.`, `тыс.`, `т.б.`,
///   `т.с.с.`, `2025 г.`, `гг.`) it ends one only when a capital letter or a quote follows.
///   Decimal numbers (`17.8`) and dots inside words never split.
/// - A line break ends a sentence unless the next line starts with a lower-case letter (or
///   a dash and a lower-case word), or the line ends in `,` `;` `(` or a hyphen without
///   terminal punctuation: a headline without a final period is its own sentence.
/// - A dialogue dash at the start of a line (`— Текст`) is not part of the sentence.
/// - An upper-case dateline at the start of a line stays with the sentence it opens
///   (`АСТАНА. KAZINFORM — Тараптар...`).
/// - Paragraphs: the index increments at a blank line and at every line break that ends a
///   sentence (news text often puts each paragraph on one line with no blank line between),
///   but not at a line break inside a sentence.
public enum SentenceSplitter {
    /// Title-like abbreviations after which a dot never ends a sentence.
    static let neverEnd: Set<RKey> = RKey.set([
        "mr", "mrs", "ms", "messrs", "dr", "prof", "st", "no", "nos", "vs", "gen", "col", "lt", "sen", "rep",
        "gov", "sgt", "capt", "adm", "hon", "rev", "fr", "mt", "им", "ул", "пр", "просп", "пл", "акад", "проф",
        "ген", "зам", "ст", "св", "тов", "гр", "кв", "пос", "с", "д",
    ])
    /// Abbreviations after which a dot ends a sentence only before a capital letter or a quote.
    static let mayEnd: Set<RKey> = RKey.set([
        "млн", "млрд", "трлн", "тыс", "руб", "долл", "г", "гг", "ж", "жж", "т", "др", "etc", "inc", "ltd",
        "co", "corp", "jr", "sr", "bn", "mn", "тг", "обл", "р", "коп", "ч", "мин", "сағ", "ғ", "б", "см", "стр",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "янв", "фев", "февр", "апр", "авг", "сен", "сент", "окт", "ноя", "нояб", "дек",
        "т.б", "т.с.с", "т.е", "т.д", "т.п", "и.т.д", "и.т.п", "a.m", "p.m", "млн.", "бб",
    ])

    /// The sentences of `text`, in order.
    public static func split(_ text: String) -> [Sentence] {
        var s = text
        s.makeContiguousUTF8()
        return s.utf8.withContiguousStorageIfAvailable { b in split(b) } ?? []
    }

    struct Line { var start: Int; var end: Int; var blank: Bool }

    static func split(_ b: UnsafeBufferPointer<UInt8>) -> [Sentence] {
        let n = b.count
        // Lines, trimmed of white space.
        var lines: [Line] = []
        var i = 0
        while i <= n {
            var e = i
            while e < n && b[e] != 0x0A { e += 1 }
            var cs = i, ce = e
            while cs < ce {
                let (v, l) = RScalars.decode(b, cs)
                if RScalars.isSpace(v) { cs += l } else { break }
            }
            while ce > cs {
                let p = RScalars.previousStart(b, ce)
                let (v, _) = RScalars.decode(b, p)
                if RScalars.isSpace(v) { ce = p } else { break }
            }
            lines.append(Line(start: cs, end: ce, blank: cs == ce))
            if e >= n { break }
            i = e + 1
        }

        var out: [Sentence] = []
        var paragraph = 0
        var pendingBreak = false
        var open: Int? = nil

        func emit(_ a: Int, _ z: Int) {
            var a = a, z = z
            while a < z { let (v, l) = RScalars.decode(b, a); if RScalars.isSpace(v) { a += l } else { break } }
            while z > a { let p = RScalars.previousStart(b, z); if RScalars.isSpace(RScalars.decode(b, p).0) { z = p } else { break } }
            guard a < z else { return }
            var meaningful = false
            var k = a
            while k < z {
                let (v, l) = RScalars.decode(b, k)
                if RScalars.isLetter(v) || (v >= 0x30 && v <= 0x39) { meaningful = true; break }
                k += l
            }
            guard meaningful else { return }
            if pendingBreak {
                if !out.isEmpty { paragraph += 1 }
                pendingBreak = false
            }
            out.append(Sentence(text: String(decoding: UnsafeBufferPointer(rebasing: b[a..<z]), as: UTF8.self), range: a..<z, paragraph: paragraph))
        }

        for (li, line) in lines.enumerated() {
            if line.blank {
                pendingBreak = true
                continue
            }
            var start: Int
            if let o = open {
                start = o
            } else {
                start = skipDialogueDash(b, line.start, line.end)
            }
            // Boundaries inside the line.
            var p = max(start, line.start)
            var endsTerminal = false
            while p < line.end {
                let c = b[p]
                let isTerm: Bool
                if c == 0x2E || c == 0x21 || c == 0x3F { isTerm = true }
                else if c == 0xE2 && p + 2 < n && b[p + 1] == 0x80 && b[p + 2] == 0xA6 { isTerm = true }
                else { isTerm = false }
                if !isTerm { p += 1; continue }
                // The run of terminators and closing quotes/brackets.
                var q = p
                var onlyDot = true, dots = 0, closers = 0
                while q < line.end {
                    let x = b[q]
                    if x == 0x2E { dots += 1; q += 1; continue }
                    if x == 0x21 || x == 0x3F { onlyDot = false; q += 1; continue }
                    let (v, l) = RScalars.decode(b, q)
                    if v == 0x2026 { onlyDot = false; q += l; continue }
                    if isCloser(v) { closers += 1; q += l; continue }
                    break
                }
                if q >= line.end { endsTerminal = true; break }
                let (nv, _) = RScalars.decode(b, q)
                guard RScalars.isSpace(nv) else { p = q; continue }
                var r = q
                while r < line.end { let (v, l) = RScalars.decode(b, r); if RScalars.isSpace(v) { r += l } else { break } }
                let single = onlyDot && dots == 1 && closers == 0
                // A capitalised dateline ("АСТАНА. KAZINFORM — ...", "NEW YORK. ...") stays
                // with its sentence.
                if single && start == line.start && isCapsDateline(b, start, p) { p = r; continue }
                if boundary(b, termStart: p, next: r, lineEnd: line.end, singleDot: single) {
                    emit(start, q)
                    start = r
                }
                p = r
            }
            // Continue into the next line?
            var cont = false
            if li + 1 < lines.count, !lines[li + 1].blank {
                let next = lines[li + 1]
                if startsLower(b, next.start, next.end) {
                    cont = true
                } else if !endsTerminal, let last = lastScalar(b, line.start, line.end) {
                    switch last.0 {
                    case 0x2C, 0x3B, 0x28: cont = true
                    case 0x2D:
                        // "сауда-" broken at a hyphen (not a dash standing alone).
                        cont = last.1 > line.start && !RScalars.isSpace(RScalars.decode(b, RScalars.previousStart(b, last.1)).0)
                    default: cont = false
                    }
                }
            }
            if cont {
                open = start
            } else {
                emit(start, line.end)
                open = nil
                pendingBreak = true
            }
        }
        if let o = open, let last = lines.last { emit(o, last.end) }
        return out
    }

    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        v == 0xBB || v == 0x201D || v == 0x22 || v == 0x27 || v == 0x2019 || v == 0x29 || v == 0x5D || v == 0x203A || v == 0x201C
    }

    @inline(__always)
    static func isOpener(_ v: UInt32) -> Bool {
        v == 0xAB || v == 0x201C || v == 0x201E || v == 0x22 || v == 0x27 || v == 0x2018 || v == 0x28 || v == 0x5B || v == 0x2039
    }

    @inline(__always)
    static func isDash(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2012 || v == 0x2015 }

    /// The start of a line after a dialogue dash and its space.
    static func skipDialogueDash(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        guard s < e else { return s }
        let (v, l) = RScalars.decode(b, s)
        guard isDash(v), s + l < e else { return s }
        let (w, _) = RScalars.decode(b, s + l)
        guard RScalars.isSpace(w) else { return s }
        var k = s + l
        while k < e { let (x, m) = RScalars.decode(b, k); if RScalars.isSpace(x) { k += m } else { break } }
        return k
    }

    /// Whether the line starts with a lower-case letter, or a dash and a lower-case word.
    static func startsLower(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard s < e else { return false }
        let (v, l) = RScalars.decode(b, s)
        if RScalars.isLower(v) { return true }
        if isDash(v) {
            var k = s + l
            guard k < e, RScalars.isSpace(RScalars.decode(b, k).0) else { return false }
            while k < e { let (x, m) = RScalars.decode(b, k); if RScalars.isSpace(x) { k += m } else { break } }
            return k < e && RScalars.isLower(RScalars.decode(b, k).0)
        }
        return false
    }

    /// The last scalar of a line and its offset.
    static func lastScalar(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (UInt32, Int)? {
        guard e > s else { return nil }
        let p = RScalars.previousStart(b, e)
        return (RScalars.decode(b, p).0, p)
    }

    /// Whether the terminator run starting at `termStart` ends a sentence, the next
    /// sentence starting at `next`.
    static func boundary(_ b: UnsafeBufferPointer<UInt8>, termStart p: Int, next r: Int, lineEnd: Int, singleDot: Bool) -> Bool {
        let (c, cl) = RScalars.decode(b, r)
        if RScalars.isLower(c) { return false }
        if c == 0x2C || c == 0x3B || c == 0x3A || c == 0x29 || c == 0x5D || c == 0x25 { return false }
        if isDash(c) {
            var k = r + cl
            while k < lineEnd { let (x, m) = RScalars.decode(b, k); if RScalars.isSpace(x) { k += m } else { break } }
            if k < lineEnd && RScalars.isLower(RScalars.decode(b, k).0) { return false }
            return true
        }
        guard singleDot else { return true }
        let capitalOrQuote = RScalars.isUpper(c) || isOpener(c) || isDash(c)
        // The word before the dot.
        var ws = p
        var letters = 0
        while ws > 0 {
            let q = RScalars.previousStart(b, ws)
            let (v, _) = RScalars.decode(b, q)
            if RScalars.isLetter(v) { ws = q; letters += 1 } else { break }
        }
        if letters == 0 { return true }
        // Dotted abbreviations: "т.б", "U.S", "e.g".
        var fs = ws
        while fs > 1 && b[fs - 1] == 0x2E {
            var k = fs - 1
            var l = 0
            while k > 0 {
                let q = RScalars.previousStart(b, k)
                if RScalars.isLetter(RScalars.decode(b, q).0) { k = q; l += 1 } else { break }
            }
            if l == 0 || l > 3 { break }
            fs = k
        }
        if fs < ws {
            let key = lowered(b, fs, p)
            if mayEnd.contains(key) { return capitalOrQuote }
            return false
        }
        let (first, _) = RScalars.decode(b, ws)
        if letters == 1 && RScalars.isUpper(first) { return false } // an initial
        guard letters <= 6 else { return true }
        let key = lowered(b, ws, p)
        if key == "г" || key == "ж" {
            // "2025 г." may end a sentence; "г. Алматы" never.
            var k = ws
            while k > 0 { let q = RScalars.previousStart(b, k); if RScalars.isSpace(RScalars.decode(b, q).0) { k = q } else { break } }
            let afterNumber = k > 0 && b[k - 1] >= 0x30 && b[k - 1] <= 0x39
            return afterNumber && capitalOrQuote
        }
        if neverEnd.contains(key) { return false }
        if mayEnd.contains(key) { return capitalOrQuote }
        if letters == 1 && !capitalOrQuote { return false }
        return true
    }

    /// Whether `[s, e)` is one to three upper-case words (a dateline city).
    static func isCapsDateline(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s, letters = 0, words = 0, inWord = false
        while k < e {
            let (v, l) = RScalars.decode(b, k)
            if RScalars.isLetter(v) {
                guard RScalars.isUpper(v) else { return false }
                letters += 1
                if !inWord { words += 1; inWord = true }
            } else if RScalars.isSpace(v) || isDash(v) {
                inWord = false
            } else {
                return false
            }
            k += l
        }
        return letters >= 2 && words >= 1 && words <= 3
    }

    /// The lower-cased text of a byte range.
    static func lowered(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> RKey {
        var buf: [UInt8] = []
        var k = s
        while k < e {
            let (v, l) = RScalars.decode(b, k)
            RTokenizer.appendUTF8(RScalars.lower(v), to: &buf)
            k += l
        }
        return RKey(String(decoding: buf, as: UTF8.self))
    }
}
