/// A connection's status as the store keeps it: Finch's `connection_status.status` values, kept
/// as they came (an unknown one included), plus paybatch's own `disconnected` and `rejected`.
public struct ConnectionStatus: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let connected: ConnectionStatus = "connected"
    public static let pending: ConnectionStatus = "pending"
    public static let processing: ConnectionStatus = "processing"
    public static let reauth: ConnectionStatus = "reauth"
    public static let errorNoAccountSetup: ConnectionStatus = "error_no_account_setup"
    public static let errorPermissions: ConnectionStatus = "error_permissions"
    /// Disconnected through `roster disconnect`, the Dashboard, or found rejected.
    public static let disconnected: ConnectionStatus = "disconnected"
    /// `/introspect` refused the token (401 other than `reauthenticate_user`).
    public static let rejected: ConnectionStatus = "rejected"

    /// Needs the employer to reconnect before data can be fetched.
    public var needsReauthentication: Bool { self == .reauth }
}
