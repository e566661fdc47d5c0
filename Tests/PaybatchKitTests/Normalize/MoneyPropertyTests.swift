import Foundation
import PropertyBased
import Testing

@testable import PaybatchKit

private let identity = ConnectionIdentity(
    customerID: "cust-1", companyID: "comp-1", connectionID: "conn-1", providerID: "gusto")

/// Money never traps and is exact (issue 18): random payments and statements, read from their JSON
/// as an export reads them, through the normalizer and the payment check, against the rules of
/// SPEC §8 worked out again here with `ExactSum`.
@Suite("Money properties")
struct MoneyPropertyTests {
    static let cases = 4_000
    static let totalsCases = 6_000

    @Test("statement totals, lines and the payment check agree with exact arithmetic")
    func statementsAndCheck() async throws {
        await propertyCheck(count: Self.cases, input: MoneyCases.payment) { payment in
            try await Self.verify(payment)
        }
    }

    @Test("Summary totals per currency, per connection and merged, agree with exact arithmetic")
    func totalsPerCurrency() async {
        let payment = zip(MoneyCases.currency, MoneyCases.amount.optional(), MoneyCases.amount.optional())
        let connections = payment.array(of: 0...8).array(of: 1...3)
        await propertyCheck(count: Self.totalsCases, input: connections) { connections in
            var differences = Differences()
            var grand = CurrencyTotals()
            for payments in connections {
                var totals = CurrencyTotals()
                for (currency, gross, net) in payments {
                    totals.add(
                        currency: ExactSum.code(currency), gross: gross.map(Cents.init),
                        net: net.map(Cents.init))
                }
                Self.expectTotals(totals, of: payments, &differences)
                grand.merge(totals)
            }
            Self.expectTotals(grand, of: connections.flatMap { $0 }, &differences)
            #expect(differences.found.isEmpty, "\(differences.found)")
        }
    }

    /// Per currency met (by code, bytewise, none last): the exact sums of the amounts present,
    /// empty when none is or when past the 64-bit range, which is flagged.
    static func expectTotals(
        _ totals: CurrencyTotals, of payments: [(String?, Int64?, Int64?)], _ d: inout Differences
    ) {
        var sums: [String?: (gross: ExactSum, net: ExactSum)] = [:]
        for (currency, gross, net) in payments {
            let code = ExactSum.code(currency)
            var pair = sums[code] ?? (ExactSum(), ExactSum())
            if let gross { pair.gross.add(gross) }
            if let net { pair.net.add(net) }
            sums[code] = pair
        }
        let codes = sums.keys.compactMap { $0 }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let order: [String?] = codes + (sums.keys.contains(nil) ? [nil] : [])
        d.equal(totals.byCurrency.map(\.currency), order, "currencies")
        for total in totals.byCurrency {
            guard let pair = sums[total.currency] else { continue }
            d.equal(total.gross?.value, pair.gross.value(), "\(total.currency ?? "-") gross")
            d.equal(total.net?.value, pair.net.value(), "\(total.currency ?? "-") net")
            d.equal(total.grossOutOfRange, pair.gross.isOutOfRange, "\(total.currency ?? "-") gross range")
            d.equal(total.netOutOfRange, pair.net.isOutOfRange, "\(total.currency ?? "-") net range")
        }
    }

    /// Normalizes `payment` and its statements and checks every figure against the model; the
    /// differences are gathered and expected empty once (an `#expect` per figure was most of the
    /// time of a case).
    static func verify(_ payment: MoneyCases.Payment) async throws {
        var differences = Differences()
        try await verify(payment, &differences)
        #expect(differences.found.isEmpty, "\(differences.found)")
    }

    static func verify(_ payment: MoneyCases.Payment, _ d: inout Differences) async throws {
        let payroll = PayrollNormalizer(identity: identity)
        var notes = DataNotes()
        let wire = try JSONDecoder().decode(WirePayment.self, from: Data(payment.json.utf8))
        guard let row = payroll.payment(wire, statements: .complete, notes: &notes) else {
            return d.note("the payment gave no row")
        }
        d.equal(row.grossPay?.value, payment.gross?.value, "row.grossPay?.value")
        d.equal(row.netPay?.value, payment.net?.value, "row.netPay?.value")
        d.equal(
            row.currency, (ExactSum.code(payment.gross?.currency) ?? ExactSum.code(payment.net?.currency)),
            "row.currency")
        guard case .data(let page) = try PayStatementBatch(Data(payment.answer.utf8)).items.first?.outcome
        else {
            return d.note("the answer did not read")
        }
        var check = PaymentCheck(payment: row)
        let readable = payment.statements.filter { $0.unreadable == nil }
        var index = 0
        let missing = await page.forEachChunk(of: 3) { chunk in
            for statement in chunk {
                var found = DataNotes()
                let normalized = payroll.statement(statement, payment: "p", payDate: nil, notes: &found)
                expectStatement(readable[index], normalized.row, normalized.lines, found, &d)
                check.add(normalized.row)
                index += 1
            }
        }
        d.equal(index, readable.count, "index")
        d.equal(missing, payment.statements.count - readable.count, "missing")
        expectCheck(payment, readable: readable, check, &d)
    }

