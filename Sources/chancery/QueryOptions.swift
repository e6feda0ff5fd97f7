import ArgumentParser
import ChanceryDomain
import ChanceryExtraction
import ChanceryProjections
import Foundation

/// How a query prints its answer.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The two countries of a query about one pair.
struct PairArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The two countries.", valueName: "country"))
    var countries: [String]

    func validate() throws { _ = try pair() }

    /// The pair the countries name.
    func pair() throws -> StreamID { try Countries.pair(countries) }
}

/// A period of valid time, `--from` and `--to`, either open.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only facts that occurred on or after this date.", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only facts that occurred on or before this date.", valueName: "date"))
    var to: String?

    func validate() throws { _ = try period() }

    /// The period the options give (`ValidPeriod.always` for none).
    func period() throws -> ValidPeriod {
        ValidPeriod(from: try Dates.option(from, "--from"), to: try Dates.option(to, "--to"))
    }
}

/// `--format table|json|csv`.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: QueryFormat = .table
}

/// The two time axes of a query: valid time (`--as-of`) and transaction time (`--at-seq`,
/// `--known-at`), independently.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Valid time: only facts that had occurred by this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Transaction time: only what the log held at this seq.", valueName: "n"))
    var atSeq: Int64?

    @Option(help: ArgumentHelp("Transaction time: only what was recorded by this RFC 3339 time (a bare date means the end of that UTC day).", valueName: "timestamp"))
    var knownAt: String?

    func validate() throws {
        if let a = asOf, Dates.valid(a) == nil { throw ValidationError("--as-of takes YYYY, YYYY-MM or YYYY-MM-DD, not '\(a)'") }
        if let s = atSeq, s < 0 { throw ValidationError("--at-seq must be 0 or more") }
        if let k = knownAt, !TimeSlice(knownAt: k).knownAtIsValid {
            throw ValidationError("--known-at takes an RFC 3339 time such as 2026-01-01T00:00:00Z or a date, not '\(k)'")
        }
    }

    var slice: TimeSlice { TimeSlice(asOf: asOf.flatMap(Dates.valid), atSeq: atSeq, knownAt: knownAt) }
}

enum Dates {
    /// A date with a year: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    static func valid(_ s: String) -> FuzzyDate? {
        guard let d = FuzzyDate(s), d.hasYear else { return nil }
        return d
    }

    static func option(_ s: String?, _ name: String) throws -> FuzzyDate? {
        guard let s else { return nil }
        guard let d = valid(s) else { throw ValidationError("\(name) takes YYYY, YYYY-MM or YYYY-MM-DD, not '\(s)'") }
        return d
    }
}

/// Countries as people type them: ISO codes or names in Kazakh, Russian or English, any
/// case and inflection; a name of several words may be given unquoted.
enum Countries {
    static func one(_ text: String) throws -> CountryCode {
        if let c = Gazetteer.country(named: text) { return c }
        let close = Gazetteer.suggestions(for: text, limit: 3)
        if close.isEmpty {
            throw ValidationError("unknown country '\(text)': give an ISO code such as KZ or a name in English, Russian or Kazakh")
        }
        throw ValidationError("unknown country '\(text)'; did you mean \(close.joined(separator: ", "))?")
    }

    /// One country from one or more words.
    static func country(_ words: [String]) throws -> CountryCode {
        guard !words.isEmpty else { throw ValidationError("give a country: an ISO code such as KZ or a name") }
        return try one(words.joined(separator: " "))
    }

