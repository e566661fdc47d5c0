import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// The export's files as a reader meets them: CSVs equal to reviewed goldens (every sandbox
/// scenario: reauth, pending, assisted, formula-like names, non-ASCII, leading-zero ids), and the
/// workbook read back both as XML and through LibreOffice.
@Suite("Export output", .serialized)
struct ExportOutputTests {
    static let csvFiles = [
        "connections.csv", "employees.csv", "payments.csv", "pay_statements.csv", "pay_statement_lines.csv",
        "data_quality.csv",
    ]

    @Test func csvFilesEqualTheGoldens() async throws {
        // Eight companies: the fewest that hold every scenario, so the goldens stay reviewable.
        let fixture = try await ExportFixture(companies: 8)
        _ = try await fixture.export()
        for name in Self.csvFiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.out + "/2026-10/" + name))
            assertGolden(data, named: "export-2026-10/" + name)
        }
        let employees = try fixture.file("employees.csv")
        #expect(employees.contains("Zoë") || employees.contains("Søren") || employees.contains("Müller"))
        #expect(employees.contains(",'=Lead Analyst") || !employees.contains("=Lead Analyst"))
        #expect(employees.contains(",000"), "leading-zero ids keep their zeros")
        let connections = try fixture.file("connections.csv")
        for status in ["reauth_required", "pending", "ok"] { #expect(connections.contains(status)) }
        await fixture.stop()
    }

    @Test func theWorkbookHasTheSheetsTypesAndFormatsOfSpecSection4() async throws {
        let fixture = try await ExportFixture()
        _ = try await fixture.export()
        let book = XLSXArchive(path: fixture.out + "/2026-10/paybatch-2026-10.xlsx")
        #expect(
            try book.sheetNames() == [
                "Summary", "Connections", "Employees", "Payments", "Pay Statements", "Pay Statement Lines",
                "Findings", "Null Profile", "Run Info",
            ])
        for n in 2...7 {
            let sheet = try book.sheet(n)
            #expect(sheet.contains("state=\"frozen\""), "sheet \(n) freezes its header")
            #expect(sheet.contains("<autoFilter ref="), "sheet \(n) has a filter")
            #expect(sheet.contains("numberStoredAsText=\"1\""), "sheet \(n) silences number-as-text")
        }
        // Payments: H is payment_id (text), N gross_pay (money), I pay_date (a real date).
        let payments = try book.sheet(4)
        let id = try #require(XLSXArchive.cell("H2", in: payments))
        #expect(id.contains("t=\"s\"") || id.contains("t=\"inlineStr\""), "payment_id is text: \(id)")
        let money = try #require(XLSXArchive.cell("N2", in: payments))
        #expect(!money.contains("t=\""), "gross_pay is a number: \(money)")
        #expect(try book.numberFormat(ofStyle: XLSXArchive.style(of: money)) == "#,##0.00")
        let date = try #require(XLSXArchive.cell("I2", in: payments))
        #expect(!date.contains("t=\""), "pay_date is a date serial: \(date)")
        #expect(try book.numberFormat(ofStyle: XLSXArchive.style(of: date)).contains("yy"))
        #expect(try book.part("docProps/core.xml").contains("paybatch"))
        await fixture.stop()
    }

    /// Issue 19 items 13, 15 and 16: the Summary says why a connection is not ok, findings stand
    /// apart from the null profile, and each connection is compared with the previous month.
    @Test func theSummarySaysWhyAndComparesWithThePreviousMonth() async throws {
        let fixture = try await ExportFixture(syncAfter: 0)
        _ = try await fixture.export { $0.period = Period("2026-09")! }
        let september = try XLSXArchive(path: fixture.out + "/2026-09/paybatch-2026-09.xlsx").sheet(1)
        #expect(september.contains("Change from the previous month: no completed run of 2026-08 is kept."))
        let result = try await fixture.export { $0.changeThresholdBasisPoints = 0 }
        let book = XLSXArchive(path: fixture.out + "/2026-10/paybatch-2026-10.xlsx")
        let summary = try book.sheet(1)
        // Why, on the Summary itself: the pending payments, Finch's code and the request id.
        #expect(summary.contains("still syncing at Finch (statements pending)"))
        #expect(!summary.contains("see run.json") && !summary.contains("see Data Quality"))
        // The change from September, for connections ok in both months.
        #expect(summary.contains("Change from 2026-09"))
        let okBoth = result.outcomes.filter { $0.status == .ok }.count
        #expect(okBoth > 0)
        // With a threshold of 0 every change is a finding: on the Findings sheet and in data_quality.csv.
        let quality = try fixture.file("data_quality.csv")
        let changes = quality.components(separatedBy: "\r\n").filter { $0.contains(",period_change,") }
        #expect(!changes.isEmpty)
        let findings = try book.sheet(7)
        #expect(findings.contains("period_change"))
        #expect(try book.sheet(8).contains("period_change") == false)
        // Totals are kept for the next month, apart from the runs: October's are there now.
        let store = try fixture.temp.open()
        #expect(try store.latestPeriodTotals(period: fixture.period)?.totals.count == result.outcomes.count)
        await fixture.stop()
    }

    @Test func libreOfficeShowsEverySheetAsTheCSVFilesSayIt() async throws {
        let fixture = try await ExportFixture()
        _ = try await fixture.export { $0.csvProfile = .rfc }
        let folder = fixture.out + "/2026-10"
        let converted = fixture.temp.path("converted")
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        try await LibreOfficeTests.convert(folder + "/paybatch-2026-10.xlsx", into: converted)
        let t = ReportTemplates.defaults
        try compare(t.connections, folder + "/connections.csv", converted, fixture)
        try compare(t.employees, folder + "/employees.csv", converted, fixture)
        try compare(t.payments, folder + "/payments.csv", converted, fixture)
        try compare(t.payStatements, folder + "/pay_statements.csv", converted, fixture)
        try compare(t.payStatementLines, folder + "/pay_statement_lines.csv", converted, fixture)
        // data_quality.csv is one file; the workbook splits it: findings (a check) and null profile.
        let quality = try LibreOfficeTests.records(
            Data(contentsOf: URL(fileURLWithPath: folder + "/data_quality.csv")), name: "data_quality.csv")
        let check = try #require(quality[0].firstIndex(of: "check"))
        for (sheet, isFinding) in [("Findings", true), ("Null Profile", false)] {
            let part = [quality[0]] + quality.dropFirst().filter { !$0[check].isEmpty == isFinding }
            let path = fixture.temp.path("\(sheet).csv")
            let quoted = part.map { row in
                row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(
                    separator: ",")
            }
            try Data(quoted.map { $0 + "\r\n" }.joined().utf8).write(
                to: URL(fileURLWithPath: path))
            var template = t.dataQuality
            template.sheet = sheet
            try compare(template, path, converted, fixture)
        }
        await fixture.stop()
    }

    /// LibreOffice's text of a sheet against the CSV file, allowing only display differences:
    /// thousands separators on numbers, TRUE/FALSE, and datetimes shown without their `T…Z`.
    private func compare<Field: ReportField>(
        _ template: ReportTemplate<Field>, _ csv: String, _ converted: String, _ fixture: ExportFixture
    ) throws {
        let sheetCSV = converted + "/paybatch-2026-10-" + template.sheet + ".csv"
        let shown = try LibreOfficeTests.records(
            Data(contentsOf: URL(fileURLWithPath: sheetCSV)), name: sheetCSV)
        let written = try LibreOfficeTests.records(Data(contentsOf: URL(fileURLWithPath: csv)), name: csv)
        #expect(shown.count == written.count, "\(template.sheet): row count")
        var mismatches = 0
        for (r, (got, want)) in zip(shown, written).enumerated() where r > 0 {
            for (c, (g, w)) in zip(got, want).enumerated() {
                let type = template.columns[c].type
                let same: Bool
                switch type {
                case .boolean: same = g.lowercased() == w
                case .text, .id: same = g == w
                case .datetime: same = w.isEmpty ? g.isEmpty : g.contains(w.prefix(10))
                default: same = g.replacingOccurrences(of: ",", with: "") == w
                }
                if !same, mismatches < 5 {
                    mismatches += 1
                    Issue.record(
                        "\(template.sheet) row \(r + 1) column \(template.columns[c].header): LibreOffice \(g), CSV \(w)"
                    )
                }
            }
        }
    }
}
