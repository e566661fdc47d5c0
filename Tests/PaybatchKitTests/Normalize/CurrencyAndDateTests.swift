import Foundation
import Testing

@testable import PaybatchKit

private let identity = ConnectionIdentity(
    customerID: "cust-1", companyID: "comp-1", connectionID: "conn-1", providerID: "gusto")

private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// Issue 18: currencies that are there only in name, the payment check across currencies, and
/// dates Excel cannot show.
@Suite("Currencies, the payment check and old dates")
struct CurrencyAndDateTests {
    @Test("an empty or blank gross currency falls back to net pay's (SPEC §8 Values)")
    func emptyGrossCurrencyFallsBackToNet() throws {
        let payroll = PayrollNormalizer(identity: identity)
        var notes = DataNotes()
        for blank in ["", "  "] {
            let payment = try decode(
                WirePayment.self,
                #"{"id":"p","gross_pay":{"amount":100,"currency":"\#(blank)"},"net_pay":{"amount":80,"currency":"cad"}}"#
            )
            #expect(payroll.payment(payment, statements: .none, notes: &notes)?.currency == "CAD")
            let statement = try decode(
                WirePayStatement.self,
                #"{"gross_pay":{"amount":100,"currency":"\#(blank)"},"net_pay":{"amount":80,"currency":"cad"}}"#
            )
            #expect(
                payroll.statement(statement, payment: "p", payDate: nil, notes: &notes).row.currency == "CAD")
        }
    }

    static func payment(_ gross: Int64?, _ currency: String?) -> PaymentRow {
        PaymentRow(
            identity: identity, paymentID: "p", currency: currency, grossPay: gross.map(Cents.init),
            payStatementsStatus: .complete)
    }

    static func statement(_ gross: Int64?, _ currency: String?) -> PayStatementRow {
        PayStatementRow(
            identity: identity, paymentID: "p", currency: currency, grossPay: gross.map(Cents.init))
    }

    @Test("a statement in another currency than its payment's is not summed in: the check fails")
    func paymentCheckComparesWithinOneCurrency() throws {
        var check = PaymentCheck(payment: Self.payment(100, "USD"))
        check.add(Self.statement(100, "CAD"))
        let finding = try #require(check.findings.first { $0.column == "gross_pay" })
        #expect(finding.expected == Cents(100))
        #expect(finding.actual == nil)
        #expect(finding.difference == nil)
        #expect(check.notes.count("currency_mismatch", report: "payments", column: "currency") == 1)
        // The same amounts in one currency agree; a statement without a currency takes its payment's.
        var same = PaymentCheck(payment: Self.payment(100, "USD"))
        same.add(Self.statement(60, "USD"))
        same.add(Self.statement(40, nil))
        #expect(same.findings.isEmpty)
        #expect(same.notes.isEmpty)
    }

    @Test("a complete payment without statements is checked against 0.00, not an empty cell")
    func zeroStatementsSumToZero() throws {
        let check = PaymentCheck(payment: Self.payment(1234, "USD"))
        let finding = try #require(check.findings.first { $0.column == "gross_pay" })
        #expect(finding.actual == .zero)
        #expect(finding.difference == Cents(-1234))
        // Nothing on either side (no gross, no statements) is nothing to report.
        #expect(PaymentCheck(payment: Self.payment(nil, "USD")).findings.isEmpty)
    }

    @Test("a date before 1900-03-01 is kept and noted: Excel cannot show it")
    func datesBefore1900AreNoted() throws {
        let directory = try decode([DirectoryEntry].self, #"[{"id":"1"},{"id":"2"}]"#)
        let old = try decode(
            WireEmployment.self, #"{"start_date":"1899-12-31","end_date":"1900-02-28","income":null}"#)
        let recent = try decode(WireEmployment.self, #"{"start_date":"1900-03-01"}"#)
        let (rows, notes) = EmployeeNormalizer(identity: identity).rows(
            directory: directory, individuals: [:], employments: ["1": .ok(old), "2": .ok(recent)])
        #expect(rows[0].startDate?.description == "1899-12-31")
        #expect(notes.count("date_before_1900", report: "employees", column: "start_date") == 1)
        #expect(notes.count("date_before_1900", report: "employees", column: "end_date") == 1)
        #expect(notes.counts.keys.filter { $0.code == "date_before_1900" }.count == 2)
    }
}
