/// A result as flat rows under a header, for the CLI to print as an aligned table or CSV.
public struct Table: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// Cells longer than this many characters overflow their column instead of widening it
    /// (one long cell must not pad every other row of a big answer).
    public static let widestPadded = 200

    /// The width to pad each column of `rows` to (the first row sets the number of
    /// columns): its widest cell, not counting cells longer than `widestPadded`.
    public static func columnWidths(_ rows: [[String]], widestPadded: Int = Table.widestPadded) -> [Int] {
        guard let first = rows.first else { return [] }
        var w = Widths(columns: first.count, widestPadded: widestPadded)
        for r in rows { w.add(r) }
        return w.widths
    }

    /// `columnWidths` taken a row at a time.
    public struct Widths: Sendable {
        public private(set) var widths: [Int]
        let widestPadded: Int

        public init(columns: Int, widestPadded: Int = Table.widestPadded) {
            widths = [Int](repeating: 0, count: columns)
            self.widestPadded = widestPadded
        }

        public mutating func add(_ row: [String]) {
            for (i, c) in row.enumerated() where i < widths.count {
                let n = c.count
                if n <= widestPadded { widths[i] = max(widths[i], n) }
            }
        }
    }
}

/// A value before and after a change.
public struct Transition<Value: Hashable & Sendable>: Hashable, Sendable {
    public var old: Value
    public var new: Value

    public init(old: Value, new: Value) {
        self.old = old
        self.new = new
    }
}
