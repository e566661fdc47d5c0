import Logging
import PostgresNIO

/// A pool of connections to one PostgreSQL server, alive for the length of a body: the driver's
/// `PostgresClient` runs in a task group beside the body and is shut down by cancelling that
/// task when the body ends, as postgres-nio's README prescribes.
public enum PostgresPool {
    /// Runs `body` with a running client for `url` (`password` from `PostgresPassword.lookup`).
    public static func with<Value: Sendable>(
        _ url: PostgresURL, password: PostgresPassword?, maximumConnections: Int = 4,
        logger: Logger = Logger(label: "paybatch.postgres") { _ in SwiftLogNoOpLogHandler() },
        _ body: (PostgresClient) async throws -> Value
    ) async throws -> Value {
        var configuration = url.clientConfiguration(password: password)
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
