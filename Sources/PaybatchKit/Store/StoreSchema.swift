/// The store's versioned schema. Migration N (1-based) brings `PRAGMA user_version` from N-1 to
/// N inside one transaction; a store at the latest version is never written on open.
public enum StoreSchema {
    /// The version this paybatch writes.
    public static var latestVersion: Int { migrations.count }

    /// Each entry is one migration: SQL, or code where rows must be read and rewritten.
    /// Append; never edit a released one.
    static let migrations: [StoreMigration] = [
        .sql(version1), .sql(version2), .code(CreatedAtMigration.run), .sql(version4),
        .sql(version5), .sql(version6),
    ]

    /// Brings `database` to the latest version. Throws (65) for a store written by a newer
    /// paybatch or a file that is not a paybatch store.
    public static func migrate(_ database: SQLiteDatabase) throws {
        let current = try database.userVersion()
        if current == latestVersion { return }
        if current > latestVersion { throw tooNew(place: database.path, version: current) }
        if current == 0, try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0 > 0 {
            throw RunStop(
                .dataError, "\(database.path) is an SQLite file but not a paybatch store.",
                remedy: "Point --db (or PAYBATCH_DB) at a paybatch store, or at a new file.")
        }
        try database.transaction {
            // Read again under the write lock: another process may have migrated meanwhile.
            let start = try database.userVersion()
            guard start < latestVersion else { return }
            for version in (start + 1)...latestVersion {
                try migrations[version - 1].apply(to: database)
                try database.setUserVersion(version)
            }
        }
    }

    /// A store written by a newer paybatch (65), whichever database keeps it.
    static func tooNew(place: String, version: Int) -> RunStop {
        RunStop(
            .dataError,
            "The store \(place) has schema version \(version); this paybatch knows up to \(latestVersion).",
            remedy: "Use the newer paybatch that wrote it.")
    }

    /// A store a read-only command cannot read until a writing command migrates it (65).
    static func notMigrated(place: String, version: Int) -> RunStop {
        RunStop(
            .dataError,
            "The store \(place) has schema version \(version); this paybatch reads version \(latestVersion).",
            remedy: "Run a command that writes the store (such as `paybatch roster refresh`) to migrate it.")
    }

    /// Times are ISO-8601 UTC text (StoreTimestamp); Finch's own times are kept as Finch sent them.
    /// Ciphertexts are envelopes (CiphertextEnvelope) with their kid copied into a plain `kid`
    /// column, so rotation and `keys status` can count rows per key without decrypting.
    static let version1 = """
        CREATE TABLE customers (
            customer_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE connections (
            connection_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            company_id TEXT,
            provider_id TEXT,
            client_type TEXT,
            connection_type TEXT,
            assisted INTEGER,
            products TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL,
            status_message TEXT,
            last_successful_sync TEXT,
            created_at TEXT,
            added_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            disconnected_at TEXT,
            disconnect_source TEXT,
            disconnect_time_estimated INTEGER NOT NULL DEFAULT 0,
            token_fingerprint TEXT UNIQUE,
            token_hint TEXT
        );
        CREATE INDEX connections_by_company ON connections(company_id, connection_id);
        CREATE TABLE connection_events (
            event_id INTEGER PRIMARY KEY,
            connection_id TEXT NOT NULL REFERENCES connections(connection_id),
            time TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            source TEXT NOT NULL,
            estimated INTEGER NOT NULL DEFAULT 0,
            note TEXT
        );
        CREATE INDEX connection_events_by_connection ON connection_events(connection_id, time);
        CREATE TABLE secrets (
            kind TEXT NOT NULL,
            owner TEXT NOT NULL,
            kid TEXT NOT NULL,
            ciphertext BLOB NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (kind, owner)
        );
        CREATE INDEX secrets_by_kid ON secrets(kid);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            period TEXT NOT NULL,
            command TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            exit_code INTEGER,
            options TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX runs_by_period ON runs(period, command, started_at);
        CREATE TABLE responses (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            connection_id TEXT NOT NULL,
            request_key TEXT NOT NULL,
            endpoint TEXT NOT NULL,
            http_status INTEGER NOT NULL,
            request_id TEXT,
            data_retrieved TEXT,
            kid TEXT NOT NULL,
            body BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (run_id, connection_id, request_key)
        );
        CREATE INDEX responses_by_kid ON responses(kid);
        CREATE TABLE request_log (
            log_id INTEGER PRIMARY KEY,
            run_id TEXT,
            request_id TEXT,
            connection_id TEXT,
            endpoint TEXT NOT NULL,
            http_status INTEGER,
            finch_code TEXT,
            time TEXT NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX request_log_by_connection ON request_log(connection_id, time);
        CREATE INDEX request_log_by_run ON request_log(run_id);
        """

