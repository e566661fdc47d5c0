import Foundation
import PostgresNIO

/// Reading connections and their history, in SQLite's orders (`SQLiteStore+ConnectionQueries`).
extension PostgresStore {
    public func connection(_ id: ConnectionID) async throws -> ConnectionRecord? {
        try await reading("reading a connection") { try await connection(id, on: $0) }
    }

    func connection(_ id: ConnectionID, on connection: PostgresConnection) async throws -> ConnectionRecord? {
        try await rows(
            """
            SELECT \(unescaped: StoreColumns.connection) FROM paybatch.connections
            WHERE connection_id = \(id.rawValue)
            """, on: connection, Self.connectionRecord
        ).first
    }

    /// By (customer_id, connection_id), bytewise (the columns are `COLLATE "C"`).
    public func connections(includingDisconnected: Bool) async throws -> [ConnectionRecord] {
        try await reading("reading connections") { connection in
            try await rows(
                """
                SELECT \(unescaped: StoreColumns.connection) FROM paybatch.connections
                WHERE \(includingDisconnected) OR disconnected_at IS NULL
                ORDER BY customer_id, connection_id
                """, on: connection, Self.connectionRecord)
        }
    }

    public func recordEvent(_ event: ConnectionEvent) async throws {
        try await writing("recording a connection event") { try await recordEvent(event, on: $0) }
    }

    func recordEvent(_ event: ConnectionEvent, on connection: PostgresConnection) async throws {
        try await execute(
            """
            INSERT INTO paybatch.connection_events (connection_id, time, from_status, to_status, source,
                estimated, note)
            VALUES (\(event.connectionID.rawValue), \(stamp(event.time)), \(event.from?.rawValue),
                \(event.to.rawValue), \(event.source.rawValue), \(event.estimated), \(event.note))
            """, on: connection)
    }

    /// One connection's history (or every one's, by connection), oldest first.
    public func events(for id: ConnectionID?) async throws -> [ConnectionEvent] {
        try await reading("reading connection events") { connection in
            try await rows(
                """
                SELECT connection_id, time, from_status, to_status, source, estimated, note
                FROM paybatch.connection_events
                WHERE \(id?.rawValue)::text IS NULL OR connection_id = \(id?.rawValue)
                ORDER BY connection_id, time, event_id
                """, on: connection
            ) {
                ConnectionEvent(
                    connectionID: ConnectionID(try $0.text(0) ?? ""), time: try $0.time(1) ?? .distantPast,
                    from: try $0.text(2).map(ConnectionStatus.init),
                    to: ConnectionStatus(try $0.text(3) ?? ""),
                    source: ConnectionEventSource(try $0.text(4) ?? ""), estimated: try $0.bool(5) ?? false,
                    note: try $0.text(6))
            }
        }
    }

    private static func connectionRecord(_ row: PostgresRowValues) throws -> ConnectionRecord {
        let details = ConnectionDetails(
            companyID: try row.text(2).map(CompanyID.init), providerID: try row.text(3).map(ProviderID.init),
            clientType: try row.text(4), connectionType: try row.text(5), assisted: try row.bool(6),
            products: ConnectionDetails.products(fromJSON: try row.text(7)),
            status: ConnectionStatus(try row.text(8) ?? ""), statusMessage: try row.text(9),
            lastSuccessfulSync: try row.text(10),
            entities: ConnectionDetails.entities(fromJSON: try row.text(19)))
        return ConnectionRecord(
            connectionID: ConnectionID(try row.text(0) ?? ""), customerID: CustomerID(try row.text(1) ?? ""),
            details: details, createdAt: try row.text(11), addedAt: try row.time(12) ?? .distantPast,
            updatedAt: try row.time(13) ?? .distantPast, disconnectedAt: try row.time(14),
            disconnectSource: try row.text(15).map(ConnectionEventSource.init),
            disconnectTimeEstimated: try row.bool(16) ?? false,
            tokenFingerprint: try row.text(17).map(TokenFingerprint.init),
            tokenHint: try row.text(18))
    }
}
