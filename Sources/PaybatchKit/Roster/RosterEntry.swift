/// One token of a roster file, validated, with the line it came from for every later message.
public struct RosterEntry: Sendable {
    /// The 1-based line where the entry begins.
    public var line: Int
    public var customerID: CustomerID
    public var customerName: String
    public var token: AccessToken
    /// The file's `connection_id`, when given; introspect's answer wins when they differ.
    public var connectionID: ConnectionID?
    public var providerID: ProviderID?
    /// Finch's creation time of the connection, as written in the file (validated ISO-8601).
    public var createdAt: String?

    public init(
        line: Int, customerID: CustomerID, customerName: String, token: AccessToken,
        connectionID: ConnectionID? = nil, providerID: ProviderID? = nil, createdAt: String? = nil
    ) {
        self.line = line
        self.customerID = customerID
        self.customerName = customerName
        self.token = token
        self.connectionID = connectionID
        self.providerID = providerID
        self.createdAt = createdAt
    }
}
