/// `connection_type`: `provider`, or `finch` for Finch-generated sandbox data.
public struct ConnectionType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["provider", "finch"]
}
