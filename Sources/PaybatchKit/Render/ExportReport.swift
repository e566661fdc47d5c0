/// One report of an export, described once: its template, where its rows come from, its CSV file
/// and its workbook sheets. The CSV files and the workbook iterate `ExportReports` and know no
/// report by name, so a new report is one entry there.
protocol ExportReport: Sendable {
    /// Its CSV file's name in the period folder.
    var fileName: String { get }
    /// A writer of its rows into `sink`, a CSV file.
    func csvTable(_ sink: any ByteSink, profile: CSVProfile) throws -> any CSVReportTable
    /// Adds its sheets to `workbook`, in order, and returns their writers.
    func sheets(in workbook: XLSXWorkbook) throws -> [any ReportTable]
    /// How many of its rows `spool` holds; nil when the rows are not spooled (they come with
    /// each rendered connection, a few per connection, never near a sheet's limit).
    func spooledRows(in spool: ReportSpool.Reader) throws -> Int?
    /// Whether its rows are spooled (else each rendered connection carries them).
    var isSpooled: Bool { get }
}
