import CXLSXWriter

/// A table with sheets after it reached the row limit; nothing of the row was written.
public struct XLSXTableFull: Error {
    public let sheet: String
}
