/// One finding of the deduction check (SPEC §8 "Benefit findings"): a row of data_quality.csv.
public struct BenefitFinding: Sendable, Hashable {
    /// The check's codes, as data_quality.csv writes them.
    public enum Check: String, Sendable, Hashable, CaseIterable {
        case mismatch = "deduction_mismatch"
        case missing = "deduction_missing"
        case notEnrolled = "deduction_not_enrolled"
        case notJudged = "deduction_not_judged"
    }

    public var check: Check
    /// The benefit type (data_quality's `column`); empty for a benefit without one.
    public var type: String
    public var paymentID: PaymentID?
    public var individualID: IndividualID?
    public var expected: Cents?
    public var actual: Cents?
    /// actual − expected; nil when either is, or past the 64-bit range.
    public var difference: Cents?
    /// The configured deduction a statement was judged against.
    public var configured: ConfiguredDeduction?
    /// For `deduction_not_judged`: why, each reason once.
    public var reasons: [NotJudgedReason] = []
    /// For `deduction_not_judged`: the benefit.
    public var benefitID: String?

    public init(
        check: Check, type: String, paymentID: PaymentID? = nil, individualID: IndividualID? = nil,
        expected: Cents? = nil, actual: Cents? = nil, configured: ConfiguredDeduction? = nil
    ) {
        self.check = check
        self.type = type
        self.paymentID = paymentID
        self.individualID = individualID
        self.expected = expected
        self.actual = actual
        self.configured = configured
        if let expected, let actual { difference = actual.subtracting(expected) }
    }
}
