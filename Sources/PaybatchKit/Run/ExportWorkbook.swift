import Foundation

/// `paybatch-YYYY-MM.xlsx`: Summary first (what needs attention, then totals per connection), the
/// report tables in SPEC §8's order, and Run Info last.
struct ExportWorkbook {
    let templates: ReportTemplates
    let period: Period
    let run: RunRecord
    let wallClock: any WallClock
    /// Excel's rows per sheet; smaller in tests.
    var rowLimit = XLSXWorkbook.excelRowLimit
    /// The month the Summary compares with; nil when the store kept none.
    var baselinePeriod: Period?

    var fileName: String { "paybatch-\(period).xlsx" }
    static let summarySheet = "Summary"
    static let runInfoSheet = "Run Info"
    static let nullProfileSheet = "Null Profile"

    /// data_quality.csv is one file; the workbook puts its findings (failed checks, data notes,
    /// period changes) first, on the template's sheet (`Findings`), and the null profile — most
    /// of its rows, rarely read — apart, on `Null Profile`, with the same columns (SPEC §8).
    var findingsTemplate: ReportTemplate<DataQualityField> { templates.dataQuality }
    var nullProfileTemplate: ReportTemplate<DataQualityField> {
        var template = templates.dataQuality
        template.sheet = Self.nullProfileSheet
        return template
    }

    var properties: WorkbookProperties {
        .export(period: period, toolVersion: PaybatchVersion.current, created: run.startedAt)
    }

    /// Writes the whole workbook at once, sheet after sheet: a table past Excel's row limit goes
    /// on in a sheet of its own right after it. The pay-statement lines, most of the rows, are
    /// written at the same time as the other tables when none of those can reach the limit.
    func write(
        to folder: OutputFolder, connections rendered: [ConnectionReportRows], spoolPath: String
    ) async throws -> WrittenFile {
        let outcomes = rendered.map(\.outcome)
        let quality = rendered.flatMap(\.quality)
        let (file, workbook) = try folder.openWorkbook(fileName, properties: properties, rowLimit: rowLimit)
        let written: Result<Void, any Error>
        do {
            let spool = try ReportSpool.Reader(path: spoolPath)
            try workbook.addFreeSheet(summary(rendered))
            let connections = try workbook.addTable(templates.connections)
            for outcome in outcomes { try connections.append(outcome) }
            let reports = ReportSpool.Report.allCases
            if try reports.dropLast().allSatisfy({ try spool.count($0) < rowLimit - 1 }) {
                try await writeConcurrently(
                    reports.map { try addTable($0, to: workbook) }, workbook, spoolPath)
            } else {
                for report in reports { try addTable(report, to: workbook).append(0..<Int.max, from: spool) }
            }
            let findings = try workbook.addTable(findingsTemplate)
            for row in quality where row.isFinding { try findings.append(row) }
            let nullProfile = try workbook.addTable(nullProfileTemplate)
            for row in quality where !row.isFinding { try nullProfile.append(row) }
            try workbook.addFreeSheet(runInfo(outcomes))
            written = .success(())
        } catch {
            written = .failure(error)
        }
        return try folder.commitWorkbook(file, workbook, written: written)
    }

    /// The last table (the lines) on this task, the others on a child task, each from its own
    /// reader of the spool: the workbook was the slower of the export's two writers by far, and
    /// libxlsxwriter's sheets are independent (`XLSXWorkbook.prepareForConcurrentTables`). The
    /// child starts when a core is free (the CSV files have one), so the lines start first.
    private func writeConcurrently(
        _ tables: [any SpoolTableSheet], _ workbook: XLSXWorkbook, _ spoolPath: String
    ) async throws {
        guard let last = tables.last else { return }
        workbook.prepareForConcurrentTables()
        let others = OtherTables(tables: Array(tables.dropLast()))
        async let othersWritten: Void = others.write(from: spoolPath)
        try last.append(0..<Int.max, from: try ReportSpool.Reader(path: spoolPath))
        try await othersWritten
    }

    /// Tables written by one child task while the lines are written by another; unchecked
    /// Sendable: nothing else touches them until the child ends.
    private struct OtherTables: @unchecked Sendable {
        let tables: [any SpoolTableSheet]

