/// The application's Finch client id and secret, for Basic auth and the code exchange.
public struct ClientCredentials: Sendable, CustomStringConvertible {
    public var clientID: String
    public var clientSecret: ClientSecret
    public init(clientID: String, clientSecret: ClientSecret) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
    public var description: String { "ClientCredentials(\(clientID), \(clientSecret))" }
}
