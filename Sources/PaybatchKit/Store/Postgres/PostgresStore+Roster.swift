import Foundation
import PostgresNIO

/// Customers and connections, with the SQLite store's outcomes (`SQLiteStore+Connections`).
/// Every roster write takes the roster lock first, so a check (is this token stored? is the
/// connection disconnected already?) and the write it decides are one step across processes.
extension PostgresStore {
    public func upsertCustomer(_ id: CustomerID, name: String) async throws {
        try await writing("storing a customer") { connection in
            try await upsertCustomer(id, name: name, on: connection)
        }
    }

    func upsertCustomer(_ id: CustomerID, name: String, on connection: PostgresConnection) async throws {
        let time = stamp(now())
        try await execute(
            """
            INSERT INTO paybatch.customers (customer_id, name, created_at, updated_at)
            VALUES (\(id.rawValue), \(name), \(time), \(time))
            ON CONFLICT (customer_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
                WHERE customers.name IS DISTINCT FROM excluded.name
            """, on: connection)
    }

    public func customer(_ id: CustomerID) async throws -> CustomerRecord? {
        try await customers(id).first
    }

    public func customers() async throws -> [CustomerRecord] { try await customers(nil) }

    private func customers(_ id: CustomerID?) async throws -> [CustomerRecord] {
        try await reading("reading customers") { connection in
            try await rows(
                """
                SELECT customer_id, name, created_at, updated_at FROM paybatch.customers
                WHERE \(id?.rawValue)::text IS NULL OR customer_id = \(id?.rawValue)
                ORDER BY customer_id
                """, on: connection
            ) {
                CustomerRecord(
                    customerID: CustomerID(try $0.text(0) ?? ""), name: try $0.text(1) ?? "",
                    createdAt: try $0.time(2) ?? .distantPast, updatedAt: try $0.time(3) ?? .distantPast)
            }
        }
    }

    public func addConnection(
        _ new: NewConnection, source: ConnectionEventSource
    ) async throws -> ConnectionAddOutcome {
        let cipher = try await cipher()
        return try await writing("adding a connection") { connection in
            try await lock(.roster, on: connection)
            try await upsertCustomer(new.customerID, name: new.customerName, on: connection)
            if let owner = try await connectionID(forToken: new.token, on: connection) {
                return .tokenAlreadyPresent(owner)
            }
            if try await self.connection(new.id, on: connection) != nil { return .connectionExists(new.id) }
            let addedAt = now()
            let (time, details) = (stamp(addedAt), new.details)
            try await execute(
                """
                INSERT INTO paybatch.connections (connection_id, customer_id, company_id, provider_id,
                    client_type, connection_type, assisted, products, status, status_message,
                    last_successful_sync, entities, created_at, added_at, updated_at, token_fingerprint,
                    token_hint)
                VALUES (\(new.id.rawValue), \(new.customerID.rawValue), \(details.companyID?.rawValue),
                    \(details.providerID?.rawValue), \(details.clientType), \(details.connectionType),
                    \(details.assisted), \(details.productsJSON), \(details.status.rawValue),
                    \(details.statusMessage), \(details.lastSuccessfulSync), \(details.entitiesJSON),
                    \(new.createdAt), \(time), \(time), \(TokenFingerprint(of: new.token).hex),
                    \(new.token.redacted))
                """, on: connection)
            try await putSecret(
                kind: StoredSecret.accessTokenKind, owner: new.id.rawValue, plaintext: new.token.secret,
                cipher: cipher, on: connection)
            try await recordEvent(
                ConnectionEvent(
                    connectionID: new.id, time: addedAt, from: nil, to: details.status, source: source),
                on: connection)
            if let disconnectedAt = new.disconnectedAt {
                _ = try await markDisconnected(
                    new.id, at: disconnectedAt, source: source, estimated: true, on: connection)
            }
            return .added
        }
    }

