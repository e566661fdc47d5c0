import Foundation

/// The roster part of a store: customers, connections and their history, encrypted tokens and
/// the client secret, and small settings.
public protocol RosterStore: Sendable {
    func upsertCustomer(_ id: CustomerID, name: String) async throws
    func customer(_ id: CustomerID) async throws -> CustomerRecord?
    func customers() async throws -> [CustomerRecord]

    /// Stores a connection, its customer (created or renamed), its encrypted token and its first
    /// event in one transaction; with `disconnectedAt`, it is also marked disconnected there
    /// (an import's refused token kept for the record). A token already stored is not duplicated.
    func addConnection(
        _ connection: NewConnection, source: ConnectionEventSource
    ) async throws
        -> ConnectionAddOutcome
    /// Stores fresh introspect results; records an event when the status changed and returns it.
    @discardableResult
    func updateDetails(
        _ id: ConnectionID, _ details: ConnectionDetails, source: ConnectionEventSource
    )
        async throws -> ConnectionEvent?
    /// Replaces a connection's token (and details, when given) in one transaction.
    func replaceToken(
        for id: ConnectionID, with token: AccessToken, details: ConnectionDetails?,
        source: ConnectionEventSource
    ) async throws
    /// Marks a connection disconnected; false when it already was (by a source that ranks as high).
    @discardableResult
    func markDisconnected(
        _ id: ConnectionID, at time: Date, source: ConnectionEventSource, estimated: Bool
    )
        async throws -> Bool

    func connection(_ id: ConnectionID) async throws -> ConnectionRecord?
    func connections(includingDisconnected: Bool) async throws -> [ConnectionRecord]
    func recordEvent(_ event: ConnectionEvent) async throws
    func events(for id: ConnectionID?) async throws -> [ConnectionEvent]

    func decryptAccessToken(for connection: ConnectionID) async throws -> AccessToken
    func connectionID(forToken token: AccessToken) async throws -> ConnectionID?
    func setClientSecret(_ secret: ClientSecret) async throws
    func clientSecret() async throws -> ClientSecret?

    /// Small plain values (never secrets: those go through the secrets table).
    func setSetting(_ key: String, _ value: String) async throws
    func setting(_ key: String) async throws -> String?
}

extension RosterStore {
    /// The connection, or a "not in the roster" error (65) naming it.
    public func existingConnection(_ id: ConnectionID) async throws -> ConnectionRecord {
        guard let record = try await connection(id) else { throw RunStop.notInRoster(id) }
        return record
    }
}
