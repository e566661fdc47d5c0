import Foundation
import Synchronization

/// The workbook of an export written while connections are still fetched — chosen by measurement
/// over writing it whole at the end, which cost 0.29 s more after the last fetch of the 40
/// connections' run (9% of its rate-limit bound). The Summary is reserved first (written last),
/// the tables up to the lines' are added at once and take each connection's rows as it is
/// written; data quality and Run Info follow at `finish`. The lines go on in `Name (2)` in place;
/// a table before them that would pass Excel's row limit cannot (sheets follow it): only then is
/// the workbook dropped and written whole at `finish` (a month of more than 1,048,575 employees,
/// payments or pay statements).
/// Written by the render stage's task, then finished by a child task of `ExportFiles.finish`:
/// what is open is state behind a lock, taken once per connection written, and `finish` takes it
/// out, so its task owns the workbook alone from then on.
final class ExportWorkbookFile: Sendable {
    private let options: ExportOptions
    private let book: ExportWorkbook
    private let state = Mutex(State())

    private struct State {
        /// Nil until the first row, after a drop, and once `finish` took it.
        var open: Open?
        /// Rows were written ahead and then dropped: `finish` writes every connection.
        var rewrite = false
    }

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

    deinit {
        state.withLock { if let open = $0.open { Self.drop(open) } }
    }

    /// Writes `range`'s connections: `rows` are theirs, from the first of the range.
    func append(_ range: Range<Int>, _ rows: [RenderedConnection], from spool: ReportSpool) throws {
        try state.withLock { state in
            guard !state.rewrite else { return }
            do {
                let open = try state.open ?? opened()
                state.open = open
                for table in open.tables { try table.append(rows[...], at: range, from: spool) }
            } catch is XLSXTableFull {
                if let open = state.open { Self.drop(open) }
                state.open = nil
                state.rewrite = true
            }
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
        let spool = try ReportSpool.Reader(path: spoolPath)
        // Open means written ahead and not dropped (a drop leaves it nil): go on where it stopped.
        let taken = state.withLock { state in
            let open = state.open
            state.open = nil
            return open
        }
        guard let open = taken else {
            return try await book.write(to: folder, connections: connections, spoolPath: spoolPath)
        }
        var written = Result<Void, any Error>(catching: {
            for table in open.tables { try table.append(rest[...], at: range, from: spool) }
        })
        if case .failure(let error) = written, error is XLSXTableFull {
            Self.drop(open)
            return try await book.write(to: folder, connections: connections, spoolPath: spoolPath)
        }
        if case .success = written {
            written = Result(catching: {
                try open.summary.write(book.summary(connections))
                for report in book.reports.dropFirst(book.reportsWrittenAhead) {
                    for table in try report.sheets(in: open.workbook) {
                        try table.append(connections[...], at: 0..<Int.max, from: spool)
                    }
                }
                try open.workbook.addFreeSheet(book.runInfo(outcomes))
            })
        }
        _ = try folder.sealWorkbook(open.file, open.workbook, written: written)
        return open.file
    }

    private func opened() throws -> Open {
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        let (file, workbook) = try folder.openWorkbook(
            book.fileName, properties: book.properties, rowLimit: book.rowLimit)
        do {
            return Open(
                file: file, workbook: workbook,
                summary: try workbook.reserveFreeSheet(named: ExportWorkbook.summarySheet),
                tables: try book.reports.prefix(book.reportsWrittenAhead).flatMap {
                    try $0.sheets(in: workbook)
                })
        } catch {
            workbook.discard()
            file.abandon()
            throw error
        }
    }

    /// Drops a workbook written so far: closed first (which writes its temporary file), then removed.
    private static func drop(_ open: Open) {
        open.workbook.discard()
        open.file.abandon()
    }
}
