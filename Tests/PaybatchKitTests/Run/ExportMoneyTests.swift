import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Issue 18, the export's half: one connection exported from scripted answers, through the fetch,
/// the normalizer, the payment check, the spool, the CSV files and the workbook.
@Suite("Export: trust the numbers", .serialized)
struct ExportMoneyTests {
    static let huge: Int64 = 5_000_000_000_000_000_000  // two of them pass Int64.max

    static func money(_ cents: Int64?, _ currency: String = "usd") -> String {
        #"{"amount":\#(cents.map(String.init) ?? "null"),"currency":"\#(currency)"}"#
    }

    /// A JSON array of `items`.
    static func list(_ items: String...) -> String { "[" + items.joined(separator: ",") + "]" }

    static func payment(_ id: String, _ payDate: String?, gross: String, net: String) -> String {
        let date = payDate.map { "\"\($0)\"" } ?? "null"
        return #"{"id":"\#(id)","pay_date":\#(date),"gross_pay":\#(gross),"net_pay":\#(net)}"#
    }

    @Test("two earnings past Int64 together: the export goes on, the total is empty with a note")
    func overflowIsANoteNotACrash() async throws {
        let earning = #"{"type":"salary","name":"Salary","amount":\#(Self.huge),"currency":"usd"}"#
        let export = ScriptedExport(
            payments: Self.list(
                Self.payment("p1", "2026-10-15", gross: Self.money(Self.huge), net: Self.money(1)),
                Self.payment("p2", "2026-10-30", gross: Self.money(Self.huge), net: Self.money(1))),
            statements: ScriptedExport.statementsAnswer([
                (
                    "p1",
                    [
                        #"{"individual_id":"a","gross_pay":\#(Self.money(Self.huge)),"net_pay":\#(Self.money(1)),"earnings":[\#(earning),\#(earning)]}"#,
                        #"{"individual_id":"b","gross_pay":\#(Self.money(Self.huge)),"net_pay":\#(Self.money(0))}"#,
                    ]
                ),
                (
                    "p2",
                    [
                        #"{"individual_id":"a","gross_pay":\#(Self.money(Self.huge)),"net_pay":\#(Self.money(1))}"#
                    ]
                ),
            ]))
        let result = try await export.run()
        let statements = ScriptedExport.Result.records(try result.file("pay_statements.csv"))
        #expect(statements.count == 3)
        #expect(
            statements.first { $0["payment_id"] == "p1" && $0["individual_id"] == "a" }?["earnings"] == "")
        let lines = ScriptedExport.Result.records(try result.file("pay_statement_lines.csv"))
        #expect(lines.map { $0["amount"] } == ["50000000000000000.00", "50000000000000000.00"])
        let notes = try result.qualityRows("amount_out_of_range").map {
            "\($0["report"] ?? "") \($0["column"] ?? "") \($0["actual"] ?? "")"
        }
        // The statement's earnings, p1's check of gross pay, the connection's gross total.
        #expect(
            notes.sorted() == ["pay_statements earnings 1", "payments gross_pay 1", "summary gross_pay 1"])
        let check = try #require(
            try result.qualityRows("payment_vs_statements").first {
                $0["payment_id"] == "p1" && $0["column"] == "gross_pay"
            })
        #expect(
            check["expected"] == "50000000000000000.00" && check["actual"] == "" && check["difference"] == "")
        #expect(FileManager.default.fileExists(atPath: result.folder + "/paybatch-2026-10.xlsx"))
    }

    @Test("null or unreadable entries of pay_statements[] are counted as null_list_element")
    func nullStatementsAreNoted() async throws {
        let export = ScriptedExport(
            payments: Self.list(Self.payment("p1", "2026-10-15", gross: Self.money(5), net: Self.money(5))),
            statements: ScriptedExport.statementsAnswer([
                ("p1", ["null", #"{"individual_id":"a","gross_pay":\#(Self.money(5))}"#, "42"])
            ]))
        let result = try await export.run()
        let rows = try result.qualityRows("null_list_element")
        #expect(
            rows.map { "\($0["report"] ?? "") \($0["column"] ?? "") \($0["actual"] ?? "")" } == [
                "pay_statements pay_statements 2"
            ])
        #expect(ScriptedExport.Result.records(try result.file("pay_statements.csv")).count == 1)
    }

    @Test("a payment dated outside the period, or not dated, is left out, noted, its statements not asked")
    func paymentsOutsideThePeriodAreLeftOut() async throws {
        let export = ScriptedExport(
            payments: Self.list(
                Self.payment("p-before", "2026-09-30", gross: Self.money(1), net: Self.money(1)),
                Self.payment("p-in", "2026-10-31", gross: Self.money(7), net: Self.money(7)),
                Self.payment("p-none", nil, gross: Self.money(2), net: Self.money(2)),
                Self.payment("p-after", "2026-11-01", gross: Self.money(3), net: Self.money(3))),
            statements: ScriptedExport.statementsAnswer([
                (
                    "p-in",
                    [#"{"individual_id":"a","gross_pay":\#(Self.money(7)),"net_pay":\#(Self.money(7))}"#]
                )
            ]))
        let result = try await export.run()
        let payments = ScriptedExport.Result.records(try result.file("payments.csv"))
        #expect(payments.map { $0["payment_id"] } == ["p-in"])
        #expect(result.outcome.payments == 1)
        let asked = try #require(result.transport.requests.first { $0.url.path.hasSuffix("pay-statement") })
        let body = String(decoding: asked.body ?? Data(), as: UTF8.self)
        #expect(body.contains("p-in") && !body.contains("p-before") && !body.contains("p-none"))
        let notes = try result.qualityRows("outside_period")
        #expect(
            notes.map { "\($0["report"] ?? "") \($0["column"] ?? "") \($0["actual"] ?? "")" } == [
                "payments pay_date 3"
            ])
        #expect(result.data.status == .ok)
    }

    @Test("Summary totals are per currency, a null gross is not 0, and each currency has a grand total")
    func summaryTotalsPerCurrency() async throws {
        let export = ScriptedExport(
            payments: Self.list(
                Self.payment("p1", "2026-10-01", gross: Self.money(100), net: Self.money(80)),
                Self.payment("p2", "2026-10-02", gross: Self.money(200, "cad"), net: "null"),
                Self.payment("p3", "2026-10-03", gross: "null", net: Self.money(300))),
            statements: ScriptedExport.statementsAnswer([("p1", []), ("p2", []), ("p3", [])]))
        let result = try await export.run()
        let cells = try XLSXCells(path: result.folder + "/paybatch-2026-10.xlsx")
        let rows = cells.rows(of: "Summary").sorted { $0.key < $1.key }.map { row in
            row.value.sorted { ($0.key.count, $0.key) < ($1.key.count, $1.key) }.map(\.value)
        }
        // customer, name, connection, provider, status, people, payments, statements, currency, gross, net
        #expect(rows.contains(["cust-1", "Acme", "conn-1", "gusto", "ok", "0", "3", "0", "CAD", "2"]))
        #expect(rows.contains(["cust-1", "Acme", "conn-1", "gusto", "ok", "0", "3", "0", "USD", "1", "3.8"]))
        #expect(rows.contains(["CAD", "2"]))
        #expect(rows.contains(["USD", "1", "3.8"]))
        // p1 and p2 were checked against their (zero) statements: actual 0.00, not empty.
        let checks = try result.qualityRows("payment_vs_statements")
        #expect(checks.first { $0["payment_id"] == "p1" && $0["column"] == "gross_pay" }?["actual"] == "0.00")
    }
}
