import Foundation

/// Adds or replaces one connection's token: from an authorization code (`roster add --code`,
/// `connect`, `reauth`) exchanged server-side, or from a token given on standard input. Every
/// new token is introspected before it is stored.
public struct ConnectionEnrollment {
    /// What was stored.
    public struct Result: Sendable, Equatable {
        public enum Change: Sendable, Equatable {
            case added
            /// The connection was stored before; its token was replaced (the connection id stays).
            case tokenReplaced
            /// This very token was stored already; nothing changed.
            case alreadyPresent
        }
        public var connectionID: ConnectionID
        public var change: Change
        public var status: ConnectionStatus
        public var tokenHint: String
    }

    public let store: any PaybatchStore
    public let client: FinchClient
    public let now: () -> Date

    public init(store: any PaybatchStore, client: FinchClient, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.client = client
        self.now = now
    }

    /// `/auth/token` for `code`; the answer's token and connection id.
    public func exchange(
        _ code: String, credentials: ClientCredentials, redirectURI: String?
    ) async throws -> (AccessToken, ConnectionID) {
        let answer: TokenExchangeResponse
        do {
            answer = try await client.exchangeCode(code, credentials: credentials, redirectURI: redirectURI)
        } catch let failure as FinchFailure {
            throw RosterCallFailure("the authorization code", failure: failure)
        }
        guard let token = answer.accessToken, !token.isEmpty, let id = answer.connectionID, !id.isEmpty else {
            throw RunStop(
                .unavailable, "Finch's /auth/token answer lacks an access_token or connection_id.",
                remedy: "Run the Connect flow again; report it if it recurs.")
        }
        return (AccessToken(token), ConnectionID(id))
    }

    /// Stores a token for a customer: a new connection, or a new token for a connection already
    /// stored (Finch keeps the connection id when the same login connects again).
    public func add(
        token: AccessToken, customerID: CustomerID, customerName: String, source: ConnectionEventSource
    ) async throws -> Result {
        if let stored = try await store.connectionID(forToken: token),
            let record = try await store.connection(stored)
        {
            return Result(
                connectionID: stored, change: .alreadyPresent, status: record.status,
                tokenHint: token.redacted)
        }
        let details = try await introspect(token, nil)
        guard let id = introspectedID(details.1) else { throw noConnectionID() }
        let outcome = try await store.addConnection(
            NewConnection(
                id: id, customerID: customerID, customerName: customerName, details: details.0, token: token),
            source: source)
        if case .connectionExists = outcome {
            try await store.replaceToken(for: id, with: token, details: details.0, source: source)
            return Result(
                connectionID: id, change: .tokenReplaced, status: details.0.status, tokenHint: token.redacted)
        }
        return Result(connectionID: id, change: .added, status: details.0.status, tokenHint: token.redacted)
    }

    /// Exchanges `code` and stores its token for the customer (`roster add --code`, `connect`).
    public func add(
        code: String, credentials: ClientCredentials, redirectURI: String?, customerID: CustomerID,
        customerName: String, source: ConnectionEventSource
    ) async throws -> Result {
        let (token, _) = try await exchange(code, credentials: credentials, redirectURI: redirectURI)
        return try await add(token: token, customerID: customerID, customerName: customerName, source: source)
    }

    /// Replaces the token of connection `id` with the one `code` gives, only when Finch says the
    /// new token belongs to `id` (Finch's session flow has no `state`; SPEC §8). Otherwise 65 and
    /// nothing is replaced.
    public func reauthenticate(
        _ id: ConnectionID, code: String, credentials: ClientCredentials, redirectURI: String?
    ) async throws -> Result {
        _ = try await store.existingConnection(id)  // before the code is spent
        let (token, exchangedID) = try await exchange(
            code, credentials: credentials, redirectURI: redirectURI)
        guard exchangedID == id else {
            throw RunStop(
                .dataError,
                "The authorization code belongs to connection \(exchangedID), not \(id) being reauthenticated; nothing was replaced.",
                remedy:
                    "Send the employer the link of `paybatch reauth \(id)` again and use the code it gives back."
            )
        }
        let (details, _) = try await introspect(token, id)
        try await store.replaceToken(for: id, with: token, details: details, source: .reauth)
        return Result(
            connectionID: id, change: .tokenReplaced, status: details.status, tokenHint: token.redacted)
    }

    private func introspect(
        _ token: AccessToken, _ id: ConnectionID?
    ) async throws -> (ConnectionDetails, Introspection) {
        do {
            let introspection = try await client.introspect(token, connectionID: id)
            return (ConnectionDetails(introspection: introspection), introspection)
        } catch let failure as FinchFailure {
            throw RosterCallFailure(
                "the token (\(token.redacted)) at /introspect", connectionID: id, failure: failure)
        }
    }

    private func introspectedID(_ introspection: Introspection) -> ConnectionID? {
        introspection.connectionID.flatMap { $0.isEmpty ? nil : ConnectionID($0) }
    }

    private func noConnectionID() -> RunStop {
        RunStop(.unavailable, "Finch's /introspect answer names no connection_id; nothing was stored.")
    }
}
