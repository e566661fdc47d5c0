/// Where one report's rows go: a CSV file or a workbook sheet, taking the rows of a few
/// connections at a time, in SPEC §8's order.
protocol ReportTable {
    /// Writes the rows of `connections`, the rendered connections at `range`'s places in the
    /// report order; spooled reports read theirs from `spool`.
    func append(
        _ connections: ArraySlice<RenderedConnection>, at range: Range<Int>, from spool: some SpoolRows
    ) throws
}

/// A report's CSV file: `finish` writes what is buffered and says how many rows it has.
protocol CSVReportTable: ReportTable {
    func finish() throws -> Int
}
