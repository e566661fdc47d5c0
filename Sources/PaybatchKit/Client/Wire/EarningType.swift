/// Earning `type`; note the leading-digit `1099`.
public struct EarningType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "salary", "wage", "reimbursement", "overtime", "severance", "double_overtime", "pto", "sick", "bonus",
        "commission", "tips", "1099", "other",
    ]
}
