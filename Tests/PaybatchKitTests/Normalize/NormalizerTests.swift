import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

private let identity = ConnectionIdentity(
    customerID: "cust-1", companyID: "comp-1", connectionID: "conn-1", providerID: "gusto")

private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

private func sampleBatch<T: Decodable & Sendable>(_ type: T.Type, _ path: String) throws -> [BatchItem<T>] {
    try JSONDecoder().decode(BatchResponse<T>.self, from: Data(contentsOf: RepoPaths.sample("api/\(path)")))
        .items
}

@Suite("Normalization")
struct NormalizerTests {
    @Test func employeesMergeDirectoryIndividualAndEmployment() throws {
        let directory = try decode(
            [DirectoryEntry].self,
            #"[{"id":"0042","first_name":"Z","manager":{"id":"0001"},"department":{"name":"Dir Dept"},"is_active":true},{"id":"0007","first_name":"Jo","is_active":false},{"id":"0099","first_name":"Gone","department":{"name":"Ops"},"is_active":false}]"#
        )
        guard
            case .data(let employment) = try sampleBatch(
                WireEmployment.self, "quirks/employment-unknown-enums.json")[0].outcome,
            case .data(let individual) = try sampleBatch(
                WireIndividual.self, "quirks/individual-emails.json")[0].outcome
        else {
            Issue.record("samples did not decode")
            return
        }
        let notFound = FinchFailure(
            failureClass: FailureCatalogue.classify(
                status: 404, name: "not_found_error", finchCode: "item_not_found"),
            message: "no")
        let (rows, notes) = EmployeeNormalizer(identity: identity).rows(
            directory: directory, individuals: ["0007": .ok(individual)],
            employments: ["0042": .ok(employment), "0099": .failed(notFound)])
        #expect(rows.map(\.individualID) == ["0007", "0042", "0099"])
        let zoe = rows[1]
        #expect(zoe.firstName == "Zoë")
        #expect(zoe.sourceID == "000123")
        #expect(zoe.employmentStatus == "furloughed")
        #expect(zoe.employmentSubtype == "apprentice")
        #expect(zoe.isActive == false)
        // Employment's null department and manager fall back to the directory's.
        #expect(zoe.department == "Dir Dept")
        #expect(zoe.managerID == "0001")
        #expect(zoe.incomeAmount == Cents(3250))
        #expect(zoe.incomeUnit == "hourly")
        #expect(zoe.incomeCurrency == "USD")
        #expect(zoe.startDate?.description == "2019-02-01")
        #expect(zoe.workCity == "Zürich")
        let jose = rows[0]
        #expect(jose.workEmail == "jose@acme.example")
        #expect(jose.personalEmail == "jose@home.example")
        #expect(jose.lastName == "Núñez")
        #expect(jose.employmentStatus == nil)
        #expect(jose.isActive == false)
        let gone = rows[2]
        #expect(gone.employmentType == nil && gone.startDate == nil)
        #expect(gone.department == "Ops")
        #expect(notes.count("unknown_enum", report: "employees", column: "employment_status") == 1)
        #expect(notes.count("unknown_enum", report: "employees", column: "employment_subtype") == 1)
        #expect(notes.count("null_list_element", report: "employees", column: "income_history") == 1)
        #expect(notes.count("null_list_element", report: "employees", column: "phone_numbers") == 1)
    }

    @Test func statusDisagreementIsNotedNotResolved() {
        #expect(EmployeeNormalizer.disagrees(isActive: true, status: "terminated"))
        #expect(EmployeeNormalizer.disagrees(isActive: false, status: "active"))
        #expect(!EmployeeNormalizer.disagrees(isActive: false, status: "leave"))
    }

    @Test func statementsSumPresentAmountsAndKeepMissingOnesEmpty() throws {
        guard
            case .data(let page) = try PayStatementBatch(
                Data(contentsOf: RepoPaths.sample("api/quirks/pay-statement-null-elements.json"))
            ).items[0].outcome,
            let statement = page.statement(at: 0)
        else {
            Issue.record("sample did not decode")
            return
        }
        var notes = DataNotes()
        let (row, lines) = PayrollNormalizer(identity: identity).statement(
            statement, payment: "pay-001", payDate: CalendarDate("2026-10-15"), notes: &notes)
        #expect(row.grossPay == Cents(230_000))
        #expect(row.netPay == nil)
        #expect(row.currency == "USD")
        #expect(row.totalHours == Decimal(string: "42.5"))
        #expect(row.type == "regular")
        #expect(row.earnings == Cents(230_000))
        #expect(row.employeeTaxes == Cents(21_000))
        #expect(row.employerTaxes == nil)
        #expect(row.employeeDeductions == Cents(23_000))
        #expect(row.employerContributions == nil)
        #expect(
            lines.map(\.category) == [
                .earning, .earning, .earning, .tax, .tax, .employeeDeduction, .employerContribution,
            ])
        #expect(lines[2].name == "=SUM(A1)")
        #expect(lines[2].amount == nil)
        #expect(lines[1].hours == Decimal(string: "2.5"))
        #expect(lines[4].employer == nil)
        #expect(lines[5].preTax == true)
        #expect(lines[5].type == "401k")
        #expect(notes.count("null_list_element", report: "pay_statement_lines", column: "earning") == 1)
        #expect(notes.count("missing_amount", report: "pay_statement_lines", column: "amount") == 3)
        #expect(notes.count("unknown_enum", report: "pay_statements", column: "type") == 1)
        #expect(notes.count("unknown_tax_side", report: "pay_statement_lines", column: "employer") == 1)
    }

    @Test func paymentsTakeGrossCurrencyAndJoinFrequencies() throws {
        let payments = try JSONDecoder().decode(
            WireList<WirePayment>.self,
            from: Data(contentsOf: RepoPaths.sample("api/quirks/payment-wrong-types.json")))
        var notes = DataNotes()
        let row = try #require(
            PayrollNormalizer(identity: identity).payment(
                payments.present[0], statements: .complete, notes: &notes))
        #expect(row.grossPay == Cents(1_234_500))
        #expect(row.netPay == nil)
        #expect(row.currency == "USD")
        #expect(row.payFrequencies == "bi_weekly;fortnightly")
        #expect(row.individualCount == 1)
        #expect(row.periodStart == nil)
        #expect(row.payDate?.description == "2026-10-15")
        #expect(notes.count("unknown_enum", report: "payments", column: "pay_frequencies") == 1)
        #expect(notes.count("null_list_element", report: "payments", column: "individual_count") == 1)
    }

    @Test func paymentCheckFindsDifferencesToTheCent() {
        let payment = PaymentRow(
            identity: identity, paymentID: "p", grossPay: Cents(1000), netPay: Cents(800),
            payStatementsStatus: .complete)
        var check = PaymentCheck(payment: payment)
        for (gross, net) in [(600, 500), (400, 299)] {
            check.add(
                PayStatementRow(
                    identity: identity, paymentID: "p", grossPay: Cents(Int64(gross)),
                    netPay: Cents(Int64(net))))
        }
        #expect(check.findings.count == 1)
        #expect(check.findings.first?.column == "net_pay")
        #expect(check.findings.first?.difference == Cents(-1))
    }
}
