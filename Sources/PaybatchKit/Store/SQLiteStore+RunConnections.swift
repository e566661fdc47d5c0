import Foundation

/// Per-run connection outcomes, and the response copies that let a run render a connection whose
/// data an earlier run fetched (each run renders only from its own stored responses, so pruning
/// old runs never takes a reused connection's data away).
extension SQLiteStore {
    /// Records (or replaces) what `runID` made of `connection`.
    public func saveRunConnection(
        _ record: RunConnectionRecord, runID: String, connection: ConnectionID
    ) throws {
        let json = try record.storedJSON()
        try database.run(
            """
            INSERT INTO run_connections (run_id, connection_id, status, source, outcome, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(run_id, connection_id) DO UPDATE SET status = excluded.status,
                source = excluded.source, outcome = excluded.outcome, updated_at = excluded.updated_at
            """,
            [
                .text(runID), .text(connection.rawValue), .text(record.status.rawValue), .text(record.source),
                .text(json), .time(now()),
            ])
    }

    /// Every connection outcome recorded for a run.
    public func runConnections(runID: String) throws -> [ConnectionID: RunConnectionRecord] {
        let rows = try database.query(
            "SELECT connection_id, outcome FROM run_connections WHERE run_id = ?", [.text(runID)]
        ) { (ConnectionID($0.text(0) ?? ""), $0.text(1) ?? "") }
        var records: [ConnectionID: RunConnectionRecord] = [:]
        for (id, json) in rows {
            records[id] = RunConnectionRecord(storedJSON: json)
        }
        return records
    }

    /// The newest run of the period other than `excluding` that recorded the connection with
    /// stored responses, with what it made of it (`--only` renders unnamed connections from it).
    public func latestStoredOutcome(
        period: Period, command: String, connection: ConnectionID, excluding runID: String,
        among eligible: (RunRecord) -> Bool = { _ in true }
    ) throws -> (runID: String, record: RunConnectionRecord)? {
        for run in try runs(period: period, command: command) where run.runID != runID && eligible(run) {
            guard let record = try runConnections(runID: run.runID)[connection],
                record.status != .notFetched,
                try !responses(runID: run.runID, connection: connection).isEmpty
            else { continue }
            return (run.runID, record)
        }
        return nil
    }

    /// Copies a connection's stored responses from one run into another, re-encrypted under the
    /// new run's associated data; responses the target already has (its fresh introspect) stay.
    /// Returns how many were copied.
    @discardableResult
    public func copyResponses(from source: String, to target: String, connection: ConnectionID) throws -> Int
    {
        let have = Set(try responses(runID: target, connection: connection).map(\.requestKey))
        var copied = 0
        try database.transaction {
            for info in try responses(runID: source, connection: connection)
            where !have.contains(info.requestKey) {
                guard
                    let body = try responseBody(
                        runID: source, connection: connection, requestKey: info.requestKey)
                else { continue }
                var copy = info
                copy.runID = target
                try storeResponse(copy, body: body)
                copied += 1
            }
        }
        return copied
    }

    /// Deletes a connection's stored responses in a run except those of `keeping` (a resumed run
    /// whose connection synced again fetches it whole: one connection's data never mixes syncs).
    @discardableResult
    public func deleteResponses(
        runID: String, connection: ConnectionID, keeping endpoint: String
    ) throws -> Int {
        try database.run(
            "DELETE FROM responses WHERE run_id = ? AND connection_id = ? AND endpoint != ?",
            [.text(runID), .text(connection.rawValue), .text(endpoint)])
    }

    /// Forgets what a run stored of its connections' data: every answer but the introspects, and
    /// what it recorded of each connection. Its request log stays (the run's calls are counted
    /// over all its invocations). Returns the answers deleted.
    @discardableResult
    public func deleteDataAnswers(runID: String, keeping endpoint: String) throws -> Int {
        try database.transaction {
            _ = try database.run("DELETE FROM run_connections WHERE run_id = ?", [.text(runID)])
            return try database.run(
                "DELETE FROM responses WHERE run_id = ? AND endpoint != ?", [.text(runID), .text(endpoint)])
        }
    }
}
