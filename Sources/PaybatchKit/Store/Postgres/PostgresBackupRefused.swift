import Foundation

/// `paybatch backup` on a PostgreSQL store (issue 22): SQLite's online backup copies a file, and
/// a PostgreSQL database is backed up with its own tool. A usage error (64) whose remedy is a
/// ready `pg_dump` command line; the URL holds no password (the password stays in `PGPASSWORD`
/// or `.pgpass`, which pg_dump reads too).
public struct PostgresBackupRefused: PaybatchFailure {
    public let url: PostgresURL
    /// The file the backup was asked to write: pg_dump's output.
    public let file: String

    public init(url: PostgresURL, file: String) {
        self.url = url
        self.file = file
    }

    public var exitStatus: ExitStatus { .usage }
    public var message: String {
        "paybatch backup copies a SQLite file; the store \(url) is a PostgreSQL database."
    }
    public var remedy: String? {
        "Use pg_dump: \(pgDumpCommand)"
    }

    /// `pg_dump --format=custom --file 'FILE' 'URL'`, each value quoted for a POSIX shell.
    public var pgDumpCommand: String {
        "pg_dump --format=custom --file \(Self.quoted(file)) \(Self.quoted(url.description))"
    }

    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
