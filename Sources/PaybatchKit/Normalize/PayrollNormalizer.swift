/// Payments and their pay statements → payments, pay_statements and pay_statement_lines rows,
/// with exact integer-cent sums (SPEC §8 "Values"). Statements are normalized one at a time, so
/// a caller can stream them from the store without holding a payment's statements in memory.
public struct PayrollNormalizer: Sendable {
    public let identity: ConnectionIdentity

    public init(identity: ConnectionIdentity) { self.identity = identity }

    /// A payment's row; its statements' status is decided by the fetch.
    public func payment(
        _ payment: WirePayment, statements: PayStatementsStatus, notes: inout DataNotes
    ) -> PaymentRow? {
        guard let id = payment.id, !id.isEmpty else {
            notes.add("missing_id", report: "payments", column: "payment_id")
            return nil
        }
        var context = NormalizationContext()
        let r = "payments"
        context.nullElements(payment.individualIDs, report: r, column: "individual_count")
        context.nullElements(payment.payFrequencies, report: r, column: "pay_frequencies")
        let frequencies = payment.payFrequencies?.present.map {
            context.enumeration($0, report: r, column: "pay_frequencies") ?? $0.rawValue
        }
        let row = PaymentRow(
            identity: identity, paymentID: PaymentID(id),
            payDate: context.date(payment.payDate, report: r, column: "pay_date"),
            debitDate: context.date(payment.debitDate, report: r, column: "debit_date"),
            periodStart: context.date(payment.payPeriod?.startDate, report: r, column: "period_start"),
            periodEnd: context.date(payment.payPeriod?.endDate, report: r, column: "period_end"),
            currency: Self.currency(payment.grossPay, else: payment.netPay),
            grossPay: payment.grossPay?.cents, netPay: payment.netPay?.cents,
            employerTaxes: payment.employerTaxes?.cents, employeeTaxes: payment.employeeTaxes?.cents,
            companyDebit: payment.companyDebit?.cents,
            individualCount: payment.individualIDs.map { $0.present.count },
            payFrequencies: frequencies.map { $0.joined(separator: ";") },
            payStatementsStatus: statements)
        notes.merge(context.notes)
        return row
    }

    /// One statement's row and its lines.
    public func statement(
        _ statement: WirePayStatement, payment: PaymentID, payDate: CalendarDate?, notes: inout DataNotes
    ) -> (row: PayStatementRow, lines: [PayStatementLineRow]) {
        var context = NormalizationContext()
        let individual = statement.individualID.map(IndividualID.init)
        var lines: [PayStatementLineRow] = []
        func line(
            _ category: PayStatementLineRow.Category, _ amount: WireCents?, _ currency: String?
        ) -> PayStatementLineRow {
            if amount == nil {
                context.notes.add("missing_amount", report: "pay_statement_lines", column: "amount")
            }
            return PayStatementLineRow(
                identity: identity, paymentID: payment, individualID: individual,
                payDate: payDate,
                category: category, amount: amount?.cents, currency: currency?.currencyCode)
        }
        let l = "pay_statement_lines"
        context.nullElements(statement.earnings, report: l, column: "earning")
        context.nullElements(statement.taxes, report: l, column: "tax")
        context.nullElements(statement.employeeDeductions, report: l, column: "employee_deduction")
        context.nullElements(statement.employerContributions, report: l, column: "employer_contribution")
        var totals = StatementTotals()
        for earning in statement.earnings?.present ?? [] {
            var row = line(.earning, earning.amount, earning.currency)
            row.type = context.enumeration(earning.type, report: l, column: "type")
            row.name = earning.name
            row.hours = earning.hours
            totals.earnings.add(row.amount)
            lines.append(row)
        }
        for tax in statement.taxes?.present ?? [] {
            var row = line(.tax, tax.amount, tax.currency)
            row.type = context.enumeration(tax.type, report: l, column: "type")
            row.name = tax.name
            row.employer = tax.employer?.value
            switch row.employer {
            case true?: totals.employerTaxes.add(row.amount)
            case false?: totals.employeeTaxes.add(row.amount)
            // A tax without a side is in neither total: guessing would move money between them.
            case nil: context.notes.add("unknown_tax_side", report: l, column: "employer")
            }
            lines.append(row)
        }
        for deduction in statement.employeeDeductions?.present ?? [] {
            var row = line(.employeeDeduction, deduction.amount, deduction.currency)
            row.type = context.enumeration(deduction.type, report: l, column: "type")
            row.name = deduction.name
            row.preTax = deduction.preTax?.value
            totals.deductions.add(row.amount)
            lines.append(row)
        }
        for contribution in statement.employerContributions?.present ?? [] {
            var row = line(.employerContribution, contribution.amount, contribution.currency)
            row.type = context.enumeration(contribution.type, report: l, column: "type")
            row.name = contribution.name
            totals.contributions.add(row.amount)
            lines.append(row)
        }
        let s = "pay_statements"
        for (column, total) in totals.columns where total.isOutOfRange {
            context.notes.add("amount_out_of_range", report: s, column: column)
        }
        let row = PayStatementRow(
            identity: identity, paymentID: payment, payDate: payDate, individualID: individual,
            type: context.enumeration(statement.type, report: s, column: "type"),
            paymentMethod: context.enumeration(statement.paymentMethod, report: s, column: "payment_method"),
            totalHours: statement.totalHours,
            currency: Self.currency(statement.grossPay, else: statement.netPay),
            grossPay: statement.grossPay?.cents, netPay: statement.netPay?.cents,
            earnings: totals.earnings.sum, employeeTaxes: totals.employeeTaxes.sum,
            employerTaxes: totals.employerTaxes.sum, employeeDeductions: totals.deductions.sum,
            employerContributions: totals.contributions.sum)
        notes.merge(context.notes)
        return (row, lines)
    }

    /// SPEC §8: gross pay's currency, else net pay's. An empty or blank code is no code, so it
    /// does not hide the other one.
    static func currency(_ gross: WireMoney?, else net: WireMoney?) -> String? {
        gross?.currency?.currencyCode ?? net?.currency?.currencyCode
    }

    /// Entries of a page's `pay_statements` that are null or not a statement give no row; they
    /// are counted as `null_list_element`, as a null element of any other list is.
    public static func noteUnreadableStatements(_ count: Int, notes: inout DataNotes) {
        notes.add("null_list_element", report: "pay_statements", column: "pay_statements", count: count)
    }
}

private struct StatementTotals {
    var earnings = OptionalSum()
    var employeeTaxes = OptionalSum()
    var employerTaxes = OptionalSum()
    var deductions = OptionalSum()
    var contributions = OptionalSum()

    /// Each total with its pay_statements column.
    var columns: [(String, OptionalSum)] {
        [
            ("earnings", earnings), ("employee_taxes", employeeTaxes), ("employer_taxes", employerTaxes),
            ("employee_deductions", deductions), ("employer_contributions", contributions),
        ]
    }
}
