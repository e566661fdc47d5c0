/// `ConnectionStatusType`.
public struct ConnectionStatusType: WireEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let known: Set<String> = [
        "pending", "processing", "connected", "error_no_account_setup", "error_permissions", "reauth",
        "disconnected",
    ]
    public static let connected = ConnectionStatusType(rawValue: "connected")
    public static let reauth = ConnectionStatusType(rawValue: "reauth")
    public static let pending = ConnectionStatusType(rawValue: "pending")
    public static let processing = ConnectionStatusType(rawValue: "processing")
}
