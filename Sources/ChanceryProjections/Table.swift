/// A result as flat rows under a header, for the CLI to print as an aligned table or CSV.
public struct Table: Hashable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
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
