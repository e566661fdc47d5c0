/// Finch's company id; one company may hold several connections.
public struct CompanyID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
