import PostgresNIO

/// The PostgreSQL store's schema: paybatch's tables in a schema of their own, `paybatch`, so a
/// database shared with the operator's application never collides, at the same version numbers
/// as the SQLite store (`StoreSchema`), kept in the row of `paybatch.schema_version`.
///
/// There are no PostgreSQL stores older than version 6: the first ones are created at it, in one
/// transaction. A later migration N gets its SQL per dialect under the same number: SQLite's in
/// `StoreSchema.migrations`, PostgreSQL's one entry in `migrations` here.
///
/// Types: our own times stay the SQLite store's ISO text (`StoreTimestamp`, fixed width, so text
/// order is time order), since a time stored and read back must equal what SQLite gives back
/// (millisecond precision; `timestamptz` keeps microseconds). Ciphertexts are `bytea`, flags
/// `boolean`. Columns sorted on are `COLLATE "C"`: bytewise, as SQLite and SPEC §8 sort, whatever
/// the database's collation. Identity columns keep "the order first stored" where SQLite uses
/// its rowid; an upsert keeps the row, so its position.
enum PostgresSchema {
    /// The version `creation` makes.
    static let createdVersion = 6

    /// PostgreSQL's migration to each version after `createdVersion`, by version. Add migration 7
    /// here as `7: [statements]` when `StoreSchema` gains it.
    static let migrations: [Int: [String]] = [:]

    /// Creates every table at `createdVersion`. One statement each: the driver's extended
    /// protocol runs one statement per query.
    static let creation: [String] = [
        "CREATE SCHEMA IF NOT EXISTS paybatch",
        "CREATE TABLE paybatch.schema_version (version integer NOT NULL, updated_at text NOT NULL)",
        """
        CREATE TABLE paybatch.customers (
            customer_id text COLLATE "C" PRIMARY KEY, name text NOT NULL,
            created_at text NOT NULL, updated_at text NOT NULL)
        """,
        """
        CREATE TABLE paybatch.connections (
            connection_id text COLLATE "C" PRIMARY KEY,
            customer_id text COLLATE "C" NOT NULL REFERENCES paybatch.customers(customer_id),
            company_id text, provider_id text, client_type text, connection_type text, assisted boolean,
            products text NOT NULL DEFAULT '[]', status text NOT NULL, status_message text,
            last_successful_sync text, created_at text, added_at text NOT NULL, updated_at text NOT NULL,
            disconnected_at text, disconnect_source text,
            disconnect_time_estimated boolean NOT NULL DEFAULT false,
            token_fingerprint text UNIQUE, token_hint text, entities text NOT NULL DEFAULT '[]')
        """,
        "CREATE INDEX connections_by_company ON paybatch.connections(company_id, connection_id)",
        """
        CREATE TABLE paybatch.connection_events (
            event_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            connection_id text COLLATE "C" NOT NULL REFERENCES paybatch.connections(connection_id),
            time text COLLATE "C" NOT NULL, from_status text, to_status text NOT NULL, source text NOT NULL,
            estimated boolean NOT NULL DEFAULT false, note text)
        """,
        "CREATE INDEX connection_events_by_connection ON paybatch.connection_events(connection_id, time)",
        """
        CREATE TABLE paybatch.secrets (
            kind text COLLATE "C" NOT NULL, owner text COLLATE "C" NOT NULL, kid text NOT NULL,
            ciphertext bytea NOT NULL, updated_at text NOT NULL, PRIMARY KEY (kind, owner))
        """,
        "CREATE INDEX secrets_by_kid ON paybatch.secrets(kid)",
        "CREATE TABLE paybatch.settings (key text PRIMARY KEY, value text NOT NULL, updated_at text NOT NULL)",
        """
        CREATE TABLE paybatch.runs (
            run_id text PRIMARY KEY, position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            period text NOT NULL, command text NOT NULL, started_at text COLLATE "C" NOT NULL,
            finished_at text, status text NOT NULL, exit_code bigint, options text NOT NULL DEFAULT '{}')
        """,
        "CREATE INDEX runs_by_period ON paybatch.runs(period, command, started_at)",
        """
        CREATE TABLE paybatch.responses (
            run_id text NOT NULL REFERENCES paybatch.runs(run_id) ON DELETE CASCADE,
            connection_id text NOT NULL, request_key text NOT NULL,
            position bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            endpoint text NOT NULL, http_status bigint NOT NULL, request_id text, data_retrieved text,
            kid text NOT NULL, body bytea NOT NULL, created_at text NOT NULL, entity_id text,
            PRIMARY KEY (run_id, connection_id, request_key))
        """,
        "CREATE INDEX responses_in_order ON paybatch.responses(run_id, position)",
        "CREATE INDEX responses_by_kid ON paybatch.responses(kid)",
        """
        CREATE TABLE paybatch.request_log (
            log_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, run_id text, request_id text,
            connection_id text, endpoint text NOT NULL, http_status bigint, finch_code text,
            time text NOT NULL, attempt bigint NOT NULL DEFAULT 1)
        """,
        "CREATE INDEX request_log_by_connection ON paybatch.request_log(connection_id, time)",
        "CREATE INDEX request_log_by_run ON paybatch.request_log(run_id)",
        """
        CREATE TABLE paybatch.run_connections (
            run_id text NOT NULL REFERENCES paybatch.runs(run_id) ON DELETE CASCADE,
            connection_id text NOT NULL, status text NOT NULL, source text NOT NULL, outcome text NOT NULL,
            updated_at text NOT NULL, PRIMARY KEY (run_id, connection_id))
        """,
        """
        CREATE TABLE paybatch.period_totals (
            period text NOT NULL, run_id text COLLATE "C" NOT NULL, finished_at text COLLATE "C" NOT NULL,
            connection_id text COLLATE "C" NOT NULL, entity_id text COLLATE "C" NOT NULL DEFAULT '',
            export_status text NOT NULL, individuals bigint NOT NULL, payments bigint NOT NULL,
            pay_statements bigint NOT NULL, currency text COLLATE "C" NOT NULL, gross bigint, net bigint,
            PRIMARY KEY (run_id, connection_id, entity_id, currency))
        """,
        "CREATE INDEX period_totals_by_period ON paybatch.period_totals(period, finished_at)",
        """
        CREATE TABLE paybatch.refresh_jobs (
            refresh_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            connection_id text COLLATE "C" NOT NULL, job_id text, requested_at text NOT NULL,
            updated_at text NOT NULL, status text NOT NULL, allowed_refreshes bigint,
            remaining_refreshes bigint, retry_at text, request_id text, message text)
        """,
        "CREATE INDEX refresh_jobs_by_connection ON paybatch.refresh_jobs(connection_id, refresh_id)",
    ]

