/// `client_type`: `production`, `development`, `sandbox`.
public struct ClientType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = ["production", "development", "sandbox"]
    public static let production = ClientType(rawValue: "production")
}
