/// The per-payment check of SPEC §8: a payment's gross and net against the sums of its
/// statements. Fed one statement at a time; a payment whose statements are pending is not checked.
///
/// Amounts are compared within one currency only. A statement in another currency than its
/// payment's (or than the other statements') cannot be summed with them — there is no exchange
/// rate to apply — so the payment's sums are unknown: the check fails with an empty `actual`,
/// and a `currency_mismatch` note says why. A statement or payment without a currency takes the
/// one the others give (most providers that omit it pay in one currency).
public struct PaymentCheck: Sendable, Equatable {
    /// One failed comparison, a row of data_quality.csv.
    public struct Finding: Sendable, Equatable {
        public var paymentID: PaymentID
        /// `gross_pay` or `net_pay`.
        public var column: String
        public var expected: Cents?
        /// The sum of the statements: 0.00 when there are none; nil when none gave the amount,
        /// their currencies differ, or the sum is past the 64-bit range.
        public var actual: Cents?
        /// actual − expected; nil when either side is missing or the difference is out of range.
        public var difference: Cents? {
            guard let expected, let actual else { return nil }
            return actual.subtracting(expected)
        }
    }

    public let paymentID: PaymentID
    public let expectedGross: Cents?
    public let expectedNet: Cents?
    /// The currency the amounts are in, once the payment or a statement names one.
    private var currency: String?
    private var currencyMismatch = false
    private var statements = 0
    private var gross = OptionalSum()
    private var net = OptionalSum()

    public init(payment: PaymentRow) {
        paymentID = payment.paymentID
        expectedGross = payment.grossPay
        expectedNet = payment.netPay
        currency = payment.currency
    }

    public mutating func add(_ statement: PayStatementRow) {
        statements += 1
        if let other = statement.currency {
            if currency == nil { currency = other }
            if other != currency { currencyMismatch = true }
        }
        gross.add(statement.grossPay)
        net.add(statement.netPay)
    }

    /// The statements' sum of one column, as the check compares it.
    private func actual(_ sum: OptionalSum) -> Cents? {
        guard !currencyMismatch else { return nil }
        // No statement at all sums to zero, a known amount (SPEC §8: actual is the sum of them).
        return statements == 0 ? .zero : sum.sum
    }

    private var comparisons: [(column: String, expected: Cents?, sum: OptionalSum)] {
        [("gross_pay", expectedGross, gross), ("net_pay", expectedNet, net)]
    }

    /// The comparisons that failed: amounts that differ, or one side present and the other not.
    /// A payment without the amount and without statements says nothing either way.
    public var findings: [Finding] {
        comparisons.compactMap { column, expected, sum in
            let actual = actual(sum)
            guard expected != actual, expected != nil || statements > 0 else { return nil }
            return Finding(paymentID: paymentID, column: column, expected: expected, actual: actual)
        }
    }

    /// What the check could not compute: sums and differences past the 64-bit range
    /// (`amount_out_of_range`, on the column checked), statements in another currency
    /// (`currency_mismatch`, once per payment).
    public var notes: DataNotes {
        var notes = DataNotes()
        if currencyMismatch { notes.add("currency_mismatch", report: "payments", column: "currency") }
        for (column, expected, sum) in comparisons {
            if !currencyMismatch, sum.isOutOfRange {
                notes.add("amount_out_of_range", report: "payments", column: column)
            }
            if let expected, let actual = actual(sum), actual.subtracting(expected) == nil {
                notes.add("amount_out_of_range", report: "payments", column: column)
            }
        }
        return notes
    }
}
