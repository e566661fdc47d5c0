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
