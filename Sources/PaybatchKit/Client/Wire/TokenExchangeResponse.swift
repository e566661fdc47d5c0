/// `CreateAccessTokenResponse`.
public struct TokenExchangeResponse: Decodable, Sendable {
    @Lenient public var accessToken: String?
    @Lenient public var tokenType: String?
    @Lenient public var connectionID: String?
    @Lenient public var connectionType: ConnectionType?
    @Lenient public var clientType: ClientType?
    @Lenient public var providerID: String?
    @Lenient public var products: [String]?
    @Lenient public var entityIDs: [String]?
    @Lenient public var companyID: String?
    @Lenient public var accountID: String?
    @Lenient public var customerID: String?
    @Lenient public var customerName: String?

    enum CodingKeys: String, CodingKey {
        case products
        case accessToken = "access_token"
        case tokenType = "token_type"
        case connectionID = "connection_id"
        case connectionType = "connection_type"
        case clientType = "client_type"
        case providerID = "provider_id"
        case entityIDs = "entity_ids"
        case companyID = "company_id"
        case accountID = "account_id"
        case customerID = "customer_id"
        case customerName = "customer_name"
    }
}
