import Foundation

/// `paybatch-YYYY-MM.xlsx`: Summary first (what needs attention, then totals per connection), the
/// report tables in SPEC §8's order, and Run Info last.
struct ExportWorkbook {
    let templates: ReportTemplates
    let period: Period
    let run: RunRecord
    let wallClock: any WallClock

    var fileName: String { "paybatch-\(period).xlsx" }

    func write(
        to folder: OutputFolder, properties: WorkbookProperties, outcomes: [ConnectionOutcome],
        spool: RowSpool.Reader, quality: [DataQualityRow]
    ) throws -> WrittenFile {
        try folder.writeWorkbook(fileName, properties: properties) { workbook in
            try workbook.addFreeSheet(summary(outcomes))
            let connections = try workbook.addTable(templates.connections)
            for outcome in outcomes { try connections.append(outcome) }
            let employees = try workbook.addTable(templates.employees)
            try spool.forEach(.employees, template: templates.employees) { try employees.appendColumns($0) }
            let payments = try workbook.addTable(templates.payments)
            try spool.forEach(.payments, template: templates.payments) { try payments.appendColumns($0) }
            let statements = try workbook.addTable(templates.payStatements)
            try spool.forEach(.payStatements, template: templates.payStatements) {
                try statements.appendColumns($0)
            }
            let lines = try workbook.addTable(templates.payStatementLines)
            try spool.forEach(.payStatementLines, template: templates.payStatementLines) {
                try lines.appendColumns($0)
            }
            let dataQuality = try workbook.addTable(templates.dataQuality)
            for row in quality { try dataQuality.append(row) }
            try workbook.addFreeSheet(runInfo(outcomes))
        }
    }

    /// Connections that need attention first, with what to do; then totals per connection.
    func summary(_ outcomes: [ConnectionOutcome]) -> FreeSheet {
        var rows: [FreeSheet.Row] = [.title("paybatch export \(period)")]
        let attention = outcomes.filter { $0.status != .ok }
        rows.append(.blank)
        if attention.isEmpty {
            rows.append(.title("Every connection exported completely."))
        } else {
            rows.append(.title("Needs attention (\(attention.count))"))
            rows.append(
                .header(["customer_id", "customer_name", "connection_id", "export_status", "what to do"]))
            for outcome in attention {
                let advice = outcome.status.advice.replacingOccurrences(
                    of: "CONNECTION_ID", with: outcome.identity.connectionID.rawValue)
                rows.append(
                    .cellsAndNote(
                        [
                            Cell(outcome.identity.customerID), .text(outcome.customerName),
                            Cell(outcome.identity.connectionID), .text(outcome.status.rawValue),
                        ], advice))
            }
        }
        rows.append(.blank)
        rows.append(.title("Totals per connection"))
        rows.append(
            .header([
                "customer_id", "customer_name", "connection_id", "provider_id", "export_status",
                "individuals",
                "payments", "pay_statements", "gross_pay", "net_pay",
            ]))
        for o in outcomes {
            rows.append(
                .cells([
                    Cell(o.identity.customerID), .text(o.customerName), Cell(o.identity.connectionID),
                    Cell(o.identity.providerID), .text(o.status.rawValue), Cell(o.individuals),
                    Cell(o.payments),
                    Cell(o.payStatements), .money(o.grossPay), .money(o.netPay),
                ]))
        }
        return FreeSheet(name: "Summary", rows: rows)
    }

    func runInfo(_ outcomes: [ConnectionOutcome]) -> FreeSheet {
        FreeSheet(
            name: "Run Info",
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