    static func expectStatement(
        _ statement: MoneyCases.Statement, _ row: PayStatementRow, _ lines: [PayStatementLineRow],
        _ notes: DataNotes, _ d: inout Differences
    ) {
        d.equal(row.grossPay?.value, statement.gross?.value, "row.grossPay?.value")
        d.equal(row.netPay?.value, statement.net?.value, "row.netPay?.value")
        d.equal(
            row.currency,
            (ExactSum.code(statement.gross?.currency) ?? ExactSum.code(statement.net?.currency)),
            "row.currency")
        let taxes = statement.taxes.filter { !$0.null }
        let totals: [(String, [MoneyCases.Line], Cents?)] = [
            ("earnings", statement.earnings, row.earnings),
            ("employee_taxes", taxes.filter { $0.employer == false }, row.employeeTaxes),
            ("employer_taxes", taxes.filter { $0.employer == true }, row.employerTaxes),
            ("employee_deductions", statement.deductions, row.employeeDeductions),
            ("employer_contributions", statement.contributions, row.employerContributions),
        ]
        for (column, list, total) in totals {
            var sum = ExactSum()
            for line in list where !line.null { if let amount = line.money.value { sum.add(amount) } }
            d.equal(total?.value, sum.value(), "\(column): \(sum)")
            let outOfRange = notes.count("amount_out_of_range", report: "pay_statements", column: column)
            d.equal(outOfRange, (sum.isOutOfRange ? 1 : 0), "\(column)")
        }
        let present = [statement.earnings, statement.taxes, statement.deductions, statement.contributions]
            .flatMap { $0.filter { !$0.null } }
        d.equal(lines.map { $0.amount?.value }, present.map(\.money.value), "lines.map { $0.amount?.value }")
        d.equal(
            lines.map(\.currency), present.map { ExactSum.code($0.money.currency) }, "lines.map(.currency)")
        d.equal(
            notes.count("missing_amount", report: "pay_statement_lines", column: "amount"),
            present.filter { $0.money.value == nil }.count,
            "notes.count('missing_amount', report: 'pay_statement_lines',")
        for (column, list) in [
            ("earning", statement.earnings), ("tax", statement.taxes),
            ("employee_deduction", statement.deductions), ("employer_contribution", statement.contributions),
        ] {
            d.equal(
                notes.count("null_list_element", report: "pay_statement_lines", column: column),
                list.filter(\.null).count, "notes.count('null_list_element', report: 'pay_statement_line")
        }
    }

    /// SPEC §8's check, worked out again: within one currency, a complete payment's statements
    /// sum to its amount; no statement at all sums to 0.00.
    static func expectCheck(
        _ payment: MoneyCases.Payment, readable: [MoneyCases.Statement], _ check: PaymentCheck,
        _ d: inout Differences
    ) {
        let paymentCurrency = ExactSum.code(payment.gross?.currency) ?? ExactSum.code(payment.net?.currency)
        let currencies = Set(
            [paymentCurrency]
                + readable.map {
                    ExactSum.code($0.gross?.currency) ?? ExactSum.code($0.net?.currency)
                }
        ).compactMap { $0 }
        let mismatch = currencies.count > 1
        var outOfRange: [String: Int] = [:]
        var expectedFindings: [String: (Int64?, Int64?, Int64?)] = [:]
        for (column, expected, amounts) in [
            ("gross_pay", payment.gross?.value, readable.map { $0.gross?.value }),
            ("net_pay", payment.net?.value, readable.map { $0.net?.value }),
        ] {
            var sum = ExactSum()
            for case let amount? in amounts { sum.add(amount) }
            let actual: Int64? = mismatch ? nil : sum.value(emptyIsZero: readable.isEmpty)
            if !mismatch, sum.isOutOfRange { outOfRange[column, default: 0] += 1 }
            guard expected != actual, expected != nil || !readable.isEmpty else { continue }
            var difference: Int64?
            if let expected, let actual {
                difference = ExactSum.difference(actual, expected)
                if difference == nil { outOfRange[column, default: 0] += 1 }
            }
            expectedFindings[column] = (expected, actual, difference)
        }
        let findings = check.findings
        d.equal(
            findings.map(\.column), ["gross_pay", "net_pay"].filter { expectedFindings[$0] != nil },
            "findings.map(.column)")
        for finding in findings {
            guard let (expected, actual, difference) = expectedFindings[finding.column] else { continue }
            d.equal(finding.expected?.value, expected, "\(finding.column) expected")
            d.equal(finding.actual?.value, actual, "\(finding.column) actual")
            d.equal(finding.difference?.value, difference, "\(finding.column) difference")
        }
        let notes = check.notes
        for column in ["gross_pay", "net_pay"] {
            d.equal(
                notes.count("amount_out_of_range", report: "payments", column: column),
                outOfRange[column]
                    ?? 0, "notes.count('amount_out_of_range', report: 'payments', colum")
        }
        d.equal(
            notes.count("currency_mismatch", report: "payments", column: "currency"), (mismatch ? 1 : 0),
            "notes.count('currency_mismatch', report: 'payments', column:")
    }
}

/// What differed between the code and the model, one line each.
struct Differences {
    private(set) var found: [String] = []

    mutating func equal<T: Equatable>(_ actual: T, _ expected: T, _ what: String) {
        if actual != expected { found.append("\(what): \(actual) ≠ \(expected)") }
    }

    mutating func note(_ problem: String) { found.append(problem) }
}

extension MoneyCases.Money {
    /// The amount as Finch gave it; nil when null or left out.
    var value: Int64? { omitsAmount ? nil : amount }
}
