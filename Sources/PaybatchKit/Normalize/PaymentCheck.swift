/// The per-payment check of SPEC §8: a payment's gross and net against the sums of its
/// statements. Fed one statement at a time; a payment whose statements are pending is not checked.
public struct PaymentCheck: Sendable, Equatable {
    /// One failed comparison, a row of data_quality.csv.
    public struct Finding: Sendable, Equatable {
        public var paymentID: PaymentID
        /// `gross_pay` or `net_pay`.
        public var column: String
        public var expected: Cents?
        public var actual: Cents?
        /// actual − expected; nil when either side is missing.
        public var difference: Cents? {
            guard let expected, let actual else { return nil }
            return actual - expected
        }
    }

    public let paymentID: PaymentID
    public let expectedGross: Cents?
    public let expectedNet: Cents?
    private var gross = OptionalSum()
    private var net = OptionalSum()

    public init(payment: PaymentRow) {
        paymentID = payment.paymentID
        expectedGross = payment.grossPay
        expectedNet = payment.netPay
    }

    public mutating func add(_ statement: PayStatementRow) {
        gross.add(statement.grossPay)
        net.add(statement.netPay)
    }

    /// The comparisons that failed: amounts that differ, or one side present and the other not.
    public var findings: [Finding] {
        [("gross_pay", expectedGross, gross.sum), ("net_pay", expectedNet, net.sum)].compactMap {
            column, expected, actual in
            guard expected != actual else { return nil }
            return Finding(paymentID: paymentID, column: column, expected: expected, actual: actual)
        }
    }
}
