import Foundation
import PostgresNIO

/// The request log, the period totals that outlive `--keep-runs`, and forced refreshes
/// (`SQLiteStore+RequestLog`, `+PeriodTotals`, `+RefreshJobs`).
extension PostgresStore {
    public func logRequests(_ entries: [RequestLogEntry]) async throws {
        try await writing("logging requests") { connection in
            for entry in entries {
                try await execute(
                    """
                    INSERT INTO paybatch.request_log (run_id, request_id, connection_id, endpoint, http_status,
                        finch_code, time, attempt)
                    VALUES (\(entry.runID), \(entry.requestID?.rawValue), \(entry.connectionID?.rawValue),
                        \(entry.endpoint), \(entry.httpStatus), \(entry.finchCode), \(stamp(entry.time)),
                        \(entry.attempt))
                    """, on: connection)
            }
        }
    }

    /// The connection's last call in the run that an answer came to (whatever its status).
    public func lastAnsweredRequestID(runID: String, connection: ConnectionID) async throws -> RequestID? {
        try await reading("reading the request log") { db in
            try await rows(
                """
                SELECT request_id FROM paybatch.request_log
                WHERE run_id = \(runID) AND connection_id = \(connection.rawValue)
                    AND request_id IS NOT NULL AND http_status IS NOT NULL
                ORDER BY log_id DESC LIMIT 1
                """, on: db
            ) { try $0.text(0).map(RequestID.init) }.first ?? nil
        }
    }

    /// Oldest first, narrowed to a run and/or a connection when given.
    public func requestLog(runID: String?, connection: ConnectionID?) async throws -> [RequestLogEntry] {
        try await reading("reading the request log") { db in
            try await rows(
                """
                SELECT run_id, request_id, connection_id, endpoint, http_status, finch_code, time, attempt
                FROM paybatch.request_log
                WHERE (\(runID)::text IS NULL OR run_id = \(runID))
                    AND (\(connection?.rawValue)::text IS NULL OR connection_id = \(connection?.rawValue))
                ORDER BY log_id
                """, on: db
            ) {
                RequestLogEntry(
                    runID: try $0.text(0), requestID: try $0.text(1).map(RequestID.init),
                    connectionID: try $0.text(2).map(ConnectionID.init), endpoint: try $0.text(3) ?? "",
                    httpStatus: try $0.int(4), finchCode: try $0.text(5),
                    time: try $0.time(6) ?? .distantPast,
                    attempt: try $0.int(7) ?? 1)
            }
        }
    }

    /// Replaces any totals the run recorded before, in one transaction.
    public func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date
    ) async throws {
        try await writing("recording period totals") { connection in
            try await lock(.periodTotals, on: connection)
            try await execute("DELETE FROM paybatch.period_totals WHERE run_id = \(runID)", on: connection)
            for record in records {
                for money in record.storedMoney {
                    try await execute(
                        """
                        INSERT INTO paybatch.period_totals (period, run_id, finished_at, connection_id, entity_id,
                            export_status, individuals, payments, pay_statements, currency, gross, net)
                        VALUES (\(period.description), \(runID), \(stamp(finishedAt)),
                            \(record.connectionID.rawValue), \(record.entityID?.rawValue ?? ""),
                            \(record.exportStatus.rawValue), \(record.individuals), \(record.payments),
                            \(record.payStatements), \(money.currency ?? ""), \(money.gross?.value),
                            \(money.net?.value))
                        """, on: connection)
                }
            }
        }
    }

    public func latestPeriodTotals(
        period: Period
    ) async throws -> (runID: String, totals: [PeriodTotalsRecord])? {
        try await reading("reading period totals") { db in
            let latest = try await rows(
                """
                SELECT run_id FROM paybatch.period_totals WHERE period = \(period.description)
                ORDER BY finished_at DESC, run_id DESC LIMIT 1
                """, on: db
            ) { try $0.text(0) }.first
            guard let latest, let runID = latest else { return nil }
            let stored = try await rows(
                """
                SELECT connection_id, export_status, individuals, payments, pay_statements, currency, gross, net,
                    entity_id
                FROM paybatch.period_totals WHERE run_id = \(runID) ORDER BY connection_id, entity_id, currency
                """, on: db
            ) { row in
                PeriodTotalsRecord.StoredRow(
                    connection: try row.text(0) ?? "", status: try row.text(1) ?? "",
                    people: try row.int(2) ?? 0,
                    payments: try row.int(3) ?? 0, statements: try row.int(4) ?? 0,
                    currency: try row.text(5) ?? "",
                    gross: try row.int64(6).map(Cents.init), net: try row.int64(7).map(Cents.init),
                    entity: try row.text(8) ?? "")
            }
            return (runID, PeriodTotalsRecord.records(fromStored: stored))
        }
    }

    /// Inserts `record` (no `refreshID`) or updates its row; returns the row's id.
    public func saveRefreshJob(_ record: RefreshJobRecord) async throws -> Int64 {
        try await writing("recording a refresh") { connection in
            if let id = record.refreshID {
                try await execute(
                    """
                    UPDATE paybatch.refresh_jobs SET connection_id = \(record.connectionID.rawValue),
                        job_id = \(record.jobID), requested_at = \(stamp(record.requestedAt)),
                        updated_at = \(stamp(record.updatedAt)), status = \(record.status.rawValue),
                        allowed_refreshes = \(record.allowedRefreshes),
                        remaining_refreshes = \(record.remainingRefreshes), retry_at = \(record.retryAt),
                        request_id = \(record.requestID?.rawValue), message = \(record.message)
                    WHERE refresh_id = \(id)
                    """, on: connection)
                return id
            }
            return try await rows(
                """
                INSERT INTO paybatch.refresh_jobs (connection_id, job_id, requested_at, updated_at, status,
                    allowed_refreshes, remaining_refreshes, retry_at, request_id, message)
                VALUES (\(record.connectionID.rawValue), \(record.jobID), \(stamp(record.requestedAt)),
                    \(stamp(record.updatedAt)), \(record.status.rawValue), \(record.allowedRefreshes),
                    \(record.remainingRefreshes), \(record.retryAt), \(record.requestID?.rawValue), \(record.message))
                RETURNING refresh_id
                """, on: connection
            ) { try $0.int64(0) ?? 0 }.first ?? 0
        }
    }

    /// Each connection's latest refresh, by connection id.
    public func latestRefreshJobs() async throws -> [RefreshJobRecord] {
        try await reading("reading refreshes") { db in
            try await rows(
                """
                SELECT refresh_id, connection_id, job_id, requested_at, updated_at, status, allowed_refreshes,
                    remaining_refreshes, retry_at, request_id, message
                FROM paybatch.refresh_jobs
                WHERE refresh_id IN (SELECT max(refresh_id) FROM paybatch.refresh_jobs GROUP BY connection_id)
                ORDER BY connection_id
                """, on: db
            ) { row in
                RefreshJobRecord(
                    refreshID: try row.int64(0), connectionID: ConnectionID(try row.text(1) ?? ""),
                    jobID: try row.text(2), requestedAt: try row.time(3) ?? Date(timeIntervalSince1970: 0),
                    updatedAt: try row.time(4), status: RefreshJobStatus(rawValue: try row.text(5) ?? ""),
                    allowedRefreshes: try row.int(6), remainingRefreshes: try row.int(7),
                    retryAt: try row.text(8),
                    requestID: try row.text(9).map(RequestID.init), message: try row.text(10))
            }
        }
    }
}
