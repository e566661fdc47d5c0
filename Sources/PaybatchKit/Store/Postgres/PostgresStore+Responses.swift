import Foundation
import PostgresNIO

/// Stored Finch answers, bodies sealed in Swift under `StoredSecret.location(of:)`, in the order
/// first stored (`position`, an identity column an upsert leaves alone), as
/// `SQLiteStore+Responses`. The body is sent whole: there is no incremental blob write here, so a
/// store keeps the body and its envelope in memory together for the moment of the insert.
extension PostgresStore {
    public func storeResponse(_ info: StoredResponse, body: Data) async throws {
        let cipher = try await cipher()
        _ = try await writing("storing a response") { connection in
            try await storeResponse(info, body: body, cipher: cipher, replacing: true, on: connection)
        }
    }

    /// Inserts one answer, or (`replacing`) replaces the same request's in place; returns whether
    /// a row was written (without `replacing`, an answer already there stays).
    @discardableResult
    func storeResponse(
        _ info: StoredResponse, body: Data, cipher: SecretCipher, replacing: Bool,
        on connection: PostgresConnection
    ) async throws -> Bool {
        let envelope = cipher.seal(body, at: StoredSecret.location(of: info))
        let conflict =
            replacing
            ? """
            DO UPDATE SET endpoint = excluded.endpoint, http_status = excluded.http_status,
                request_id = excluded.request_id, data_retrieved = excluded.data_retrieved,
                created_at = excluded.created_at, entity_id = excluded.entity_id, kid = excluded.kid,
                body = excluded.body
            """ : "DO NOTHING"
        return try await count(
            try """
            INSERT INTO paybatch.responses (\(unescaped: StoreColumns.response), kid, body)
            VALUES (\(info.runID), \(info.connectionID.rawValue), \(info.requestKey), \(info.endpoint),
                \(info.httpStatus), \(info.requestID?.rawValue), \(info.dataRetrieved), \(stamp(info.createdAt)),
                \(info.entity?.rawValue), \(envelope.kid), \(envelope.bytes))
            ON CONFLICT (run_id, connection_id, request_key) \(unescaped: conflict)
            RETURNING 1
            """, on: connection) > 0
    }

    public func responseInfo(
        runID: String, connection: ConnectionID, requestKey: String
    ) async throws -> StoredResponse? {
        try await reading("reading a stored response") { db in
            try await rows(
                """
                SELECT \(unescaped: StoreColumns.response) FROM paybatch.responses
                WHERE run_id = \(runID) AND connection_id = \(connection.rawValue) AND request_key = \(requestKey)
                """, on: db, Self.responseInfo
            ).first
        }
    }

    public func responseBody(
        runID: String, connection: ConnectionID, requestKey: String
    ) async throws -> Data? {
        let cipher = try await cipher()
        let info = StoredResponse(
            runID: runID, connectionID: connection, requestKey: requestKey, endpoint: "", httpStatus: 0,
            createdAt: .distantPast)
        return try await reading("reading a stored response") { db in
            try await responseBody(info, cipher: cipher, on: db)
        }
    }

    /// The body of the answer `info` names (its run, connection and request key), decrypted.
    func responseBody(
        _ info: StoredResponse, cipher: SecretCipher, on connection: PostgresConnection
    ) async throws -> Data? {
        let stored = try await rows(
            """
            SELECT body FROM paybatch.responses
            WHERE run_id = \(info.runID) AND connection_id = \(info.connectionID.rawValue)
                AND request_key = \(info.requestKey)
            """, on: connection
        ) { try $0.bytes(0) ?? Data() }.first
        return try stored.map { try cipher.open($0, at: StoredSecret.location(of: info)) }
    }

    public func responses(
        runID: String, connection: ConnectionID?, endpoint: String?, entity: EntityID?
    ) async throws -> [StoredResponse] {
        try await reading("reading stored responses") { db in
            try await responses(
                runID: runID, connection: connection, endpoint: endpoint, entity: entity, on: db)
        }
    }

    func responses(
        runID: String, connection: ConnectionID?, endpoint: String? = nil, entity: EntityID? = nil,
        on db: PostgresConnection
    ) async throws -> [StoredResponse] {
        try await rows(
            """
            SELECT \(unescaped: StoreColumns.response) FROM paybatch.responses
            WHERE run_id = \(runID)
                AND (\(connection?.rawValue)::text IS NULL OR connection_id = \(connection?.rawValue))
                AND (\(endpoint)::text IS NULL OR endpoint = \(endpoint))
                AND (\(entity?.rawValue)::text IS NULL OR entity_id = \(entity?.rawValue))
            ORDER BY position
            """, on: db, Self.responseInfo)
    }

    /// Copies in the source's order, each body opened and sealed again under the target's
    /// associated data; an answer the target has stays (`ON CONFLICT DO NOTHING`, so also one a
    /// concurrent task stores meanwhile).
    public func copyResponses(
        from source: String, to target: String, connection: ConnectionID
    ) async throws -> Int {
        let cipher = try await cipher()
        return try await writing("copying stored responses") { db in
            var copied = 0
            for info in try await responses(runID: source, connection: connection, on: db) {
                guard let body = try await responseBody(info, cipher: cipher, on: db) else { continue }
                var copy = info
                copy.runID = target
                if try await storeResponse(copy, body: body, cipher: cipher, replacing: false, on: db) {
                    copied += 1
                }
            }
            return copied
        }
    }

    public func deleteResponses(
        runID: String, connection: ConnectionID, keeping endpoint: String
    ) async throws -> Int {
        try await writing("deleting stored responses") { db in
            try await count(
                """
                DELETE FROM paybatch.responses
                WHERE run_id = \(runID) AND connection_id = \(connection.rawValue) AND endpoint <> \(endpoint)
                RETURNING 1
                """, on: db)
        }
    }

    static func responseInfo(_ row: PostgresRowValues) throws -> StoredResponse {
        StoredResponse(
            runID: try row.text(0) ?? "", connectionID: ConnectionID(try row.text(1) ?? ""),
            requestKey: try row.text(2) ?? "", endpoint: try row.text(3) ?? "",
            httpStatus: try row.int(4) ?? 0,
            requestID: try row.text(5).map(RequestID.init), dataRetrieved: try row.text(6),
            createdAt: try row.time(7) ?? .distantPast, entity: try row.text(8).map(EntityID.init))
    }
}
