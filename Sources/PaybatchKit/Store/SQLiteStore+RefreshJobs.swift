import Foundation

/// Forced refreshes and their jobs (`refresh_jobs`, schema version 5).
extension SQLiteStore {
    /// Inserts `record` (no `refreshID`) or updates its row; returns the row id.
    @discardableResult
    public func saveRefreshJob(_ record: RefreshJobRecord) throws -> Int64 {
        let values: [SQLiteValue] = [
            .text(record.connectionID.rawValue), .text(record.jobID), .time(record.requestedAt),
            .time(record.updatedAt), .text(record.status.rawValue), .integer(record.allowedRefreshes),
            .integer(record.remainingRefreshes), .text(record.retryAt), .text(record.requestID?.rawValue),
            .text(record.message),
        ]
        if let id = record.refreshID {
            _ = try database.run(
                """
                UPDATE refresh_jobs SET connection_id = ?, job_id = ?, requested_at = ?, updated_at = ?,
                    status = ?, allowed_refreshes = ?, remaining_refreshes = ?, retry_at = ?,
                    request_id = ?, message = ?
                WHERE refresh_id = ?
                """, values + [.integer(Int(id))])
            return id
        }
        _ = try database.run(
            """
            INSERT INTO refresh_jobs (connection_id, job_id, requested_at, updated_at, status,
                allowed_refreshes, remaining_refreshes, retry_at, request_id, message)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, values)
        return Int64(try database.scalarInt("SELECT last_insert_rowid()") ?? 0)
    }

    /// Each connection's latest refresh, by connection id.
    public func latestRefreshJobs() throws -> [RefreshJobRecord] {
        try database.query(
            """
            SELECT refresh_id, connection_id, job_id, requested_at, updated_at, status, allowed_refreshes,
                remaining_refreshes, retry_at, request_id, message
            FROM refresh_jobs
            WHERE refresh_id IN (SELECT max(refresh_id) FROM refresh_jobs GROUP BY connection_id)
            ORDER BY connection_id
            """
        ) { row in
            RefreshJobRecord(
                refreshID: row.int64(0), connectionID: ConnectionID(row.text(1) ?? ""), jobID: row.text(2),
                requestedAt: row.time(3) ?? Date(timeIntervalSince1970: 0), updatedAt: row.time(4),
                status: RefreshJobStatus(rawValue: row.text(5) ?? ""), allowedRefreshes: row.int(6),
                remainingRefreshes: row.int(7), retryAt: row.text(8),
                requestID: row.text(9).map(RequestID.init), message: row.text(10))
        }
    }
}
