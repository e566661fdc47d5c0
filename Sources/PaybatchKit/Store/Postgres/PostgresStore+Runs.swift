import Foundation
import PostgresNIO

/// Runs and what each made of its connections (`SQLiteStore+Runs`, `+RunConnections`). Newest
/// first is `started_at` then `position` (the order created), as SQLite's `started_at, rowid`.
extension PostgresStore {
    public func createRun(_ run: RunRecord) async throws {
        try await writing("recording a run") { connection in
            try await execute(
                """
                INSERT INTO paybatch.runs (\(unescaped: StoreColumns.run))
                VALUES (\(run.runID), \(run.period.description), \(run.command), \(stamp(run.startedAt)),
                    \(stamp(run.finishedAt)), \(run.status.rawValue), \(run.exitCode.map(Int.init)), \(run.options))
                """, on: connection)
        }
    }

    public func finishRun(
        _ runID: String, status: RunRecord.Status, exitCode: Int32, at time: Date
    ) async throws {
        try await writing("recording how a run ended") { connection in
            try await execute(
                """
                UPDATE paybatch.runs SET status = \(status.rawValue), exit_code = \(Int(exitCode)),
                    finished_at = \(stamp(time))
                WHERE run_id = \(runID)
                """, on: connection)
        }
    }

    public func run(_ runID: String) async throws -> RunRecord? {
        try await reading("reading a run") { connection in
            try await rows(
                "SELECT \(unescaped: StoreColumns.run) FROM paybatch.runs WHERE run_id = \(runID)",
                on: connection,
                Self.runRecord
            ).first
        }
    }

    public func runs(period: Period, command: String) async throws -> [RunRecord] {
        try await reading("reading runs") { connection in
            try await rows(
                """
                SELECT \(unescaped: StoreColumns.run) FROM paybatch.runs
                WHERE period = \(period.description) AND command = \(command)
                ORDER BY started_at DESC, position DESC
                """, on: connection, Self.runRecord)
        }
    }

    public func allRuns() async throws -> [RunRecord] {
        try await reading("reading runs") { connection in
            try await rows(
                "SELECT \(unescaped: StoreColumns.run) FROM paybatch.runs ORDER BY started_at DESC, position DESC",
                on: connection, Self.runRecord)
        }
    }

    /// One statement: the runs past the latest `keep` of the period lose their answers.
    public func pruneResponses(period: Period, command: String, keepingLatest keep: Int) async throws -> Int {
        try await writing("pruning stored responses") { connection in
            try await count(
                """
                DELETE FROM paybatch.responses WHERE run_id IN (
                    SELECT run_id FROM paybatch.runs WHERE period = \(period.description) AND command = \(command)
                    ORDER BY started_at DESC, position DESC OFFSET \(max(keep, 0)))
                RETURNING 1
                """, on: connection)
        }
    }

    public func saveRunConnection(
        _ record: RunConnectionRecord, runID: String, connection: ConnectionID
    ) async throws {
        let json = try record.storedJSON()
        try await writing("recording a run's connection") { db in
            try await execute(
                """
                INSERT INTO paybatch.run_connections (run_id, connection_id, status, source, outcome, updated_at)
                VALUES (\(runID), \(connection.rawValue), \(record.status.rawValue), \(record.source), \(json),
                    \(stamp(now())))
                ON CONFLICT (run_id, connection_id) DO UPDATE SET status = excluded.status,
                    source = excluded.source, outcome = excluded.outcome, updated_at = excluded.updated_at
                """, on: db)
        }
    }

    public func runConnections(runID: String) async throws -> [ConnectionID: RunConnectionRecord] {
        let stored = try await reading("reading a run's connections") { db in
            try await rows(
                "SELECT connection_id, outcome FROM paybatch.run_connections WHERE run_id = \(runID)", on: db
            ) { (ConnectionID(try $0.text(0) ?? ""), try $0.text(1) ?? "") }
        }
        var records: [ConnectionID: RunConnectionRecord] = [:]
        for (id, json) in stored { records[id] = RunConnectionRecord(storedJSON: json) }
        return records
    }

    /// One query lists, newest first, the period's runs that recorded the connection and kept
    /// answers of it; the first eligible whose record is readable and fetched wins, as in SQLite.
    public func latestStoredOutcome(
        period: Period, command: String, connection: ConnectionID, excluding runID: String,
        among eligible: @Sendable (RunRecord) -> Bool
    ) async throws -> (runID: String, record: RunConnectionRecord)? {
        let candidates = try await reading("reading earlier runs") { db in
            try await rows(
                """
                SELECT r.run_id, r.period, r.command, r.started_at, r.finished_at, r.status, r.exit_code,
                    r.options, c.outcome
                FROM paybatch.runs r
                JOIN paybatch.run_connections c USING (run_id)
                WHERE r.period = \(period.description) AND r.command = \(command) AND r.run_id <> \(runID)
                    AND c.connection_id = \(connection.rawValue)
                    AND EXISTS (SELECT 1 FROM paybatch.responses s
                        WHERE s.run_id = r.run_id AND s.connection_id = c.connection_id)
                ORDER BY r.started_at DESC, r.position DESC
                """, on: db
            ) { (try Self.runRecord($0), try $0.text(8) ?? "") }
        }
        for (run, json) in candidates where eligible(run) {
            guard let record = RunConnectionRecord(storedJSON: json), record.status != .notFetched else {
                continue
            }
            return (run.runID, record)
        }
        return nil
    }

    /// In one transaction: every answer of the run but `endpoint`'s, what it recorded of its
    /// connections, and its new options (its request log stays).
    public func forgetData(runID: String, keeping endpoint: String, options: String) async throws {
        try await writing("forgetting a run's data") { db in
            try await execute("DELETE FROM paybatch.run_connections WHERE run_id = \(runID)", on: db)
            try await execute(
                "DELETE FROM paybatch.responses WHERE run_id = \(runID) AND endpoint <> \(endpoint)", on: db)
            try await execute("UPDATE paybatch.runs SET options = \(options) WHERE run_id = \(runID)", on: db)
        }
    }

    private static func runRecord(_ row: PostgresRowValues) throws -> RunRecord {
        // An unreadable period reads as 1970-01, as in SQLite (paybatch writes only valid ones).
        RunRecord(
            runID: try row.text(0) ?? "", period: Period(try row.text(1) ?? "") ?? Period.epoch,
            command: try row.text(2) ?? "",
            startedAt: try row.time(3) ?? .distantPast, finishedAt: try row.time(4),
            status: RunRecord.Status(try row.text(5) ?? ""),
            exitCode: try row.int64(6).map { Int32(truncatingIfNeeded: $0) }, options: try row.text(7) ?? "{}"
        )
    }
}
