import Foundation

extension SQLiteStore {
    /// Appends one request to the log.
    public func logRequest(_ entry: RequestLogEntry) throws {
        try database.run(
            """
            INSERT INTO request_log (run_id, request_id, connection_id, endpoint, http_status, finch_code, time, attempt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(entry.runID), .text(entry.requestID?.rawValue), .text(entry.connectionID?.rawValue),
                .text(entry.endpoint), .integer(entry.httpStatus), .text(entry.finchCode), .time(entry.time),
                .integer(entry.attempt),
            ])
    }

    /// The request id of the connection's last call in a run that an answer came to (whatever its
    /// status); nil when none did.
    public func lastAnsweredRequestID(runID: String, connection: ConnectionID) throws -> RequestID? {
        try database.query(
            """
            SELECT request_id FROM request_log
            WHERE run_id = ? AND connection_id = ? AND request_id IS NOT NULL AND http_status IS NOT NULL
            ORDER BY log_id DESC LIMIT 1
            """, [.text(runID), .text(connection.rawValue)]
        ) { $0.text(0).map(RequestID.init) }.first ?? nil
    }

    /// Logged requests, oldest first, narrowed to a run and/or a connection when given.
    public func requestLog(runID: String? = nil, connection: ConnectionID? = nil) throws -> [RequestLogEntry]
    {
        var clauses: [String] = []
        var values: [SQLiteValue] = []
        if let runID {
            clauses.append("run_id = ?")
            values.append(.text(runID))
        }
        if let connection {
            clauses.append("connection_id = ?")
            values.append(.text(connection.rawValue))
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try database.query(
            """
            SELECT run_id, request_id, connection_id, endpoint, http_status, finch_code, time, attempt
            FROM request_log \(filter) ORDER BY log_id
            """, values
        ) {
            RequestLogEntry(
                runID: $0.text(0), requestID: $0.text(1).map(RequestID.init),
                connectionID: $0.text(2).map(ConnectionID.init), endpoint: $0.text(3) ?? "",
                httpStatus: $0.int(4),
                finchCode: $0.text(5), time: $0.time(6) ?? .distantPast, attempt: $0.int(7) ?? 1)
        }
    }
}