    /// Two countries from two or more words (`KZ IR`, `ir kz`, `Kazakhstan Iran`, `United States Kazakhstan`).
    static func pair(_ words: [String]) throws -> StreamID {
        guard words.count >= 2 else {
            throw ValidationError("give two countries, e.g. KZ IR or Kazakhstan Iran (got \(words.count))")
        }
        let a: CountryCode, b: CountryCode
        if words.count == 2 {
            a = try one(words[0])
            b = try one(words[1])
        } else {
            var found: (CountryCode, CountryCode)?
            for k in 1..<words.count {
                if let x = Gazetteer.country(named: words[..<k].joined(separator: " ")),
                   let y = Gazetteer.country(named: words[k...].joined(separator: " ")) {
                    found = (x, y)
                    break
                }
            }
            guard let (x, y) = found else {
                for w in words { _ = try one(w) }
                throw ValidationError("give two countries, not \(words.count): \(words.joined(separator: " "))")
            }
            a = x
            b = y
        }
        guard let pair = StreamID(a, b) else { throw ValidationError("give two different countries (both name \(a))") }
        return pair
    }
}

/// Printing a query's answer as an aligned table, JSON or CSV.
enum Render {
    /// Writes `json`, or `table` aligned (header in bold and `marked` rows in colour, on a
    /// terminal without NO_COLOR) or as CSV.
    static func emit(_ json: JSONValue, _ table: ChanceryProjections.Table, _ format: QueryFormat, marked: Set<Int> = []) {
        var out = Output()
        switch format {
        case .json: out.write(JSONText.pretty(json))
        case .csv: out.write(Table.csv([table.header] + table.rows))
        case .table: out.write(text(table, marked: marked))
        }
        out.flush()
    }

    /// The aligned table; `marked` rows (by index) in red when colour is on.
    static func text(_ table: ChanceryProjections.Table, marked: Set<Int> = []) -> String {
        let colour = Terminal.colour
        let widths = ChanceryProjections.Table.columnWidths([table.header] + table.rows)
        var out = text(header: table.header, widths: widths, colour: colour)
        for (i, r) in table.rows.enumerated() { out += text(row: r, widths: widths, marked: marked.contains(i), colour: colour) }
        return out
    }

    /// The header's line of an aligned table (in bold when colour is on).
    static func text(header: [String], widths: [Int], colour: Bool) -> String {
        let line = Table.line(header, widths: widths)
        return colour ? "\u{1B}[1m" + line + "\u{1B}[0m\n" : trimmed(line) + "\n"
    }

    /// A row's line of an aligned table (in red when `marked` and colour is on).
    static func text(row: [String], widths: [Int], marked: Bool, colour: Bool) -> String {
        let line = trimmed(Table.line(row, widths: widths))
        return colour && marked ? "\u{1B}[31m" + line + "\u{1B}[0m\n" : line + "\n"
    }

    /// No trailing blanks when the last cells are empty.
    private static func trimmed(_ line: String) -> String {
        var l = Substring(line)
        while l.last == " " { l.removeLast() }
        return String(l)
    }

    /// Writes an answer given a fact at a time: as JSON through `json` (the answer's own
    /// writer), else as a table or CSV through `rows`, which calls `emitRows`.
    static func emitStreamed(_ format: QueryFormat, json: (@escaping JSONStream.Sink) throws -> Void,
                             rows: () throws -> Void) throws {
        guard format == .json else { return try rows() }
        var out = Output()
        try json { out.write(bytes: $0) }
        out.flush()
    }

    /// Writes a table or CSV of `header` and the rows `rows` gives, a row at a time: for CSV
    /// once; for a table twice (the columns' widths, then the lines). `rows` calls its
    /// argument with each row and whether it is marked (withdrawn).
    static func emitRows(header: [String], _ format: QueryFormat,
                         rows: ((_ row: [String], _ marked: Bool) throws -> Void) throws -> Void) throws {
        var out = Output()
        switch format {
        case .json:
            preconditionFailure("JSON is written by the query itself")
        case .csv:
            out.write(Table.csvLine(header) + "\n")
            try rows { r, _ in out.write(Table.csvLine(r) + "\n") }
        case .table:
            let colour = Terminal.colour
            var widths = ChanceryProjections.Table.Widths(columns: header.count)
            widths.add(header)
            try rows { r, _ in widths.add(r) }
            out.write(text(header: header, widths: widths.widths, colour: colour))
            try rows { r, marked in out.write(text(row: r, widths: widths.widths, marked: marked, colour: colour)) }
        }
        out.flush()
    }
}
