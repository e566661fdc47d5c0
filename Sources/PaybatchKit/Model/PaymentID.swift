/// Finch's id of one payroll run.
public struct PaymentID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
