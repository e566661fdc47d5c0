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
