/// Finch's id of one person within one connection.
public struct IndividualID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
