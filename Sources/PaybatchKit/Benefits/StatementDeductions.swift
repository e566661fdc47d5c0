/// What the deduction check needs of one pay statement: whose, which kind, its gross pay and its
/// employee-deduction lines in the provider's order.
public struct StatementDeductions: Sendable, Hashable {
    /// One employee-deduction line.
    public struct Line: Sendable, Hashable {
        public var type: String?
        public var amount: Cents?
        public init(type: String?, amount: Cents?) {
            self.type = type
            self.amount = amount
        }
    }

    public var paymentID: PaymentID
    public var individualID: IndividualID?
    /// `regular_payroll`, `off_cycle_payroll`, `one_time_payment`, or what the provider wrote.
    public var type: String?
    public var grossPay: Cents?
    public var lines: [Line]

    public init(
        paymentID: PaymentID, individualID: IndividualID?, type: String?, grossPay: Cents?, lines: [Line]
    ) {
        self.paymentID = paymentID
        self.individualID = individualID
        self.type = type
        self.grossPay = grossPay
        self.lines = lines
    }

    /// Only regular payroll is judged: off-cycle pay deducts what it wants.
    public var isRegular: Bool { type == "regular_payroll" }
}
