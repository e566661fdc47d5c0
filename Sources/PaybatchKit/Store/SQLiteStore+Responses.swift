import CSQLite
import Foundation

/// Stored Finch responses: one row per (run, connection, request key), the body encrypted with
/// associated data `v1|kid|responses|body|<run>/<connection>/<request key>`.
extension SQLiteStore {
    /// Stores one response with its body encrypted; storing the same request again replaces it
    /// in place (it keeps its position in the stored order). The row is made with a zero-filled
    /// blob of the envelope's size before the body is sealed, and the envelope is then written
    /// into it in place: SQLite's copy of the row and the ciphertext are never in memory together
    /// with the body, and no copy of the envelope is made (peak memory, BENCHMARKS.md).
    public func storeResponse(_ info: StoredResponse, body: Data) throws {
        let (cipher, location) = (try cipher, StoredSecret.location(of: info))
        let (kid, size) = cipher.sealedSize(ofPlaintext: body.count)
        try database.transaction {
            try database.run(
                """
                INSERT INTO responses (\(StoreColumns.response), kid, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, zeroblob(?))
                ON CONFLICT(run_id, connection_id, request_key) DO UPDATE SET endpoint = excluded.endpoint,
                    http_status = excluded.http_status, request_id = excluded.request_id,
                    data_retrieved = excluded.data_retrieved, created_at = excluded.created_at,
                    entity_id = excluded.entity_id, kid = excluded.kid,
                    body = excluded.body
                """, Self.responseValues(info) + [.text(kid), .integer(Int64(size))])
            let rowID = try database.scalarInt(
                "SELECT rowid FROM responses WHERE run_id = ? AND connection_id = ? AND request_key = ?",
                [.text(info.runID), .text(info.connectionID.rawValue), .text(info.requestKey)])
            let envelope = cipher.seal(body, at: location)
            let (header, sealed) = (envelope.header, envelope.sealed)
            guard let rowID, envelope.kid == kid, header.count + sealed.count == size else {
                throw SQLiteFailure(
                    code: SQLITE_INTERNAL, path: database.path, operation: "storing a response",
                    sqliteMessage: "the row or the envelope's size is not what was planned")
            }
            try database.writeBlob(table: "responses", column: "body", rowID: Int64(rowID), [header, sealed])
        }
    }

    /// Resume's question: is this request's response stored for this run? (No decryption.)
    public func responseInfo(
        runID: String, connection: ConnectionID, requestKey: String
    ) throws -> StoredResponse? {
        try database.query(
            "SELECT \(StoreColumns.response) FROM responses WHERE run_id = ? AND connection_id = ? AND request_key = ?",
            [.text(runID), .text(connection.rawValue), .text(requestKey)], row: Self.responseInfo
        ).first
    }

    /// One stored body, decrypted; nil when not stored.
    public func responseBody(runID: String, connection: ConnectionID, requestKey: String) throws -> Data? {
        let rows = try database.query(
            """
            SELECT \(StoreColumns.response), body FROM responses
            WHERE run_id = ? AND connection_id = ? AND request_key = ?
            """, [.text(runID), .text(connection.rawValue), .text(requestKey)]
        ) { (Self.responseInfo($0), $0.blob(9) ?? Data()) }
        guard let (info, stored) = rows.first else { return nil }
        return try cipher.open(stored, at: StoredSecret.location(of: info))
    }

    /// The descriptions of a run's stored responses (of one connection, of one endpoint, when
    /// given), in the order they were stored; a response stored again keeps its place.
    /// `entity`: only that entity's answers, when given (else every one's).
    public func responses(
        runID: String, connection: ConnectionID? = nil, endpoint: String? = nil, entity: EntityID? = nil
    ) throws -> [StoredResponse] {
        var (filter, values) = Self.responseFilter(runID: runID, connection: connection, endpoint: endpoint)
        if let entity {
            filter += " AND entity_id = ?"
            values.append(.text(entity.rawValue))
        }
        return try database.query(
            "SELECT \(StoreColumns.response) FROM responses \(filter) ORDER BY rowid", values,
            row: Self.responseInfo)
    }

    /// Streams a run's stored responses one at a time, bodies decrypted, in the order they were
    /// stored: only one body is in memory at once. Do not write responses from inside `body`.
    public func forEachResponse(
        runID: String, connection: ConnectionID? = nil, endpoint: String? = nil,
        _ body: (StoredResponse, Data) throws -> Void
    ) throws {
        let cipher = try self.cipher
        let (filter, values) = Self.responseFilter(runID: runID, connection: connection, endpoint: endpoint)
        let statement = try database.prepare(
            "SELECT \(StoreColumns.response), body FROM responses \(filter) ORDER BY rowid"
        ).bind(values)
        while try statement.step() {
            let info = Self.responseInfo(statement)
            try body(info, try cipher.open(statement.blob(9) ?? Data(), at: StoredSecret.location(of: info)))
        }
    }

    func firstResponse(kid: String) throws -> (StoredResponse, Data)? {
        try database.query(
            "SELECT \(StoreColumns.response), body FROM responses WHERE kid = ? LIMIT 1", [.text(kid)]
        ) { (Self.responseInfo($0), $0.blob(9) ?? Data()) }.first
    }

    private static func responseFilter(
        runID: String, connection: ConnectionID?, endpoint: String?
    ) -> (String, [SQLiteValue]) {
        var clauses = ["run_id = ?"]
        var values: [SQLiteValue] = [.text(runID)]
        if let connection {
            clauses.append("connection_id = ?")
            values.append(.text(connection.rawValue))
        }
        if let endpoint {
            clauses.append("endpoint = ?")
            values.append(.text(endpoint))
        }
        return ("WHERE " + clauses.joined(separator: " AND "), values)
    }

    static func responseValues(_ info: StoredResponse) -> [SQLiteValue] {
        [
            .text(info.runID), .text(info.connectionID.rawValue), .text(info.requestKey),
            .text(info.endpoint),
            .integer(info.httpStatus), .text(info.requestID?.rawValue), .text(info.dataRetrieved),
            .time(info.createdAt), .text(info.entity?.rawValue),
        ]
    }

    static func responseInfo(_ row: SQLiteStatement) -> StoredResponse {
        StoredResponse(
            runID: row.text(0) ?? "", connectionID: ConnectionID(row.text(1) ?? ""),
            requestKey: row.text(2) ?? "",
            endpoint: row.text(3) ?? "", httpStatus: row.int(4) ?? 0,
            requestID: row.text(5).map(RequestID.init),
            dataRetrieved: row.text(6), createdAt: row.time(7) ?? .distantPast,
            entity: row.text(8).map(EntityID.init))
    }
}