        func write(from spoolPath: String) throws {
            let spool = try ReportSpool.Reader(path: spoolPath)
            for table in tables { try table.append(0..<Int.max, from: spool) }
        }
    }

    /// The sheet of one of the row-heavy reports.
    func addTable(_ report: ReportSpool.Report, to workbook: XLSXWorkbook) throws -> any SpoolTableSheet {
        switch report {
        case .employees: SpoolTable(sheet: try workbook.addTable(templates.employees), report: report)
        case .payments: SpoolTable(sheet: try workbook.addTable(templates.payments), report: report)
        case .payStatements: SpoolTable(sheet: try workbook.addTable(templates.payStatements), report: report)
        case .payStatementLines:
            SpoolTable(sheet: try workbook.addTable(templates.payStatementLines), report: report)
        }
    }

    /// Connections that need attention first, with what to do; then totals per connection and
    /// currency, and a grand total per currency.
    func summary(_ connections: [ConnectionReportRows]) -> FreeSheet {
        let outcomes = connections.map(\.outcome)
        var rows: [FreeSheet.Row] = [.title("paybatch export \(period)")]
        if !run.periodComplete {
            rows.append(
                .title(
                    "\(period) is a month in progress: exported before it ended; no later run reuses this one."
                ))
        }
        let attention = outcomes.filter { $0.status != .ok }
        rows.append(.blank)
        if attention.isEmpty {
            rows.append(.title("Every connection exported completely."))
        } else {
            rows.append(.title("Needs attention (\(attention.count))"))
            rows.append(
                .header([
                    "customer_id", "customer_name", "connection_id", "export_status", "why, and what to do",
                ]))
            for connection in connections where connection.outcome.status != .ok {
                let outcome = connection.outcome
                let advice = outcome.status.advice.replacingOccurrences(
                    of: "CONNECTION_ID", with: outcome.identity.connectionID.rawValue)
                let why = outcome.why(findings: connection.quality.filter(\.isFinding))
                rows.append(
                    .cellsAndNote(
                        [
                            Cell(outcome.identity.customerID), .text(outcome.customerName),
                            Cell(outcome.identity.connectionID), .text(outcome.status.rawValue),
                        ], why.isEmpty ? advice : "\(why). \(advice)"))
            }
            let retried = outcomes.filter(\.retriedByNextRun).map(\.identity.connectionID.rawValue)
            if !retried.isEmpty {
                rows.append(.title("The next run fetches these again: \(retried.joined(separator: ", "))."))
            }
        }
        rows.append(.blank)
        rows.append(.title("Totals per connection"))
        rows.append(
            .header([
                "customer_id", "customer_name", "connection_id", "provider_id", "export_status",
                "individuals", "payments", "pay_statements", "currency", "gross_pay", "net_pay",
            ]))
        var grand = CurrencyTotals()
        for o in outcomes {
            let connection: [Cell] = [
                Cell(o.identity.customerID), .text(o.customerName), Cell(o.identity.connectionID),
                Cell(o.identity.providerID), .text(o.status.rawValue), Cell(o.individuals),
                Cell(o.payments), Cell(o.payStatements),
            ]
            // A connection without payments has no currency to total: one row, its totals empty.
            let totals = o.totals.byCurrency
            if totals.isEmpty { rows.append(.cells(connection)) }
            for total in totals { rows.append(Self.totalRow(connection, total)) }
            grand.merge(o.totals)
        }
        rows.append(.blank)
        rows.append(.title("Grand total per currency"))
        // Under the connections' currency and totals columns, so each amount stands below its own.
        let indent = 8
        rows.append(.header(Array(repeating: "", count: indent) + ["currency", "gross_pay", "net_pay"]))
        for total in grand.byCurrency {
            rows.append(Self.totalRow(Array(repeating: .empty, count: indent), total))
        }
        if grand.isEmpty { rows.append(.title("No payment in the period.")) }
        rows += periodChangeRows(connections)
        return FreeSheet(name: Self.summarySheet, rows: rows)
    }

    /// `leading` cells, then a currency's totals; a total past the 64-bit range is empty, and says so.
    static func totalRow(_ leading: [Cell], _ total: CurrencyTotals.Total) -> FreeSheet.Row {
        let cells = leading + [Cell(total.currency), Cell(total.gross), Cell(total.net)]
        guard total.grossOutOfRange || total.netOutOfRange else { return .cells(cells) }
        return .cellsAndNote(cells, "amount_out_of_range: the sum is past the 64-bit range of cents.")
    }

