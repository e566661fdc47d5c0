import Foundation
import Synchronization

extension ReportSpool: SpoolRows {}
extension ReportSpool.Reader: SpoolRows {}

/// The export's files, written from the spool in SPEC §8's order. The connections at the head of
/// that order whose fetch has ended are written while the others are still fetched (`writeNext`):
/// the rate limits leave the cores idle then, and at the end only the last connections and the
/// Summary remain. `finish` writes the rest, the CSV files and the workbook at the same time, each
/// from a spool reader of its own, and renames every file into place. Until then nothing is in
/// place: dropped, the files' temporary names are removed.
final class ExportFiles {
    private let csv: ExportCSVFiles?
    private let workbook: ExportWorkbookFile?
    /// How many connections, from the first, are written.
    private(set) var written = 0

    init(
        options: ExportOptions, templates: ReportTemplates, run: RunRecord, wallClock: any WallClock,
        rowLimit: Int = XLSXWorkbook.excelRowLimit, baselinePeriod: Period? = nil
    ) {
        csv = options.writeCSV ? ExportCSVFiles(options: options, templates: templates) : nil
        var book = ExportWorkbook(
            templates: templates, period: options.period, run: run, wallClock: wallClock)
        book.baselinePeriod = baselinePeriod
        book.includeBenefits = options.includeBenefits
        book.rowLimit = rowLimit
        workbook = options.writeXLSX ? ExportWorkbookFile(options: options, book: book) : nil
    }

    /// Writes the next connection (number `written`), whose fetch has ended: its rows (one per
    /// entity of a multi-entity connection).
    func writeNext(_ connection: [RenderedConnection], from spool: ReportSpool) throws {
        try csv?.append(written..<written + 1, connection, from: spool)
        try workbook?.append(written..<written + 1, connection, from: spool)
        written += 1
    }

    /// Writes the rest of `connections` (every one, in the report order) from the sealed spool at
    /// `spoolPath`, and seals every file: they wait under their temporary names for the publish
    /// stage (`ExportPublisher`) to rename them into place together.
    func finish(spoolPath: String, connections: [RenderedConnection]) async throws -> [AtomicFile] {
        let (range, rest) = (written..<Int.max, connections.filter { $0.index >= written })
        let (csv, workbook) = (csv, workbook)
        // Two cores write the CSV files and the workbook in the time of the slower (BENCHMARKS.md).
        async let csvFiles = csv?.finish(range, rest, from: spoolPath) ?? []
        async let book = workbook?.finish(range, rest, of: connections, from: spoolPath)
        return try await csvFiles + [try await book].compactMap { $0 }
    }
}

/// The CSV files, one per report of the registry, each open from its first row to `finish`.
/// Written by the render stage's task, then finished by a child task of `ExportFiles.finish`: the
/// open files are state behind a lock, taken once per connection written, and `finish` takes them
/// out, so its task owns them alone from then on.
private final class ExportCSVFiles: Sendable {
    private typealias Open = [(file: AtomicFile, table: any CSVReportTable)]
    private let options: ExportOptions
    private let reports: [any ExportReport]
    /// Nil until the first row, and again once `finish` took them.
    private let open = Mutex<Open?>(nil)

    init(options: ExportOptions, templates: ReportTemplates) {
        self.options = options
        reports = ExportReports.all(templates, includeBenefits: options.includeBenefits)
    }

    /// Writes `range`'s connections: `rows` are theirs, from the first of the range.
    func append(_ range: Range<Int>, _ rows: [RenderedConnection], from spool: ReportSpool) throws {
        try open.withLock { open in
            let files = try open ?? opened()
            open = files
            for file in files { try file.table.append(rows[...], at: range, from: spool) }
        }
    }

    /// Writes `range`'s connections (`rest`, not yet written) and seals every file.
    func finish(
        _ range: Range<Int>, _ rest: [RenderedConnection], from spoolPath: String
    ) throws -> [AtomicFile] {
        // Taken out of the lock: this task owns them from here on.
        let taken = open.withLock { open in
            let files = open
            open = nil
            return files
        }
        let files = try taken ?? opened()
        let spool = try ReportSpool.Reader(path: spoolPath)
        for file in files { try file.table.append(rest[...], at: range, from: spool) }
        return try files.map {
            _ = try $0.file.seal(rows: try $0.table.finish())
            return $0.file
        }
    }

    private func opened() throws -> Open {
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        var files: Open = []
        for report in reports {
            let file = try folder.create(report.fileName)
            files.append((file, try report.csvTable(file, profile: options.csvProfile)))
        }
        return files
    }
}
