/// One page of a table's rows, and where the next one starts.
public struct StoreRowPage: Sendable {
    /// Cells in the table's column order; a flag is an integer 0/1.
    public var rows: [[SQLiteValue]]
    public var next: Int64
}
