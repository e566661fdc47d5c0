/// Our own customer key, passed to Finch Connect and echoed back by it.
public struct CustomerID: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
}
