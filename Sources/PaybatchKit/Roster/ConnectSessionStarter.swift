/// Creates Finch Connect sessions (Basic auth): a new connection for a customer, or the
/// reauthentication of one (API.md §2.1, §2.2). Returns the `connect_url` to open.
public struct ConnectSessionStarter: Sendable {
    /// The products paybatch's exports read.
    public static let defaultProducts = [
        "company", "directory", "individual", "employment", "payment", "pay_statement",
    ]

    public let client: FinchClient
    public let credentials: ClientCredentials

    public init(client: FinchClient, credentials: ClientCredentials) {
        self.client = client
        self.credentials = credentials
    }

    /// `POST /connect/sessions`.
    public func start(
        customerID: CustomerID, customerName: String, products: [String], redirectURI: String?
    ) async throws -> String {
        let request = ConnectSessionRequest(
            customerID: customerID.rawValue, customerName: customerName, products: products,
            redirectURI: redirectURI)
        do {
            return try Self.url(await client.createConnectSession(request, credentials: credentials))
        } catch let failure as FinchFailure {
            throw RosterCallFailure("the Connect session for customer \(customerID)", failure: failure)
        }
    }

    /// `POST /connect/sessions/reauthenticate`.
    public func startReauthentication(
        _ id: ConnectionID, products: [String]?, redirectURI: String?
    ) async throws -> String {
        let request = ReauthenticateSessionRequest(
            connectionID: id.rawValue, products: products, redirectURI: redirectURI)
        do {
            return try Self.url(await client.createReauthenticateSession(request, credentials: credentials))
        } catch let failure as FinchFailure {
            throw RosterCallFailure("the reauthentication session", connectionID: id, failure: failure)
        }
    }

    private static func url(_ response: ConnectSessionResponse) throws -> String {
        guard let url = response.connectURL, !url.isEmpty else {
            throw RunStop(.unavailable, "Finch's Connect session answer has no connect_url.")
        }
        return url
    }
}
