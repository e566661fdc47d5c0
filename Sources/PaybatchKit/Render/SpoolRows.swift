import Foundation

/// Where report rows are read from: the spool while connections are still fetched, or a reader
/// of the sealed spool.
protocol SpoolRows {
    /// The rows of the template's report of `connections`, in SPEC §8's order.
    func forEach<Field: ReportField>(
        template: ReportTemplate<Field>, connections: Range<Int>, _ body: ((Int) -> Cell) throws -> Void)
        throws
}
