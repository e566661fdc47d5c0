import Foundation

/// There is no store at the path a command was given (SPEC §2: 78). Only the commands that
/// enroll connections or keep the client secret create a store; every other one stops here
/// before it writes anything, so a mistyped `--db` cannot pass for an empty roster (an export
/// of one used to replace a finished month's files with empty ones).
public struct MissingStore: PaybatchFailure {
    /// The SQLite file's path, or the PostgreSQL URL (never holding a password) of a database
    /// without paybatch's schema.
    public let path: String

    public init(path: String) { self.path = path }

    /// Throws when `path` names no file.
    public static func require(at path: String) throws(MissingStore) {
        guard FileManager.default.fileExists(atPath: path) else { throw MissingStore(path: path) }
    }

    public var exitStatus: ExitStatus { .configuration }
    public var message: String { "no store at \(path)." }
    public var remedy: String? {
        "Run `paybatch roster import FILE` to create one, or check --db / PAYBATCH_DB (or `db` in paybatch.toml)."
    }
}
