/// Finch's stable key of a connection, and the unit Finch bills on.
public struct ConnectionID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
