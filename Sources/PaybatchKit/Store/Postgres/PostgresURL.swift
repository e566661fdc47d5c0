import Foundation

/// Where a PostgreSQL store is (issue 22): `postgres://user@host:5432/dbname?sslmode=require`, or
/// `postgresql://`, or a Unix socket's folder as libpq takes it (`?host=/var/run/postgresql`).
/// It never holds a password: that comes from `PGPASSWORD` or a `.pgpass` file
/// (`PostgresPassword`), so a URL can be printed, logged and stored as it is.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    /// How to reach the server: TCP, or the socket `.s.PGSQL.<port>` in a folder (libpq's rule).
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case socket(folder: String, port: Int)
    }

    /// libpq's `sslmode` values; paybatch maps them onto the driver's TLS settings.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var user: String
    public var endpoint: Endpoint
    public var database: String
    public var sslMode: SSLMode

    /// libpq's defaults where the URL names nothing: port 5432, the Debian socket folder, the
    /// database named after the user, `sslmode=prefer` (over a socket, TLS is never used).
    public static let defaultPort = 5432
    public static let defaultSocketFolder = "/var/run/postgresql"

    /// Parses a URL; `environment` gives the user when the URL names none (`PGUSER`, else `USER`).
    public init(parsing text: String, environment: [String: String] = [:]) throws(PostgresURLError) {
        func fail(_ problem: String, _ remedy: String) -> PostgresURLError {
            PostgresURLError(url: text, problem: problem, remedy: remedy)
        }
        let scheme = text.prefix { $0 != ":" }.lowercased()
        guard ["postgres", "postgresql"].contains(scheme), text.dropFirst(scheme.count).hasPrefix("://"),
            let parts = URLComponents(string: text)
        else {
            throw fail(
                "is not a PostgreSQL URL", "Write it as postgres://USER@HOST:5432/DATABASE?sslmode=require.")
        }
        if parts.password != nil || parts.queryItems?.contains(where: { $0.name == "password" }) == true {
            throw fail(
                "holds a password", "Take it out of the URL and put it in PGPASSWORD or a .pgpass file.")
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] {
            guard Self.queryNames.contains(item.name) else {
                throw fail(
                    "has the parameter `\(item.name)`, which paybatch does not read",
                    "Use only \(Self.queryNames.sorted().joined(separator: ", ")).")
            }
            query[item.name] = item.value ?? ""
        }
        let portText = query["port"] ?? parts.port.map(String.init)
        let port = portText.map { Int($0) } ?? Self.defaultPort
        guard let port, (1...65535).contains(port) else {
            throw fail(
                "has the port `\(portText ?? "")`", "Give a port from 1 to 65535 (PostgreSQL's is 5432).")
        }
        let host = query["host"] ?? parts.percentEncodedHost.flatMap { $0.removingPercentEncoding }
        if let host, host.hasPrefix("/") {
            endpoint = .socket(folder: host, port: port)
        } else if let host, !host.isEmpty {
            endpoint = .tcp(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
        } else {
            endpoint = .socket(folder: Self.defaultSocketFolder, port: port)
        }
        guard let user = query["user"] ?? parts.user ?? environment["PGUSER"] ?? environment["USER"],
            !user.isEmpty
        else { throw fail("names no user", "Write the user before the host: postgres://USER@HOST/DATABASE.") }
        self.user = user
        let path = parts.path.drop { $0 == "/" }
        guard !path.contains("/") else {
            throw fail(
                "has the path `\(parts.path)`",
                "Name one database after the host: postgres://USER@HOST/DATABASE.")
        }
        database = query["dbname"] ?? (path.isEmpty ? user : String(path))
        let mode = query["sslmode"] ?? SSLMode.prefer.rawValue
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw fail(
                "has sslmode `\(mode)`",
                "Use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        self.sslMode = sslMode
    }

    /// The query parameters paybatch reads (libpq has more; naming another is refused, not ignored).
    static let queryNames: Set<String> = ["host", "port", "user", "dbname", "sslmode"]

    public var port: Int {
        switch endpoint {
        case .tcp(_, let port), .socket(_, let port): port
        }
    }

    /// The socket file libpq would connect to, for a socket endpoint.
    public var socketPath: String? {
        guard case .socket(let folder, let port) = endpoint else { return nil }
        return folder + "/.s.PGSQL.\(port)"
    }

    /// The URL again, in one canonical form; it holds no password, having none.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "postgres://\(user)@\(shown):\(port)/\(database)?sslmode=\(sslMode.rawValue)"
        case .socket(let folder, let port):
            return "postgres://\(user)@/\(database)?host=\(folder)&port=\(port)"
        }
    }
}
