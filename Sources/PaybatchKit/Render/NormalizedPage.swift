/// A page of one payment's statements as a sink's pageNormalizer made it: normalized and encoded for the
/// spool (`ConnectionNormalizer`), or as Finch gave them, for a sink that keeps them whole.
struct NormalizedPage: Sendable {
    /// One statement's row and its encoded cells, with its lines' cells.
    struct Statement: Sendable {
        var row: PayStatementRow
        var cells: [UInt8]
        var lines: [[UInt8]]
        /// Its employee-deduction lines, kept only for the benefit check (`--include benefits`).
        var deductions: [StatementDeductions.Line] = []
    }

    var payment: PaymentID
    var statements: [Statement] = []
    /// The oddities normalizing found, counted for the page.
    var notes = DataNotes()
    /// The page as decoded, kept only by page normalizers that normalize nothing.
    var wire: [WirePayStatement] = []
}
