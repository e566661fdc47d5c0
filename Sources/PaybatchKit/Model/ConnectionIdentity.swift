/// The ids every report row of one connection repeats: whose connection it is, at which company
/// and provider.
public struct ConnectionIdentity: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// The customer's name in the roster: every report names the customer, not only its key.
    public var customerName: String?
    public var companyID: CompanyID?
    public var connectionID: ConnectionID
    public var providerID: ProviderID?

    public init(
        customerID: CustomerID, customerName: String? = nil, companyID: CompanyID?,
        connectionID: ConnectionID,
        providerID: ProviderID?
    ) {
        self.customerID = customerID
        self.customerName = customerName
        self.companyID = companyID
        self.connectionID = connectionID
        self.providerID = providerID
    }
}
