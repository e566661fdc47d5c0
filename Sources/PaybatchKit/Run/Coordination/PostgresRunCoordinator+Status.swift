import Foundation
import PostgresNIO

extension PostgresRunCoordinator {
    public func status(period: Period) async throws -> RunCoordinationStatus? {
        let runs = try await client.query(
            """
            SELECT run_id, parameters, started_at, renderer, published_at, exit_code
            FROM paybatch.shared_runs WHERE period = \(period.description) AND abandoned_at IS NULL
            ORDER BY started_at DESC LIMIT 1
            """, logger: logger)
        var found: (String, String, Date, String?, Date?, Int?)?
        for try await row in runs.decode((String, String, Date, String?, Date?, Int?).self) { found = row }
        guard let (runID, parameters, startedAt, renderer, publishedAt, code) = found else { return nil }
        return RunCoordinationStatus(
            runID: runID, period: period, parameters: try Self.decoded(parameters), startedAt: startedAt,
            progress: try await progress(runID: runID), workers: try await workers(of: runID),
            renderer: renderer.map(WorkerID.init), publishedAt: publishedAt,
            exitStatus: code.flatMap { ExitStatus(rawValue: Int32($0)) })
    }

    /// The latest shared run of any period, as `status(period:)` shows it (`paybatch status`); nil
    /// when there is none, or when the store has no tables of shared runs yet (`createSchema`
    /// makes them when the first worker joins), which is no failure.
    public func latestStatus() async throws -> RunCoordinationStatus? {
        guard try await tablesExist() else { return nil }
        let rows = try await client.query(
            """
            SELECT period FROM paybatch.shared_runs WHERE abandoned_at IS NULL
            ORDER BY started_at DESC LIMIT 1
            """, logger: logger)
        var latest: Period?
        for try await period in rows.decode(String.self) { latest = Period(period) }
        guard let latest else { return nil }
        return try await status(period: latest)
    }

    /// Whether `createSchema` made the tables of shared runs in this database.
    private func tablesExist() async throws -> Bool {
        let rows = try await client.query(
            "SELECT to_regclass('paybatch.shared_runs') IS NOT NULL", logger: logger)
        var exists = false
        for try await found in rows.decode(Bool.self) { exists = found }
        return exists
    }

    /// The run's workers in the order they joined, each with the connections it holds undone.
    private func workers(of runID: String) async throws -> [RunCoordinationStatus.Worker] {
        var claims: [WorkerID: [RunCoordinationStatus.Claim]] = [:]
        let held = try await client.query(
            """
            SELECT worker, connection_id, claims, extract(epoch FROM lease_until - clock_timestamp())::float8
            FROM paybatch.run_claims
            WHERE run_id = \(runID) AND done_at IS NULL AND worker IS NOT NULL ORDER BY claim_order
            """, logger: logger)
        for try await (worker, connection, attempt, left) in held.decode((String, String, Int, Double?).self)
        {
            claims[WorkerID(worker), default: []].append(
                RunCoordinationStatus.Claim(
                    connection: ConnectionID(connection), attempt: attempt, leaseLeft: left))
        }
        var workers: [RunCoordinationStatus.Worker] = []
        let rows = try await client.query(
            """
            SELECT worker, joined_at, extract(epoch FROM clock_timestamp() - last_seen)::float8
            FROM paybatch.run_workers WHERE run_id = \(runID) ORDER BY joined_at, worker
            """, logger: logger)
        for try await (worker, joinedAt, silent) in rows.decode((String, Date, Double).self) {
            let id = WorkerID(worker)
            workers.append(
                RunCoordinationStatus.Worker(
                    id: id, joinedAt: joinedAt, silentFor: silent, claims: claims[id] ?? []))
        }
        return workers
    }
}
