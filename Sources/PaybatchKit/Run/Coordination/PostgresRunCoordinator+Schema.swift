import Logging
import PostgresNIO

extension PostgresRunCoordinator {
    /// The tables of shared runs, in the schema `paybatch`, one statement an element (the driver
    /// sends one at a time). Runs are referred to by `run_id` alone, without foreign keys: the
    /// store's own tables of runs live beside these, and its migration 7 creates these too.
    public static let schema: [String] = [
        "CREATE SCHEMA IF NOT EXISTS paybatch",
        // One row per run of a period shared by workers. `parameters` is the first worker's
        // `SharedRunParameters` as JSON; the renderer holds its role under a lease like a claim.
        """
        CREATE TABLE IF NOT EXISTS paybatch.shared_runs (
            run_id text PRIMARY KEY,
            period text NOT NULL,
            parameters text NOT NULL,
            started_by text NOT NULL,
            started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            seeded_at timestamptz,
            renderer text,
            renderer_lease_until timestamptz,
            published_at timestamptz,
            exit_code integer,
            abandoned_at timestamptz)
        """,
        "CREATE INDEX IF NOT EXISTS shared_runs_period ON paybatch.shared_runs (period, started_at DESC)",
        """
        CREATE TABLE IF NOT EXISTS paybatch.run_workers (
            run_id text NOT NULL,
            worker text NOT NULL,
            joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
            last_seen timestamptz NOT NULL DEFAULT clock_timestamp(),
            PRIMARY KEY (run_id, worker))
        """,
        // One row per connection of a run. Pending: no worker. Claimed: a worker and its lease end.
        // Done: `done_at` (and the worker that did it). `claims` counts the claims, resumes included.
        // Room left in each page, so that a claim or a heartbeat (no indexed column changes) updates
        // its row in place (HOT) instead of adding index entries the claim's scan then walks past.
        """
        CREATE TABLE IF NOT EXISTS paybatch.run_claims (
            run_id text NOT NULL,
            connection_id text NOT NULL,
            claim_order integer NOT NULL,
            worker text,
            lease_until timestamptz,
            claims integer NOT NULL DEFAULT 0,
            done_at timestamptz,
            status text,
            PRIMARY KEY (run_id, connection_id)) WITH (fillfactor = 70)
        """,
        // The claim statement walks this, in claiming order, past done connections without reading them.
        """
        CREATE INDEX IF NOT EXISTS run_claims_open ON paybatch.run_claims (run_id, claim_order)
        WHERE done_at IS NULL
        """,
    ]

    /// Creates the tables when missing; many processes may at once (a transaction-wide advisory
    /// lock serializes them). Until the store's migration 7 does it, this is how they come to be.
    public static func createSchema(client: PostgresClient) async throws {
        let logger = Logger(label: "paybatch.run-coordinator") { _ in SwiftLogNoOpLogHandler() }
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('paybatch_run_coordination'))", logger: logger)
            for statement in schema {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
    }
}
