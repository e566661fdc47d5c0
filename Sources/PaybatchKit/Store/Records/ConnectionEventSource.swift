/// What caused a recorded status change: kept as text so a later source needs no migration.
public struct ConnectionEventSource: StringIdentifier {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let `import`: ConnectionEventSource = "import"
    public static let add: ConnectionEventSource = "add"
    public static let connect: ConnectionEventSource = "connect"
    public static let refresh: ConnectionEventSource = "refresh"
    public static let disconnect: ConnectionEventSource = "disconnect"
    public static let export: ConnectionEventSource = "export"
    public static let reauth: ConnectionEventSource = "reauth"
    /// Finch's Dashboard connections export (its `disconnected_at`).
    public static let dashboard: ConnectionEventSource = "dashboard"
}
