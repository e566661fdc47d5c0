/// Authentication method types, including `api` as `/providers` lists it.
public struct AuthenticationMethodType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "assisted", "credential", "api_token", "api_credential", "oauth", "api",
    ]
    public static let assisted = AuthenticationMethodType(rawValue: "assisted")
}
