import Foundation

/// The password of a PostgreSQL store, found as libpq finds it: `PGPASSWORD`, else the first
/// matching line of `PGPASSFILE` or `~/.pgpass`. It prints as `***`, so it cannot reach a log line
/// or an error by accident; only the driver's configuration reads `text`.
public struct PostgresPassword: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { "***" }
    public var debugDescription: String { "PostgresPassword(***)" }

    /// What the lookup reads: the environment, and a file's text and whether others may read it
    /// (nil when there is no such file).
    public typealias ReadFile = @Sendable (String) throws -> (text: String, othersMayRead: Bool)?

    /// The password for `url`, or nil when neither the environment nor a password file has one
    /// (the server may not ask: `trust` or peer authentication).
    public static func lookup(
        for url: PostgresURL, environment: [String: String], readFile: ReadFile = Self.readPrivateFile
    ) throws -> PostgresPassword? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return PostgresPassword(password) }
        let explicit = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = explicit ?? environment["HOME"].map({ $0 + "/.pgpass" }),
            let file = try readFile(path)
        else { return nil }
        // libpq ignores a password file that others may read; saying so beats a puzzling refusal.
        guard !file.othersMayRead else {
            throw RunStop(
                .configuration,
                "The password file \(path) may be read by its group or others, so it is ignored.",
                remedy: "Run chmod 0600 \(path).")
        }
        let passwords = PostgresPassFile(text: file.text)
        for host in hostNames(of: url) {
            if let found = passwords.password(
                host: host, port: url.port, database: url.database, user: url.user)
            {
                return PostgresPassword(found)
            }
        }
        return nil
    }

    /// The host names a `.pgpass` line may give: the host or socket folder, and `localhost` for
    /// libpq's default socket folder.
    static func hostNames(of url: PostgresURL) -> [String] {
        switch url.endpoint {
        case .tcp(let host, _): [host]
        case .socket(let folder, _):
            folder == PostgresURL.defaultSocketFolder ? [folder, "localhost"] : [folder]
        }
    }

    /// Reads a regular file's text and whether its mode lets group or others read it.
    public static let readPrivateFile: ReadFile = { path in
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        return (String(decoding: data, as: UTF8.self), mode & 0o077 != 0)
    }
}
