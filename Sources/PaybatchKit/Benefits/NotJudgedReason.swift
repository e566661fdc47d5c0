/// Why the check lists a benefit instead of judging it (issue 21: monthly and one-time benefits,
/// off-cycle statements, benefits without a type, two benefits of one type, tiered matches).
public enum NotJudgedReason: Sendable, Hashable {
    case noType
    /// `count` benefits of the connection share the type: a line cannot be told apart.
    case sharedType(count: Int)
    /// Not deducted every paycheck, so a paycheck without it says nothing.
    case frequency(String?)
    case tieredContribution
    /// Statements other than regular payroll carrying a line of the benefit's type.
    case offCycleStatements(count: Int)
    /// Enrolled people with no employee deduction configured (or one of an unknown kind).
    case noDeductionConfigured(count: Int)

    /// The reason in words, for the finding's message.
    public var text: String {
        switch self {
        case .noType: "the benefit has no type, so no deduction line can be matched to it"
        case .sharedType(let count):
            "\(count) benefits share this type, so their deduction lines cannot be told apart"
        case .frequency(let frequency): "its frequency is \(frequency ?? "not given"), not every_paycheck"
        case .tieredContribution:
            "the employer contribution follows a tiered match formula: reported, not judged"
        case .offCycleStatements(let count):
            "\(count) statement\(count == 1 ? "" : "s") other than regular payroll with this type's line not judged"
        case .noDeductionConfigured(let count):
            "\(count) enrollment\(count == 1 ? " has" : "s have") no employee deduction configured"
        }
    }
}
