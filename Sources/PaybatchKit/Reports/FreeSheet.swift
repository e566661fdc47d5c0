/// A sheet that is not a report table: Summary, Run Info, the reconciliation's Summary and Inputs.
/// Rows of typed cells, with bold section titles and headers, and widths fitted to the content.
public struct FreeSheet: Sendable, Equatable {
    public enum Row: Sendable, Equatable {
        /// A bold title in the first column.
        case title(String)
        /// Bold column labels.
        case header([String])
        /// Typed cells, written as their type (money as money, dates as dates…).
        case cells([Cell])
        /// Typed cells, then a long text that runs on to the right without widening its column.
        case cellsAndNote([Cell], String)
        case blank
    }

    public var name: String
    public var rows: [Row]

    public init(name: String, rows: [Row] = []) {
        self.name = name
        self.rows = rows
    }
}
