/// A payroll provider's id at Finch, such as `gusto`.
public struct ProviderID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
