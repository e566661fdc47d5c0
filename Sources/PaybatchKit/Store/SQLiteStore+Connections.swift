import Foundation

extension SQLiteStore {
    public typealias AddOutcome = ConnectionAddOutcome

    /// Stores a new connection, its encrypted token and its first event, in one transaction.
    /// The customer must exist (`upsertCustomer`). A token already present is not duplicated.
    @discardableResult
    public func addConnection(
        _ id: ConnectionID, customer: CustomerID, details: ConnectionDetails, token: AccessToken,
        createdAt: String? = nil, source: ConnectionEventSource
    ) throws -> AddOutcome {
        try database.transaction {
            if let owner = try connectionID(forToken: token) { return .tokenAlreadyPresent(owner) }
            if try connection(id) != nil { return .connectionExists(id) }
            let time = now()
            try database.run(
                """
                INSERT INTO connections (connection_id, customer_id, company_id, provider_id, client_type,
                    connection_type, assisted, products, status, status_message, last_successful_sync,
                    entities, created_at, added_at, updated_at, token_fingerprint, token_hint)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(id.rawValue), .text(customer.rawValue)] + Self.detailValues(details) + [
                    .text(createdAt), .time(time), .time(time), .text(TokenFingerprint(of: token).hex),
                    .text(token.redacted),
                ])
            try putSecret(kind: StoredSecret.accessTokenKind, owner: id.rawValue, plaintext: token.secret)
            try recordEvent(
                ConnectionEvent(connectionID: id, time: time, from: nil, to: details.status, source: source))
            return .added
        }
    }

    /// Stores fresh introspect results; records an event when the status changed and returns it.
    @discardableResult
    public func updateDetails(
        _ id: ConnectionID, _ details: ConnectionDetails, source: ConnectionEventSource
    ) throws -> ConnectionEvent? {
        try database.transaction {
            let previous = try existingConnection(id)
            let time = now()
            try database.run(
                """
                UPDATE connections SET company_id = ?, provider_id = ?, client_type = ?, connection_type = ?,
                    assisted = ?, products = ?, status = ?, status_message = ?, last_successful_sync = ?,
                    entities = ?, updated_at = ?
                WHERE connection_id = ?
                """, Self.detailValues(details) + [.time(time), .text(id.rawValue)])
            guard previous.status != details.status else { return nil }
            let event = ConnectionEvent(
                connectionID: id, time: time, from: previous.status, to: details.status, source: source)
            try recordEvent(event)
            return event
        }
    }

    /// Replaces a connection's token (reauthentication), keeping its connection id, and records
    /// a `reauth` event. With `details`, stores the new introspect results in the same transaction.
    public func replaceToken(
        for id: ConnectionID, with token: AccessToken, details: ConnectionDetails? = nil,
        source: ConnectionEventSource = .reauth
    ) throws {
        try database.transaction {
            let previous = try existingConnection(id)
            if let owner = try connectionID(forToken: token), owner != id {
                throw RunStop(
                    .dataError, "This token is already stored for connection \(owner), not \(id).",
                    remedy: "Check which connection the employer reauthenticated.")
            }
            let newDetails = details ?? previous.details
            let time = now()
            try database.run(
                """
                UPDATE connections SET company_id = ?, provider_id = ?, client_type = ?, connection_type = ?,
                    assisted = ?, products = ?, status = ?, status_message = ?, last_successful_sync = ?,
                    entities = ?, updated_at = ?, token_fingerprint = ?, token_hint = ?
                WHERE connection_id = ?
                """,
                Self.detailValues(newDetails) + [
                    .time(time), .text(TokenFingerprint(of: token).hex), .text(token.redacted),
                    .text(id.rawValue),
                ])
            try putSecret(kind: StoredSecret.accessTokenKind, owner: id.rawValue, plaintext: token.secret)
            try recordEvent(
                ConnectionEvent(
                    connectionID: id, time: time, from: previous.status, to: newDetails.status,
                    source: source,
                    note: "token replaced"))
        }
    }

    /// Marks a connection disconnected. Safe to repeat: a later call changes nothing unless its
    /// source ranks higher (SPEC §8: `roster disconnect`, then the Dashboard, then an estimate).
    /// Returns whether anything changed.
    @discardableResult
    public func markDisconnected(
        _ id: ConnectionID, at time: Date, source: ConnectionEventSource, estimated: Bool = false
    ) throws -> Bool {
        try database.transaction {
            let previous = try existingConnection(id)
            if previous.keepsDisconnect(against: source, estimated: estimated) { return false }
            try database.run(
                """
                UPDATE connections SET status = ?, disconnected_at = ?, disconnect_source = ?,
                    disconnect_time_estimated = ?, updated_at = ?
                WHERE connection_id = ?
                """,
                [
                    .text(ConnectionStatus.disconnected.rawValue), .time(time), .text(source.rawValue),
                    .bool(estimated), .time(now()), .text(id.rawValue),
                ])
            try recordEvent(
                ConnectionEvent(
                    connectionID: id, time: time, from: previous.status, to: .disconnected, source: source,
                    estimated: estimated,
                    note: previous.disconnectedAt == nil ? nil : "disconnect time corrected"))
            return true
        }
    }

    func existingConnection(_ id: ConnectionID) throws -> ConnectionRecord {
        guard let record = try connection(id) else { throw RunStop.notInRoster(id) }
        return record
    }

    static func detailValues(_ details: ConnectionDetails) -> [SQLiteValue] {
        [
            .text(details.companyID?.rawValue), .text(details.providerID?.rawValue),
            .text(details.clientType),
            .text(details.connectionType), .bool(details.assisted), .text(details.productsJSON),
            .text(details.status.rawValue), .text(details.statusMessage), .text(details.lastSuccessfulSync),
            .text(details.entitiesJSON),
        ]
    }
}
