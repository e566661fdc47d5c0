/// The ids every report row of one connection repeats: whose connection it is, at which company
/// and provider.
public struct ConnectionIdentity: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    public var companyID: CompanyID?
    public var connectionID: ConnectionID
    public var providerID: ProviderID?

    public init(
        customerID: CustomerID, companyID: CompanyID?, connectionID: ConnectionID, providerID: ProviderID?
    ) {
        self.customerID = customerID
        self.companyID = companyID
        self.connectionID = connectionID
        self.providerID = providerID
    }
}
