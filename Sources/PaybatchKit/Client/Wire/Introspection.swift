/// `GET /introspect` (API.md §2.5).
public struct Introspection: Decodable, Sendable {
    @Lenient public var id: String?
    @Lenient public var clientID: String?
    @Lenient public var clientType: ClientType?
    @Lenient public var connectionID: String?
    @Lenient public var connectionStatus: ConnectionStatus?
    @Lenient public var connectionType: ConnectionType?
    @Lenient public var products: WireList<String>?
    @Lenient public var providerID: String?
    @Lenient public var accountID: String?
    @Lenient public var authenticationMethods: WireList<AuthenticationMethod>?
    @Lenient public var companyID: String?
    @Lenient public var customerEmail: String?
    @Lenient public var customerID: String?
    @Lenient public var customerName: String?
    @Lenient public var manual: LenientBool?
    @Lenient public var payrollProviderID: String?
    @Lenient public var username: String?
    /// The entities (EINs, company codes) the connection covers, in multi-entity mode (API.md §2.7).
    @Lenient public var entities: WireList<WireEntity>?

    enum CodingKeys: String, CodingKey {
        case id, products, manual, username, entities
        case clientID = "client_id"
        case clientType = "client_type"
        case connectionID = "connection_id"
        case connectionStatus = "connection_status"
        case connectionType = "connection_type"
        case providerID = "provider_id"
        case accountID = "account_id"
        case authenticationMethods = "authentication_methods"
        case companyID = "company_id"
        case customerEmail = "customer_email"
        case customerID = "customer_id"
        case customerName = "customer_name"
        case payrollProviderID = "payroll_provider_id"
    }

    /// `{status, last_successful_sync, message}`.
    public struct ConnectionStatus: Decodable, Sendable {
        @Lenient public var status: ConnectionStatusType?
        @Lenient public var lastSuccessfulSync: String?
        @Lenient public var message: String?

        enum CodingKeys: String, CodingKey {
            case status, message
            case lastSuccessfulSync = "last_successful_sync"
        }
    }

    /// One way the employer authenticated, with its own status.
    public struct AuthenticationMethod: Decodable, Sendable {
        @Lenient public var type: AuthenticationMethodType?
        @Lenient public var connectionStatus: ConnectionStatus?
        @Lenient public var products: [String]?

        enum CodingKeys: String, CodingKey {
            case type, products
            case connectionStatus = "connection_status"
        }
    }

    /// Assisted ("manual") connections: `manual: true` (deprecated) or an `assisted` method.
    public var isAssisted: Bool {
        manual?.value == true || authenticationMethods?.present.contains { $0.type == .assisted } == true
    }

    /// The provider, from `provider_id` or its deprecated spelling.
    public var effectiveProviderID: String? { providerID ?? payrollProviderID }
}
