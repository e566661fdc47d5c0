import Foundation

extension SQLiteStore {
    public func connection(_ id: ConnectionID) throws -> ConnectionRecord? {
        try database.query(
            "SELECT \(StoreColumns.connection) FROM connections WHERE connection_id = ?",
            [.text(id.rawValue)],
            row: Self.connectionRecord
        ).first
    }

    /// Every connection sorted by (customer_id, connection_id), bytewise as SPEC §8 sorts.
    /// Never holds a token: `decryptAccessToken(for:)` is the one way to one.
    public func connections(includingDisconnected: Bool = true) throws -> [ConnectionRecord] {
        let filter = includingDisconnected ? "" : "WHERE disconnected_at IS NULL"
        return try database.query(
            "SELECT \(StoreColumns.connection) FROM connections \(filter) ORDER BY customer_id, connection_id",
            row: Self.connectionRecord)
    }

    /// Records one status change (callers normally let add/update/disconnect record it).
    public func recordEvent(_ event: ConnectionEvent) throws {
        try database.run(
            """
            INSERT INTO connection_events (connection_id, time, from_status, to_status, source, estimated, note)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(event.connectionID.rawValue), .time(event.time), .text(event.from?.rawValue),
                .text(event.to.rawValue), .text(event.source.rawValue), .bool(event.estimated),
                .text(event.note),
            ])
    }

    /// The history of one connection (or of all, by connection), oldest first.
    public func events(for id: ConnectionID? = nil) throws -> [ConnectionEvent] {
        let filter = id == nil ? "" : "WHERE connection_id = ?"
        return try database.query(
            """
            SELECT connection_id, time, from_status, to_status, source, estimated, note
            FROM connection_events \(filter) ORDER BY connection_id, time, event_id
            """, id.map { [.text($0.rawValue)] } ?? []
        ) {
            ConnectionEvent(
                connectionID: ConnectionID($0.text(0) ?? ""), time: $0.time(1) ?? .distantPast,
                from: $0.text(2).map(ConnectionStatus.init), to: ConnectionStatus($0.text(3) ?? ""),
                source: ConnectionEventSource($0.text(4) ?? ""), estimated: $0.bool(5) ?? false,
                note: $0.text(6))
        }
    }

    private static func connectionRecord(_ row: SQLiteStatement) -> ConnectionRecord {
        let details = ConnectionDetails(
            companyID: row.text(2).map(CompanyID.init), providerID: row.text(3).map(ProviderID.init),
            clientType: row.text(4), connectionType: row.text(5), assisted: row.bool(6),
            products: ConnectionDetails.products(fromJSON: row.text(7)),
            status: ConnectionStatus(row.text(8) ?? ""), statusMessage: row.text(9),
            lastSuccessfulSync: row.text(10),
            entities: ConnectionDetails.entities(fromJSON: row.text(19)))
        return ConnectionRecord(
            connectionID: ConnectionID(row.text(0) ?? ""), customerID: CustomerID(row.text(1) ?? ""),
            details: details, createdAt: row.text(11), addedAt: row.time(12) ?? .distantPast,
            updatedAt: row.time(13) ?? .distantPast, disconnectedAt: row.time(14),
            disconnectSource: row.text(15).map(ConnectionEventSource.init),
            disconnectTimeEstimated: row.bool(16) ?? false,
            tokenFingerprint: row.text(17).map(TokenFingerprint.init),
            tokenHint: row.text(18))
    }
}
