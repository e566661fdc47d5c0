import Foundation

/// The workbook of an export written while connections are still fetched — chosen by measurement
/// over writing it whole at the end, which cost 0.29 s more after the last fetch of the 40
/// connections' run (9% of its rate-limit bound). The Summary is reserved first (written last),
/// the tables up to the lines' are added at once and take each connection's rows as it is
/// written; data quality and Run Info follow at `finish`. The lines go on in `Name (2)` in place;
/// a table before them that would pass Excel's row limit cannot (sheets follow it): only then is
/// the workbook dropped and written whole at `finish` (a month of more than 1,048,575 employees,
/// payments or pay statements).
/// Unchecked Sendable, and safe: used by one task at a time — the render stage's, then, inside
/// `ExportFiles.finish`, the one child task that writes it, which the render stage awaits before
/// it goes on.
final class ExportWorkbookFile: @unchecked Sendable {
    private let options: ExportOptions
    private let book: ExportWorkbook
    private var open: Open?
    /// Rows were written ahead and then dropped: `finish` writes every connection.
    private var rewrite = false

    private struct Open {
        var file: AtomicFile
        var workbook: XLSXWorkbook
        var summary: XLSXFreeSheet
        /// The tables written ahead: every one up to the last spooled report's, which is then
        /// the last sheet, so it goes on in `Name (2)` right after itself when it passes the
        /// limit (the lines, most of the rows). Carried reports after it (data quality) and Run
        /// Info are added at `finish`, their rows known then.
        var tables: [any ReportTable]
    }

    init(options: ExportOptions, book: ExportWorkbook) {
        self.options = options
        self.book = book
    }

    deinit { drop() }

    /// Writes `range`'s connections: `rows` are theirs, from the first of the range.
    func append(_ range: Range<Int>, _ rows: [RenderedConnection], from spool: some SpoolRows) throws {
        guard !rewrite else { return }
        do {
            for table in try opened().tables { try table.append(rows[...], at: range, from: spool) }
        } catch is XLSXTableFull {
            drop()
        }
    }

    /// Writes `range`'s connections (`rest`, not yet written), then the Summary and Run Info of
    /// every one of `connections`, and seals the file.
    func finish(
        _ range: Range<Int>, _ rest: [RenderedConnection], of connections: [RenderedConnection],
        from spoolPath: String
    ) async throws -> AtomicFile {
        let outcomes = connections.map(\.outcome)
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        // Open means written ahead and not dropped (a drop leaves it nil): go on where it stopped.
        var reader: ReportSpool.Reader?
        if open != nil {
            reader = try ReportSpool.Reader(path: spoolPath)
            try append(range, rest, from: reader!)
        }
        guard let open, let spool = reader else {
            return try await book.write(to: folder, connections: connections, spoolPath: spoolPath)
        }
        self.open = nil
        let written = Result<Void, any Error>(catching: {
            try open.summary.write(book.summary(connections))
            for report in book.reports.dropFirst(book.reportsWrittenAhead) {
                for table in try report.sheets(in: open.workbook) {
                    try table.append(connections[...], at: 0..<Int.max, from: spool)
                }
            }
            try open.workbook.addFreeSheet(book.runInfo(outcomes))
        })
        _ = try folder.sealWorkbook(open.file, open.workbook, written: written)
        return open.file
    }

    private func opened() throws -> Open {
        if let open { return open }
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        let (file, workbook) = try folder.openWorkbook(
            book.fileName, properties: book.properties, rowLimit: book.rowLimit)
        do {
            let opened = Open(
                file: file, workbook: workbook,
                summary: try workbook.reserveFreeSheet(named: ExportWorkbook.summarySheet),
                tables: try book.reports.prefix(book.reportsWrittenAhead).flatMap {
                    try $0.sheets(in: workbook)
                })
            open = opened
            return opened
        } catch {
            workbook.discard()
            file.abandon()
            throw error
        }
    }

    /// Drops the workbook written so far: closed first (which writes its temporary file), then removed.
    private func drop() {
        guard let open else { return }
        self.open = nil
        rewrite = true
        open.workbook.discard()
        open.file.abandon()
    }
}