    func runInfo(_ outcomes: [ConnectionOutcome]) -> FreeSheet {
        FreeSheet(
            name: Self.runInfoSheet,
            rows: [
                .header(["key", "value"]),
                .cells([.text("run_id"), .text(run.runID)]),
                .cells([.text("period"), .text(period.description)]),
                .cells([.text("tool_version"), .text(PaybatchVersion.current)]),
                .cells([.text("started_at"), .datetime(UTCTimestamp(run.startedAt))]),
                .cells([.text("rendered_at"), .datetime(UTCTimestamp(wallClock.now()))]),
                .cells([.text("connections"), .integer(Int64(outcomes.count))]),
                .blank,
                .title("employees lists the directory as it was when fetched, not at the period's end."),
                .title("Money is in major units with two decimals; ids are text; empty cells are nulls."),
            ])
    }
}

/// A row-heavy report's table sheet, fed from the spool.
protocol SpoolTableSheet {
    func append(_ connections: Range<Int>, from rows: some SpoolRows) throws
}

private struct SpoolTable<Field: ReportField>: SpoolTableSheet {
    let sheet: XLSXTableSheet<Field>
    let report: ReportSpool.Report

    func append(_ connections: Range<Int>, from rows: some SpoolRows) throws {
        try rows.forEach(report, template: sheet.template, connections: connections) {
            try sheet.appendColumns($0)
        }
    }
}

/// The workbook of an export written while connections are still fetched: every sheet is added
/// at once (Summary first, written last), and the data tables take each connection's rows as it
/// is written. A table that would pass Excel's row limit cannot go on in a sheet of its own
/// there (sheets follow it): the workbook is then dropped and written whole at `finish`.
/// Unchecked Sendable: used by one task at a time, the renderer's, then `finish`'s.
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
        var connections: XLSXTableSheet<ConnectionsField>
        var tables: [any SpoolTableSheet]
        var findings: XLSXTableSheet<DataQualityField>
        var nullProfile: XLSXTableSheet<DataQualityField>
        var runInfo: XLSXFreeSheet
    }

    init(options: ExportOptions, book: ExportWorkbook) {
        self.options = options
        self.book = book
    }

    deinit { drop() }

    /// Writes `range`'s connections: `rows` are theirs, from the first of the range.
    func append(_ range: Range<Int>, _ rows: [ConnectionReportRows], from spool: some SpoolRows) throws {
        guard !rewrite else { return }
        do {
            let open = try opened()
            for row in rows { try open.connections.append(row.outcome) }
            for table in open.tables { try table.append(range, from: spool) }
            for row in rows.flatMap(\.quality) {
                try (row.isFinding ? open.findings : open.nullProfile).append(row)
            }
        } catch is XLSXTableFull {
            drop()
        }
    }

    /// Writes `range`'s connections (`rest`, not yet written), then the Summary and Run Info of
    /// every one of `connections`, and commits the file.
    func finish(
        _ range: Range<Int>, _ rest: [ConnectionReportRows], of connections: [ConnectionReportRows],
        from spoolPath: String
    ) async throws -> WrittenFile {
        let outcomes = connections.map(\.outcome)
        // Open means written ahead and not dropped (a drop leaves it nil): go on where it stopped.
        if open != nil { try append(range, rest, from: try ReportSpool.Reader(path: spoolPath)) }
        let folder = try OutputFolder(path: options.periodFolder, mode: options.outputMode)
        guard let open else {
            return try await book.write(
                to: folder, connections: connections, spoolPath: spoolPath)
        }
        try open.summary.write(book.summary(connections))
        try open.runInfo.write(book.runInfo(outcomes))
        try open.workbook.close()
        self.open = nil
        return try open.file.commit(rows: open.workbook.dataRows)
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
                connections: try workbook.addTable(book.templates.connections),
                tables: try ReportSpool.Report.allCases.map { try book.addTable($0, to: workbook) },
                findings: try workbook.addTable(book.findingsTemplate),
                nullProfile: try workbook.addTable(book.nullProfileTemplate),
                runInfo: try workbook.reserveFreeSheet(named: ExportWorkbook.runInfoSheet))
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