    /// What each export run made of each connection (SPEC §8's re-run rule, `--only` and
    /// `--offline` read it back): the status, where its data came from, and its errors as JSON.
    static let version2 = """
        CREATE TABLE run_connections (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            connection_id TEXT NOT NULL,
            status TEXT NOT NULL,
            source TEXT NOT NULL,
            outcome TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (run_id, connection_id)
        );
        """

    /// Each finished, period-complete export's per-connection totals (people, payments,
    /// statements, gross and net per currency), kept for good — past `--keep-runs` and apart from
    /// `runs` — as the baseline of the next month's period-over-period comparison (SPEC §8). One
    /// row per run, connection and currency; `currency` '' is "no currency" (or no payment).
    static let version4 = """
        CREATE TABLE period_totals (
            period TEXT NOT NULL,
            run_id TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            export_status TEXT NOT NULL,
            individuals INTEGER NOT NULL,
            payments INTEGER NOT NULL,
            pay_statements INTEGER NOT NULL,
            currency TEXT NOT NULL,
            gross INTEGER,
            net INTEGER,
            PRIMARY KEY (run_id, connection_id, currency)
        );
        CREATE INDEX period_totals_by_period ON period_totals(period, finished_at);
        """

    /// Forced refreshes (`paybatch refresh`, API.md §9 and §11): one row per request for a
    /// connection, updated as its job is followed. The latest row of a connection holds the quota
    /// Finch last gave (`remaining_refreshes`, `retry_at`), which the next refresh obeys.
    static let version5 = """
        CREATE TABLE refresh_jobs (
            refresh_id INTEGER PRIMARY KEY,
            connection_id TEXT NOT NULL,
            job_id TEXT,
            requested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            status TEXT NOT NULL,
            allowed_refreshes INTEGER,
            remaining_refreshes INTEGER,
            retry_at TEXT,
            request_id TEXT,
            message TEXT
        );
        CREATE INDEX refresh_jobs_by_connection ON refresh_jobs(connection_id, refresh_id);
        """

    /// Multi-entity connections (issue 21): a connection keeps the entities introspect listed (the
    /// plan counts calls per entity, the reconciliation lists them); a stored answer names the
    /// entity its call read (NULL: the connection's only one), so a render reads each entity's
    /// answers apart; the period
    /// totals are kept per connection and entity ('' for a connection of one entity), which takes
    /// a new table, SQLite not changing a primary key in place.
    static let version6 = """
        ALTER TABLE connections ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE responses ADD COLUMN entity_id TEXT;
        CREATE TABLE period_totals_by_entity (
            period TEXT NOT NULL,
            run_id TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            entity_id TEXT NOT NULL DEFAULT '',
            export_status TEXT NOT NULL,
            individuals INTEGER NOT NULL,
            payments INTEGER NOT NULL,
            pay_statements INTEGER NOT NULL,
            currency TEXT NOT NULL,
            gross INTEGER,
            net INTEGER,
            PRIMARY KEY (run_id, connection_id, entity_id, currency)
        );
        INSERT INTO period_totals_by_entity (period, run_id, finished_at, connection_id, export_status,
            individuals, payments, pay_statements, currency, gross, net)
        SELECT period, run_id, finished_at, connection_id, export_status, individuals, payments,
            pay_statements, currency, gross, net FROM period_totals;
        DROP TABLE period_totals;
        ALTER TABLE period_totals_by_entity RENAME TO period_totals;
        CREATE INDEX period_totals_by_period ON period_totals(period, finished_at);
        """
}
