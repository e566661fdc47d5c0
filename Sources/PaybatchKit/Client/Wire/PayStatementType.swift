/// Pay statement `type`; Finch's own 2024 examples send `regular`, outside the enum.
public struct PayStatementType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["regular_payroll", "off_cycle_payroll", "one_time_payment"]
}
