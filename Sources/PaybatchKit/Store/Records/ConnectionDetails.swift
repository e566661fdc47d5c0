/// What `/introspect` says about a connection, in the store's terms: the client's wire type is
/// mapped to this, so the store does not depend on the client.
public struct ConnectionDetails: Sendable, Equatable {
    public var companyID: CompanyID?
    public var providerID: ProviderID?
    /// `production`, `development` or `sandbox`, as Finch sent it.
    public var clientType: String?
    /// `finch` or `provider`.
    public var connectionType: String?
    /// Assisted (`manual`, or an `assisted` authentication method); nil when unknown.
    public var assisted: Bool?
    public var products: [String]
    public var status: ConnectionStatus
    public var statusMessage: String?
    /// Finch's `last_successful_sync`, as it came.
    public var lastSuccessfulSync: String?
    /// The entities `/introspect` listed (multi-entity mode, issue 21), disconnected ones included.
    public var entities: [ConnectionEntity]

    public init(
        companyID: CompanyID? = nil, providerID: ProviderID? = nil, clientType: String? = nil,
        connectionType: String? = nil, assisted: Bool? = nil, products: [String] = [],
        status: ConnectionStatus, statusMessage: String? = nil, lastSuccessfulSync: String? = nil,
        entities: [ConnectionEntity] = []
    ) {
        self.entities = entities
        self.companyID = companyID
        self.providerID = providerID
        self.clientType = clientType
        self.connectionType = connectionType
        self.assisted = assisted
        self.products = products
        self.status = status
        self.statusMessage = statusMessage
        self.lastSuccessfulSync = lastSuccessfulSync
    }
}
