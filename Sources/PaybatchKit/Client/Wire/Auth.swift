/// `POST /auth/token` body: the client credentials travel here, not in a header (API.md §2.4).
public struct TokenExchangeRequest: Encodable, Sendable {
    public var clientID: String
    public var clientSecret: String
    public var code: String
    public var redirectURI: String?

    enum CodingKeys: String, CodingKey {
        case code
        case clientID = "client_id"
        case clientSecret = "client_secret"
        case redirectURI = "redirect_uri"
    }

    public init(credentials: ClientCredentials, code: String, redirectURI: String?) {
        clientID = credentials.clientID
        clientSecret = credentials.clientSecret.secret
        self.code = code
        self.redirectURI = redirectURI
    }
}

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

/// `POST /connect/sessions` body.
public struct ConnectSessionRequest: Encodable, Sendable {
    public var customerID: String
    public var customerName: String
    public var products: [String]
    public var customerEmail: String?
    public var redirectURI: String?
    public var minutesToExpire: Int?
    public var sandbox: String?

    enum CodingKeys: String, CodingKey {
        case products, sandbox
        case customerID = "customer_id"
        case customerName = "customer_name"
        case customerEmail = "customer_email"
        case redirectURI = "redirect_uri"
        case minutesToExpire = "minutes_to_expire"
    }

    public init(
        customerID: String, customerName: String, products: [String], customerEmail: String? = nil,
        redirectURI: String? = nil, minutesToExpire: Int? = nil, sandbox: String? = nil
    ) {
        self.customerID = customerID
        self.customerName = customerName
        self.products = products
        self.customerEmail = customerEmail
        self.redirectURI = redirectURI
        self.minutesToExpire = minutesToExpire
        self.sandbox = sandbox
    }
}

/// `POST /connect/sessions/reauthenticate` body.
public struct ReauthenticateSessionRequest: Encodable, Sendable {
    public var connectionID: String
    public var products: [String]?
    public var redirectURI: String?
    public var minutesToExpire: Int?

    enum CodingKeys: String, CodingKey {
        case products
        case connectionID = "connection_id"
        case redirectURI = "redirect_uri"
        case minutesToExpire = "minutes_to_expire"
    }

    public init(
        connectionID: String, products: [String]? = nil, redirectURI: String? = nil,
        minutesToExpire: Int? = nil
    ) {
        self.connectionID = connectionID
        self.products = products
        self.redirectURI = redirectURI
        self.minutesToExpire = minutesToExpire
    }
}

/// The answer of both session endpoints.
public struct ConnectSessionResponse: Decodable, Sendable {
    @Lenient public var sessionID: String?
    @Lenient public var connectURL: String?

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case connectURL = "connect_url"
    }
}

/// `POST /disconnect` → `{"status":"success"}`.
public struct DisconnectResponse: Decodable, Sendable {
    @Lenient public var status: String?
    enum CodingKeys: String, CodingKey { case status }
}
