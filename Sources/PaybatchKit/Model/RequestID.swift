/// The `Finch-Request-Id` of one response, shown next to every error the user sees.
public struct RequestID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
