import Foundation
import PaybatchKit

/// A row given as a dictionary, for tests: missing fields are empty.
struct DictionaryRow<Field: ReportField>: ReportRow {
    var cells: [Field: Cell]
    func cell(_ field: Field) -> Cell { cells[field] ?? .empty }
}

/// Small report tables that hold every awkward case: leading zeros, formula-like text, quotes,
/// commas, line breaks, non-ASCII text, negative and large money, nulls.
enum ReportFixtures {
    static let payments: [DictionaryRow<PaymentsField>] = [
        DictionaryRow(cells: [
            .customerID: .text("007"), .companyID: .text("0012345678901234567890"),
            .connectionID: .text("c-1"),
            .providerID: .text("gusto"), .paymentID: .text("=SUM(A1:A9)"),
            .payDate: .date(CalendarDate("2026-10-15")!), .debitDate: .date(CalendarDate("2026-10-14")!),
            .periodStart: .date(CalendarDate("2026-10-01")!), .periodEnd: .date(CalendarDate("2026-10-15")!),
            .currency: .text("USD"), .grossPay: .money(Cents(123_456_789)), .netPay: .money(Cents(-5)),
            .employerTaxes: .money(Cents(0)), .companyDebit: .money(Cents(100)),
            .individualCount: .integer(3), .payFrequencies: .text("semi_monthly;weekly"),
            .payStatementsStatus: .text("complete"),
        ]),
        DictionaryRow(cells: [
            .customerID: .text("+44 20"), .companyID: .text("@handle"), .connectionID: .text("c,2"),
            .providerID: .text("Müller \"Lohn\""), .paymentID: .text("-12"),
            .payDate: .date(CalendarDate("2026-10-31")!), .currency: .text("EUR"),
            .grossPay: .money(Cents(-123_456)), .payFrequencies: .text("line one\nline two"),
            .payStatementsStatus: .text("\tpending"),
        ]),
        DictionaryRow(cells: [.customerID: .text("élan 😀"), .payStatementsStatus: .text("none")]),
    ]

    static let statements: [DictionaryRow<PayStatementsField>] = [
        DictionaryRow(cells: [
            .customerID: .text("007"), .paymentID: .text("p-1"), .payDate: .date(CalendarDate("2026-10-15")!),
            .individualID: .text("000123"), .type: .text("regular_payroll"), .totalHours: .decimal("42.5"),
            .currency: .text("USD"), .grossPay: .money(Cents(250_000)), .netPay: .money(Cents(180_012)),
        ]),
        DictionaryRow(cells: [.customerID: .text("008"), .totalHours: .decimal("0.25"), .earnings: .empty]),
    ]

    static let connections: [DictionaryRow<ConnectionsField>] = [
        DictionaryRow(cells: [
            .customerID: .text("007"), .customerName: .text("Zoë & Co, Ltd"), .connectionID: .text("c-1"),
            .assisted: .boolean(false),
            .lastSuccessfulSync: .datetime(UTCTimestamp(iso: "2026-10-31T23:59:58Z")!),
            .exportStatus: .text("ok"), .individuals: .integer(12), .errors: .integer(0),
        ]),
        DictionaryRow(cells: [
            .customerID: .text("008"), .assisted: .boolean(true), .exportStatus: .text("reauth_required"),
            .message: .text("Reauthenticate: paybatch reauth c-2"),
        ]),
    ]

    static let dataQuality: [DictionaryRow<DataQualityField>] = [
        DictionaryRow(cells: [
            .connectionID: .text("c-1"), .report: .text("employees"), .column: .text("title"),
            .rows: .integer(8),
            .nulls: .integer(1), .nullPct: .percent(1, of: 8),
        ]),
        DictionaryRow(cells: [
            .connectionID: .text("c-1"), .report: .text("payments"), .column: .text("gross_pay"),
            .check: .text("payment_vs_statements"), .paymentID: .text("p-1"), .expected: .money(Cents(1000)),
            .actual: .money(Cents(990)), .difference: .money(Cents(-10)),
        ]),
    ]

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String = #function) -> String {
        let path = NSTemporaryDirectory() + "paybatch-reports-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A CSV written in memory with the default template of the rows' report.
    static func csv<Field: ReportField>(_ rows: [DictionaryRow<Field>], profile: CSVProfile) throws -> Data {
        let sink = MemoryByteSink()
        let writer = try CSVTableWriter(
            template: ReportTemplate<Field>.embedded, profile: profile, sink: sink)
        for row in rows { try writer.append(row) }
        try writer.finish()
        return sink.data
    }
}
