import Foundation
import Logging
import PostgresNIO

/// Shares one export run of a period among paybatch workers on many hosts through PostgreSQL
/// (issue 22). Every decision is one statement (or one transaction) on the database's clock, so
/// workers whose clocks disagree still agree on leases and windows: a connection is claimed with
/// `FOR UPDATE SKIP LOCKED` under a lease its worker's heartbeat renews, the renderer is elected by
/// an `UPDATE … WHERE renderer IS NULL`, and a lease that runs out hands either to another worker.
public struct PostgresRunCoordinator: RunCoordinator {
    public let worker: WorkerID
    public let timing: RunCoordinationTiming
    let client: PostgresClient
    let logger = Logger(label: "paybatch.run-coordinator") { _ in SwiftLogNoOpLogHandler() }

    public init(
        client: PostgresClient, worker: WorkerID = .current(), timing: RunCoordinationTiming = .init()
    ) {
        self.client = client
        self.worker = worker
        self.timing = timing
    }

    var leaseMilliseconds: Int64 { RunCoordinationTiming.milliseconds(timing.lease) }

    public func join(
        period: Period, parameters: SharedRunParameters, proposedRunID: String, joinWindow: Duration
    ) async throws -> RunJoin {
        let encoded = try Self.encoded(parameters)
        let window = RunCoordinationTiming.milliseconds(joinWindow)
        let (period, me, lease) = (period.description, worker.rawValue, leaseMilliseconds)
        return try await client.withTransaction(logger: logger) { connection in
            // Joiners of one period one at a time: "is a run going?" and "start it" are one step.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('paybatch_run:' || \(period)))", logger: logger)
            let rows = try await connection.query(
                """
                SELECT run_id, parameters, published_at IS NOT NULL, coalesce(exit_code, 0),
                    coalesce(published_at > clock_timestamp() - \(window) * interval '1 millisecond', false),
                    NOT EXISTS (SELECT 1 FROM paybatch.run_workers w WHERE w.run_id = r.run_id
                        AND w.last_seen > clock_timestamp() - \(lease) * interval '1 millisecond')
                FROM paybatch.shared_runs r WHERE period = \(period) AND abandoned_at IS NULL
                ORDER BY started_at DESC LIMIT 1
                """, logger: logger)
            var latest: (String, String, Bool, Int, Bool, Bool)?
            for try await row in rows.decode((String, String, Bool, Int, Bool, Bool).self) { latest = row }
            if let (runID, recorded, published, code, recent, unattended) = latest {
                if published, recent {
                    return .recentlyPublished(
                        runID: runID, exitStatus: ExitStatus(rawValue: Int32(code)) ?? .software)
                }
                if !published {
                    let names = parameters.differences(from: try Self.decoded(recorded))
                    if names.isEmpty {
                        try await Self.register(me, in: runID, on: connection, logger: logger)
                        return .joined(runID: runID)
                    }
                    // `--fresh` starts over a run no worker has beaten for a lease: its workers are
                    // gone, and waiting for them would wait for ever. A run with live workers is theirs.
                    guard parameters.fresh, unattended else {
                        return .parametersDiffer(runID: runID, names: names)
                    }
                    try await connection.query(
                        "UPDATE paybatch.shared_runs SET abandoned_at = clock_timestamp() WHERE run_id = \(runID)",
                        logger: logger)
                }
            }
            try await connection.query(
                """
                INSERT INTO paybatch.shared_runs (run_id, period, parameters, started_by)
                VALUES (\(proposedRunID), \(period), \(encoded), \(me))
                """, logger: logger)
            try await Self.register(me, in: proposedRunID, on: connection, logger: logger)
            return .started(runID: proposedRunID)
        }
    }

    @discardableResult
    public func seed(runID: String, connections: [ConnectionID]) async throws -> Bool {
        let ids = connections.map(\.rawValue)
        return try await client.withTransaction(logger: logger) { connection in
            // The run's row, locked by this update, decides which call is first.
            let first = try await connection.query(
                """
                UPDATE paybatch.shared_runs SET seeded_at = clock_timestamp()
                WHERE run_id = \(runID) AND seeded_at IS NULL RETURNING 1
                """, logger: logger)
            guard try await Self.answers(first) else { return false }
            try await connection.query(
                """
                INSERT INTO paybatch.run_claims (run_id, connection_id, claim_order)
                SELECT \(runID), id, (n - 1)::integer FROM unnest(\(ids)::text[]) WITH ORDINALITY AS t(id, n)
                """, logger: logger)
            return true
        }
    }

    /// Adds (or revives) a worker of a run.
    static func register(
        _ worker: String, in runID: String, on connection: PostgresConnection, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO paybatch.run_workers (run_id, worker) VALUES (\(runID), \(worker))
            ON CONFLICT (run_id, worker) DO UPDATE SET last_seen = clock_timestamp()
            """, logger: logger)
    }

    /// Whether a statement answered a row (an `UPDATE … RETURNING 1` changed one).
    static func answers(_ rows: PostgresRowSequence) async throws -> Bool {
        var any = false
        for try await _ in rows { any = true }
        return any
    }

    /// The parameters as `shared_runs.parameters` keeps them.
    static func encoded(_ parameters: SharedRunParameters) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(parameters), as: UTF8.self)
    }

    static func decoded(_ text: String) throws -> SharedRunParameters {
        try JSONDecoder().decode(SharedRunParameters.self, from: Data(text.utf8))
    }
}
