/// One row of Finch Dashboard's connections export: Finch's own view of a connection.
public struct DashboardConnection: Sendable, Equatable {
    public var line: Int
    public var connectionID: ConnectionID
    public var companyID: CompanyID?
    public var providerID: ProviderID?
    public var customerID: CustomerID?
    /// `live`, `staged` or `disconnected` (lower-cased; another value is kept as it came).
    public var status: String?
    public var createdAt: UTCTimestamp?
    public var disconnectedAt: UTCTimestamp?

    public init(
        line: Int = 0, connectionID: ConnectionID, companyID: CompanyID? = nil, providerID: ProviderID? = nil,
        customerID: CustomerID? = nil, status: String? = "live", createdAt: UTCTimestamp? = nil,
        disconnectedAt: UTCTimestamp? = nil
    ) {
        self.line = line
        self.connectionID = connectionID
        self.companyID = companyID
        self.providerID = providerID
        self.customerID = customerID
        self.status = status
        self.createdAt = createdAt
        self.disconnectedAt = disconnectedAt
    }

    /// The Dashboard lists it as disconnected (with or without a time).
    public var isDisconnected: Bool { status == "disconnected" || disconnectedAt != nil }
}
