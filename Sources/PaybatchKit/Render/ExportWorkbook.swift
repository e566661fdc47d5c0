import Foundation

/// `paybatch-YYYY-MM.xlsx`: Summary first (what needs attention, then totals per connection), the
/// report tables in SPEC §8's order, and Run Info last.
struct ExportWorkbook: Sendable {
    let templates: ReportTemplates
    let period: Period
    let run: RunRecord
    let wallClock: any WallClock
    /// Excel's rows per sheet; smaller in tests.
    var rowLimit = XLSXWorkbook.excelRowLimit
    /// The month the Summary compares with; nil when the store kept none.
    var baselinePeriod: Period?
    /// `--include benefits`: the benefit sheets, and benefit findings counted on the Summary.
    var includeBenefits = false

    var fileName: String { "paybatch-\(period).xlsx" }
    static let summarySheet = "Summary"
    static let runInfoSheet = "Run Info"

    /// The report tables between the Summary and Run Info, from the registry.
    var reports: [any ExportReport] { ExportReports.all(templates, includeBenefits: includeBenefits) }

    /// How many of `reports` a workbook written ahead adds at once: those up to the last spooled one.
    var reportsWrittenAhead: Int {
        let reports = reports
        return (reports.lastIndex { $0.isSpooled } ?? -1) + 1
    }

    var properties: WorkbookProperties {
        .export(period: period, toolVersion: PaybatchVersion.current, created: run.startedAt)
    }

    /// Writes the whole workbook at once, sheet after sheet: a table past Excel's row limit goes
    /// on in a sheet of its own right after it. The spooled tables are written at the same time,
    /// two at once, when none but the last of them can reach the limit.
    func write(
        to folder: OutputFolder, connections rendered: [RenderedConnection], spoolPath: String
    ) async throws -> AtomicFile {
        let (file, workbook) = try folder.openWorkbook(fileName, properties: properties, rowLimit: rowLimit)
        let written: Result<Void, any Error>
        do {
            let spool = try ReportSpool.Reader(path: spoolPath)
            try workbook.addFreeSheet(summary(rendered))
            var pending = reports[...]
            while let report = pending.first {
                // A run of spooled reports (each with one sheet) is written together when it can be.
                let spooled = pending.prefix { (try? $0.spooledRows(in: spool)) != nil }
                if spooled.count > 1,
                    try spooled.dropLast().allSatisfy({ try $0.spooledRows(in: spool)! < rowLimit - 1 })
                {
                    try await writeConcurrently(
                        try spooled.flatMap { try $0.sheets(in: workbook) }, workbook, spoolPath)
                    pending = pending.dropFirst(spooled.count)
                    continue
                }
                for table in try report.sheets(in: workbook) {
                    try table.append(rendered[...], at: 0..<Int.max, from: spool)
                }
                pending = pending.dropFirst()
            }
            try workbook.addFreeSheet(runInfo(rendered.map(\.outcome)))
            written = .success(())
        } catch {
            written = .failure(error)
        }
        _ = try folder.sealWorkbook(file, workbook, written: written)
        return file
    }

    /// The last table (the lines) on this task, the others on a child task, each from its own
    /// reader of the spool: the workbook was the slower of the export's two writers by far, and
    /// libxlsxwriter's sheets are independent (`XLSXWorkbook.prepareForConcurrentTables`). The
    /// child starts when a core is free (the CSV files have one), so the lines start first.
    private func writeConcurrently(
        _ tables: [any ReportTable], _ workbook: XLSXWorkbook, _ spoolPath: String
    ) async throws {
        guard let last = tables.last else { return }
        workbook.prepareForConcurrentTables()
        let others = SideTables(tables: Array(tables.dropLast()))
        async let othersWritten: Void = others.write(from: spoolPath)
        try last.append([], at: 0..<Int.max, from: try ReportSpool.Reader(path: spoolPath))
        try await othersWritten
    }

    /// Spooled tables written by one child task while the last is written by this one.
    /// Unchecked Sendable, and safe: each table is a sheet of its own (libxlsxwriter keeps a
    /// sheet's state in the sheet), the formats they share were numbered before
    /// (`prepareForConcurrentTables`) and are only read, each task reads the spool through a
    /// reader of its own, and this task touches none of these tables until the child has ended
    /// (`writeConcurrently` awaits it before anything else is added to the workbook).
    private struct SideTables: @unchecked Sendable {
        let tables: [any ReportTable]

        func write(from spoolPath: String) throws {
            let spool = try ReportSpool.Reader(path: spoolPath)
            for table in tables { try table.append([], at: 0..<Int.max, from: spool) }
        }
    }

    /// Connections that need attention first, with what to do; then totals per connection and
    /// currency, and a grand total per currency.
    func summary(_ connections: [RenderedConnection]) -> FreeSheet {
        let outcomes = connections.map(\.outcome)
        // An `entity` column after connection_id, only when a connection has several entities
        // (one row per entity then): a workbook without any stays as it always was.
        let byEntity = outcomes.contains { $0.entity != nil }
        let entityHeader = byEntity ? ["entity"] : []
        let entity = { (o: ConnectionOutcome) -> [Cell] in
            byEntity ? [.text(o.entity.map { $0.name ?? $0.id.rawValue } ?? "")] : []
        }
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
                .header(
                    ["customer_id", "customer_name", "connection_id"] + entityHeader + [
                        "export_status", "why, and what to do",
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
                            Cell(outcome.identity.connectionID),
                        ] + entity(outcome) + [.text(outcome.status.rawValue)],
                        why.isEmpty ? advice : "\(why). \(advice)"))
            }
            let retried = ConnectionOutcome.byConnection(outcomes.filter(\.retriedByNextRun)).map {
                $0[0].identity.connectionID.rawValue
            }
            if !retried.isEmpty {
                rows.append(.title("The next run fetches these again: \(retried.joined(separator: ", "))."))
            }
        }
        rows.append(.blank)
        rows.append(.title(byEntity ? "Totals per connection and entity" : "Totals per connection"))
        rows.append(
            .header(
                ["customer_id", "customer_name", "connection_id"] + entityHeader + [
                    "provider_id", "export_status", "individuals", "payments", "pay_statements", "currency",
                    "gross_pay", "net_pay",
                ]))
        var grand = CurrencyTotals()
        for o in outcomes {
            let connection: [Cell] =
                [Cell(o.identity.customerID), .text(o.customerName), Cell(o.identity.connectionID)]
                + entity(o)
                + [
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
        let indent = 8 + entityHeader.count
        rows.append(.header(Array(repeating: "", count: indent) + ["currency", "gross_pay", "net_pay"]))
        for total in grand.byCurrency {
            rows.append(Self.totalRow(Array(repeating: .empty, count: indent), total))
        }
        if grand.isEmpty { rows.append(.title("No payment in the period.")) }
        if includeBenefits { rows += benefitFindingRows(connections) }
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
                .cells([
                    .text("connections"), .integer(Int64(ConnectionOutcome.byConnection(outcomes).count)),
                ]),
                .blank,
                .title("employees lists the directory as it was when fetched, not at the period's end."),
                .title("Money is in major units with two decimals; ids are text; empty cells are nulls."),
            ])
    }
}
