/// One row of data_quality.csv (SPEC §8): a null profile of a column, a failed payment check, or
/// a data note.
public struct DataQualityRow: Sendable, Equatable, ReportRow {
    public var connectionID: ConnectionID
    public var providerID: ProviderID?
    public var report: String
    public var column: String
    public var rows: Int?
    public var nulls: Int?
    public var check: String?
    public var paymentID: PaymentID?
    public var expected: Cell = .empty
    public var actual: Cell = .empty
    public var difference: Cell = .empty

    public func cell(_ field: DataQualityField) -> Cell {
        switch field {
        case .connectionID: Cell(connectionID)
        case .providerID: Cell(providerID)
        case .report: .text(report)
        case .column: .text(column)
        case .rows: Cell(rows)
        case .nulls: Cell(nulls)
        case .nullPct: rows.map { Cell.percent(Int64(nulls ?? 0), of: Int64($0)) } ?? .empty
        case .check: Cell(check)
        case .paymentID: Cell(paymentID)
        case .expected: expected
        case .actual: actual
        case .difference: difference
        }
    }

    /// The rows for one connection: null profiles of employees, payments and pay_statements in
    /// template column order, then failed checks in payment order, then data notes.
    static func rows(
        for identity: ConnectionIdentity, report: ConnectionReport, templates: ReportTemplates
    ) -> [DataQualityRow] {
        var result: [DataQualityRow] = []
        func profile<Field, Row: ReportRow<Field>>(_ template: ReportTemplate<Field>, _ rows: [Row]) {
            for column in template.columns {
                let nulls = rows.reduce(0) { $0 + ($1.cell(column.field) == .empty ? 1 : 0) }
                result.append(
                    DataQualityRow(
                        connectionID: identity.connectionID, providerID: identity.providerID,
                        report: Field.reportName, column: column.field.rawValue, rows: rows.count,
                        nulls: nulls))
            }
        }
        profile(templates.employees, report.employees)
        profile(templates.payments, report.payments)
        profile(templates.payStatements, report.statements)
        for finding in report.findings {
            result.append(
                DataQualityRow(
                    connectionID: identity.connectionID, providerID: identity.providerID, report: "payments",
                    column: finding.column, check: "payment_vs_statements", paymentID: finding.paymentID,
                    expected: Cell(finding.expected), actual: Cell(finding.actual),
                    difference: Cell(finding.difference)))
        }
        for (key, count) in report.notes.sorted {
            result.append(
                DataQualityRow(
                    connectionID: identity.connectionID, providerID: identity.providerID, report: key.report,
                    column: key.column, check: key.code, actual: .integer(Int64(count))))
        }
        return result
    }
}