    public func updateDetails(
        _ id: ConnectionID, _ details: ConnectionDetails, source: ConnectionEventSource
    ) async throws -> ConnectionEvent? {
        try await writing("updating a connection") { connection in
            try await lock(.roster, on: connection)
            let previous = try await existingConnection(id, on: connection)
            let time = now()
            try await storeDetails(details, of: id, at: time, on: connection)
            guard previous.status != details.status else { return nil }
            let event = ConnectionEvent(
                connectionID: id, time: time, from: previous.status, to: details.status, source: source)
            try await recordEvent(event, on: connection)
            return event
        }
    }

    public func replaceToken(
        for id: ConnectionID, with token: AccessToken, details: ConnectionDetails?,
        source: ConnectionEventSource
    ) async throws {
        let cipher = try await cipher()
        try await writing("replacing a token") { connection in
            try await lock(.roster, on: connection)
            let previous = try await existingConnection(id, on: connection)
            if let owner = try await connectionID(forToken: token, on: connection), owner != id {
                throw RunStop(
                    .dataError, "This token is already stored for connection \(owner), not \(id).",
                    remedy: "Check which connection the employer reauthenticated.")
            }
            let newDetails = details ?? previous.details
            let time = now()
            try await storeDetails(newDetails, of: id, at: time, on: connection)
            try await execute(
                """
                UPDATE paybatch.connections
                SET token_fingerprint = \(TokenFingerprint(of: token).hex), token_hint = \(token.redacted)
                WHERE connection_id = \(id.rawValue)
                """, on: connection)
            try await putSecret(
                kind: StoredSecret.accessTokenKind, owner: id.rawValue, plaintext: token.secret,
                cipher: cipher,
                on: connection)
            try await recordEvent(
                ConnectionEvent(
                    connectionID: id, time: time, from: previous.status, to: newDetails.status,
                    source: source,
                    note: "token replaced"), on: connection)
        }
    }

    public func markDisconnected(
        _ id: ConnectionID, at time: Date, source: ConnectionEventSource, estimated: Bool
    ) async throws -> Bool {
        try await writing("marking a connection disconnected") { connection in
            try await lock(.roster, on: connection)
            return try await markDisconnected(
                id, at: time, source: source, estimated: estimated, on: connection)
        }
    }

    /// Inside the caller's transaction, which holds the roster lock.
    private func markDisconnected(
        _ id: ConnectionID, at time: Date, source: ConnectionEventSource, estimated: Bool,
        on connection: PostgresConnection
    ) async throws -> Bool {
        let previous = try await existingConnection(id, on: connection)
        if previous.keepsDisconnect(against: source, estimated: estimated) { return false }
        try await execute(
            """
            UPDATE paybatch.connections SET status = \(ConnectionStatus.disconnected.rawValue),
                disconnected_at = \(stamp(time)), disconnect_source = \(source.rawValue),
                disconnect_time_estimated = \(estimated), updated_at = \(stamp(now()))
            WHERE connection_id = \(id.rawValue)
            """, on: connection)
        try await recordEvent(
            ConnectionEvent(
                connectionID: id, time: time, from: previous.status, to: .disconnected, source: source,
                estimated: estimated, note: previous.disconnectedAt == nil ? nil : "disconnect time corrected"
            ),
            on: connection)
        return true
    }

    private func storeDetails(
        _ details: ConnectionDetails, of id: ConnectionID, at time: Date, on connection: PostgresConnection
    ) async throws {
        try await execute(
            """
            UPDATE paybatch.connections SET company_id = \(details.companyID?.rawValue),
                provider_id = \(details.providerID?.rawValue), client_type = \(details.clientType),
                connection_type = \(details.connectionType), assisted = \(details.assisted),
                products = \(details.productsJSON), status = \(details.status.rawValue),
                status_message = \(details.statusMessage), last_successful_sync = \(details.lastSuccessfulSync),
                entities = \(details.entitiesJSON), updated_at = \(stamp(time))
            WHERE connection_id = \(id.rawValue)
            """, on: connection)
    }

    private func existingConnection(
        _ id: ConnectionID, on connection: PostgresConnection
    ) async throws -> ConnectionRecord {
        guard let record = try await self.connection(id, on: connection) else {
            throw RunStop.notInRoster(id)
        }
        return record
    }
}
