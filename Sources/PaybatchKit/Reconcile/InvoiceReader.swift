import Foundation

/// Reads Finch's invoice CSV through a column profile into an `Invoice`, refusing anything it
/// cannot read exactly with exit 65 naming the file, line and column.
public struct InvoiceReader {
    public var period: Period
    public var profile: ColumnProfile<InvoiceColumn>

    public init(period: Period, profile: ColumnProfile<InvoiceColumn> = .embedded) {
        self.period = period
        self.profile = profile
    }

    /// Parses the invoice's bytes; `name` is the file as messages show it.
    public func read(_ data: Data, name: String) throws(ReconcileInputFailure) -> Invoice {
        let csv = try ProfiledCSV<InvoiceColumn>(data: data, name: name, profile: profile)
        guard csv.has(.companyID) || csv.has(.connectionID) else {
            throw csv.missing(.companyID, or: .connectionID)
        }
        guard csv.has(.amount) else { throw csv.missing(.amount) }
        var lines: [InvoiceLine] = []
        var currency: (code: String, line: Int)?
        while let record = try csv.next() {
            if let text = record.text(.period), Period(text) != period {
                throw record.fail(
                    .period, "the invoice is for \"\(text)\", not for --period \(period)",
                    remedy: "Pass the invoice of \(period), or run with --period \(text).")
            }
            if let code = record.text(.currency)?.uppercased() {
                if let seen = currency, seen.code != code {
                    throw record.fail(
                        .currency,
                        "currency \(code) differs from \(seen.code) on line \(seen.line); one invoice has one currency",
                        remedy: "Reconcile each currency's lines as its own invoice.")
                }
                currency = currency ?? (code, record.line)
            }
            guard let amountText = record.text(.amount) else {
                throw record.fail(.amount, "the amount is empty")
            }
            var unitPrice: Cents?
            if let text = record.text(.unitPrice) { unitPrice = try money(text, record, .unitPrice) }
            let line = InvoiceLine(
                line: record.line, companyID: record.text(.companyID).map(CompanyID.init),
                connectionID: record.text(.connectionID).map(ConnectionID.init),
                providerID: record.text(.providerID).map(ProviderID.init), quantity: try quantity(record),
                unitPrice: unitPrice, amount: try money(amountText, record, .amount),
                description: record.text(.description))
            lines.append(line)
        }
        guard !lines.isEmpty else {
            throw ReconcileInputFailure(
                file: name, line: 2, problem: "the invoice has a header but no lines",
                remedy: "Export the invoice's lines as CSV, with the header on the first line.")
        }
        return Invoice(period: period, currency: currency?.code, lines: lines)
    }

    private func quantity(_ record: ProfiledRecord<InvoiceColumn>) throws(ReconcileInputFailure) -> Int64 {
        guard let text = record.text(.quantity) else { return 1 }
        guard let value = Int64(text), value >= 0 else {
            throw record.fail(.quantity, "\"\(text)\" is not a whole number of connections")
        }
        return value
    }

    private func money(
        _ text: String, _ record: ProfiledRecord<InvoiceColumn>, _ column: InvoiceColumn
    ) throws(ReconcileInputFailure) -> Cents {
        guard let cents = InvoiceAmount.parse(text) else {
            throw record.fail(column, "\"\(text)\" is not an amount (\(InvoiceAmount.expectedForm))")
        }
        return cents
    }
}
