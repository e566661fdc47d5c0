/// One table of the store as `store copy` moves it between SQLite and PostgreSQL: its columns in
/// one order, each with its kind, at the schema's latest version. Both backends name the columns
/// alike; the one exception is a row's place in "the order first stored", SQLite's `rowid` and
/// PostgreSQL's identity column `position` (`StoreColumn.isPosition`).
public struct StoreTable: Sendable, Equatable {
    public let name: String
    public let columns: [StoreColumn]
    /// PostgreSQL's identity column: copied as it is (`OVERRIDING SYSTEM VALUE`), so row ids and
    /// orders survive, and its sequence moved past the highest copied.
    public let identity: String?
    /// The primary key's columns: the order a table without an identity column is read in.
    public let key: [String]

    /// Every table, parents before children (connections need their customer, answers their run).
    /// A new column or table in a migration must be added here: `StoreCopyTests` compares this
    /// list with both schemas.
    public static let all: [StoreTable] = [
        StoreTable(
            "customers", text: ["customer_id", "name", "created_at", "updated_at"], key: ["customer_id"]),
        StoreTable(
            "connections",
            [
                .text("connection_id"), .text("customer_id"), .text("company_id"), .text("provider_id"),
                .text("client_type"), .text("connection_type"), .flag("assisted"), .text("products"),
                .text("status"), .text("status_message"), .text("last_successful_sync"), .text("created_at"),
                .text("added_at"), .text("updated_at"), .text("disconnected_at"), .text("disconnect_source"),
                .flag("disconnect_time_estimated"), .text("token_fingerprint"), .text("token_hint"),
                .text("entities"),
            ], key: ["connection_id"]),
        StoreTable(
            "connection_events",
            [
                .integer("event_id"), .text("connection_id"), .text("time"), .text("from_status"),
                .text("to_status"), .text("source"), .flag("estimated"), .text("note"),
            ], identity: "event_id", key: ["event_id"]),
        StoreTable(
            "secrets",
            [.text("kind"), .text("owner"), .text("kid"), .blob("ciphertext"), .text("updated_at")],
            key: ["kind", "owner"]),
        StoreTable("settings", text: ["key", "value", "updated_at"], key: ["key"]),
        StoreTable(
            "runs",
            [
                .position, .text("run_id"), .text("period"), .text("command"), .text("started_at"),
                .text("finished_at"), .text("status"), .integer("exit_code"), .text("options"),
            ], identity: "position", key: ["run_id"]),
        StoreTable(
            "responses",
            [
                .position, .text("run_id"), .text("connection_id"), .text("request_key"), .text("endpoint"),
                .integer("http_status"), .text("request_id"), .text("data_retrieved"), .text("kid"),
                .blob("body"), .text("created_at"), .text("entity_id"),
            ], identity: "position", key: ["run_id", "connection_id", "request_key"]),
        StoreTable(
            "request_log",
            [
                .integer("log_id"), .text("run_id"), .text("request_id"), .text("connection_id"),
                .text("endpoint"), .integer("http_status"), .text("finch_code"), .text("time"),
                .integer("attempt"),
            ], identity: "log_id", key: ["log_id"]),
        StoreTable(
            "run_connections",
            [
                .text("run_id"), .text("connection_id"), .text("status"), .text("source"), .text("outcome"),
                .text("updated_at"),
            ], key: ["run_id", "connection_id"]),
        StoreTable(
            "period_totals",
            [
                .text("period"), .text("run_id"), .text("finished_at"), .text("connection_id"),
                .text("entity_id"), .text("export_status"), .integer("individuals"), .integer("payments"),
                .integer("pay_statements"), .text("currency"), .integer("gross"), .integer("net"),
            ], key: ["run_id", "connection_id", "entity_id", "currency"]),
        StoreTable(
            "refresh_jobs",
            [
                .integer("refresh_id"), .text("connection_id"), .text("job_id"), .text("requested_at"),
                .text("updated_at"), .text("status"), .integer("allowed_refreshes"),
                .integer("remaining_refreshes"), .text("retry_at"), .text("request_id"), .text("message"),
            ], identity: "refresh_id", key: ["refresh_id"]),
    ]

    init(_ name: String, _ columns: [StoreColumn], identity: String? = nil, key: [String]) {
        self.name = name
        self.columns = columns
        self.identity = identity
        self.key = key
    }

    init(_ name: String, text names: [String], key: [String]) {
        self.init(name, names.map(StoreColumn.text), key: key)
    }
}
