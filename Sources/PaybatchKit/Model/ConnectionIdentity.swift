/// The ids every report row of one connection repeats: whose connection it is, at which company
/// and provider, and — for a connection of several entities — which entity the row is of.
public struct ConnectionIdentity: Sendable, Hashable, Codable {
    public var customerID: CustomerID
    /// The customer's name in the roster: every report names the customer, not only its key.
    public var customerName: String?
    public var companyID: CompanyID?
    public var connectionID: ConnectionID
    public var providerID: ProviderID?
    /// The entity of a multi-entity connection (SPEC §4); nil for a connection of one entity.
    public var entityID: EntityID?
    public var entityName: String?

    public init(
        customerID: CustomerID, customerName: String? = nil, companyID: CompanyID?,
        connectionID: ConnectionID,
        providerID: ProviderID?, entityID: EntityID? = nil, entityName: String? = nil
    ) {
        self.customerID = customerID
        self.customerName = customerName
        self.companyID = companyID
        self.connectionID = connectionID
        self.providerID = providerID
        self.entityID = entityID
        self.entityName = entityName
    }
}
