/// Which store a `--db` / `PAYBATCH_DB` / `db` value names (issue 22): a `postgres://` or
/// `postgresql://` URL is a PostgreSQL store; anything else is the path of a SQLite file, as it
/// always was — so a path stays SQLite, even one that merely contains `postgres`.
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Decides, and parses a PostgreSQL URL; a malformed one is a usage error naming what is wrong.
    public init(_ value: String, environment: [String: String] = [:]) throws(PostgresURLError) {
        let scheme = value.prefix { $0 != ":" }.lowercased()
        if value.contains(":"), scheme == "postgres" || scheme == "postgresql" {
            self = .postgres(try PostgresURL(parsing: value, environment: environment))
        } else {
            self = .sqlite(path: value)
        }
    }

    /// How messages name it: the path, or the URL (which never holds a password).
    public var place: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }
}