    /// The stored version; nil when the database has no paybatch store.
    static func version(on connection: PostgresConnection, of store: PostgresStore) async throws -> Int? {
        // The catalog read as a table (an MVCC snapshot), not `to_regclass`: that one answers from
        // the connection's catalog cache, which a wait on an advisory lock does not refresh, so
        // a process that waited while another created the store would still see none.
        let exists = try await store.rows(
            """
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables
                WHERE schemaname = 'paybatch' AND tablename = 'schema_version')
            """, on: connection
        ) { try $0.bool(0) ?? false }
        guard exists.first == true else { return nil }
        return try await store.rows("SELECT max(version) FROM paybatch.schema_version", on: connection) {
            try $0.int(0)
        }.first ?? nil
    }

    /// What opening does, in SQLite's order: refuse a missing store unless creating, refuse a
    /// newer one, verify the keys before any write, then create or migrate (read-write) or
    /// insist on the latest version (read-only, which never writes).
    static func prepare(_ store: PostgresStore, creating: Bool, verifyingKeys: Bool) async throws {
        var version = try await store.reading("opening the store") {
            try await Self.version(on: $0, of: store)
        }
        if version == nil {
            guard creating, store.mode == .readWrite else { throw MissingStore(path: store.place) }
            try await create(store)
            version = StoreSchema.latestVersion
        }
        let current = version ?? 0
        if current > StoreSchema.latestVersion {
            throw StoreSchema.tooNew(place: store.place, version: current)
        }
        if verifyingKeys { try await store.verifyKeys() }
        if store.mode == .readWrite {
            try await migrate(store)
        } else if current != StoreSchema.latestVersion {
            throw StoreSchema.notMigrated(place: store.place, version: current)
        }
    }

    /// Creates the store at `createdVersion`, then migrates it, unless another process did first:
    /// a transaction-wide advisory lock makes the check and the creation one step across
    /// processes opening an empty database at once.
    private static func create(_ store: PostgresStore) async throws {
        try await store.writing("creating the store") { connection in
            try await store.lock(.schema, on: connection)
            guard try await version(on: connection, of: store) == nil else { return }
            let foreign = try await store.rows(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'paybatch'", on: connection
            ) { try $0.int(0) ?? 0 }
            if foreign.first ?? 0 > 0 {
                throw RunStop(
                    .dataError, "\(store.place) has a `paybatch` schema that is not a paybatch store.",
                    remedy:
                        "Point --db (or PAYBATCH_DB) at a paybatch store, or at a database without that schema."
                )
            }
            for statement in creation {
                try await store.execute(PostgresQuery(unsafeSQL: statement), on: connection)
            }
            try await store.execute(
                """
                INSERT INTO paybatch.schema_version (version, updated_at)
                VALUES (\(createdVersion), \(store.stamp(store.now())))
                """, on: connection)
        }
    }

    /// Brings the store to the latest version, each step in the same transaction as the version
    /// it reaches; nothing is written when it is there already.
    private static func migrate(_ store: PostgresStore) async throws {
        let current = try await store.reading("reading the schema version") {
            try await version(on: $0, of: store)
        }
        guard let current, current < StoreSchema.latestVersion else { return }
        try await store.writing("migrating the store") { connection in
            try await store.lock(.schema, on: connection)
            // Read again under the lock: another process may have migrated meanwhile.
            let start = try await version(on: connection, of: store) ?? current
            guard start < StoreSchema.latestVersion else { return }
            for target in (start + 1)...StoreSchema.latestVersion {
                guard let statements = migrations[target] else {
                    throw RunStop(
                        .software, "This paybatch has no PostgreSQL migration to schema version \(target).",
                        remedy: "Report this: every version after \(createdVersion) needs one.")
                }
                for statement in statements {
                    try await store.execute(PostgresQuery(unsafeSQL: statement), on: connection)
                }
                try await store.execute(
                    "UPDATE paybatch.schema_version SET version = \(target), updated_at = \(store.stamp(store.now()))",
                    on: connection)
            }
        }
    }
}
