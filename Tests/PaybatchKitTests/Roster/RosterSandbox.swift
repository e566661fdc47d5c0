import FinchSandbox
import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport

/// A sandbox served on loopback for one test, a temporary store, and a live client (libcurl,
/// unpaced) pointed at it: the roster engine against Finch's shapes over real HTTP.
final class RosterSandbox {
    static let clientID = "roster-test-client"
    static let clientSecret = "roster-test-secret-0123456789abcdef"
    static let now = Date(timeIntervalSince1970: 1_794_744_000)  // 2026-11-15T12:00:00Z

    let server: SandboxServer
    let temp: TempStore
    let store: SQLiteStoreActor
    let client: FinchClient
    let rosterFile: String

    /// `jobSeconds`: how long the sandbox's `data_sync_all` jobs take (0: they never end).
    init(companies: Int = 200, jobSeconds: Int = 4) async throws {
        server = SandboxServer(
            options: SandboxOptions(
                seed: 7, companies: companies, now: Self.now, jobSeconds: jobSeconds, clientID: Self.clientID,
                clientSecret: Self.clientSecret, environment: [:]))
        _ = try await server.start()
        temp = try TempStore()
        store = try temp.openShared()
        let clock = SystemClock()
        client = FinchClient(
            requests: FinchRequestFactory(baseURL: server.baseURL, requestTimeout: .seconds(30)),
            transport: FinchTransportStack.compose(
                wire: CurlTransport(), limiter: RateLimiter(configuration: .unpaced, clock: clock),
                retryPolicy: RetryPolicy(), budget: RetryBudget(), observer: ClosureCallObserver { _ in },
                clock: clock, wallClock: SystemWallClock()))
        rosterFile = temp.path("roster.csv")
        try Data(server.world.rosterCSV().utf8).write(to: URL(fileURLWithPath: rosterFile))
    }

    func stop() async { await server.stop() }

    var credentials: ClientCredentials {
        ClientCredentials(clientID: Self.clientID, clientSecret: ClientSecret(Self.clientSecret))
    }

    func importer(logger: Logger? = nil) -> RosterImporter {
        guard let logger else {
            return RosterImporter(store: store, introspector: TokenIntrospector(client: client))
        }
        return RosterImporter(store: store, introspector: TokenIntrospector(client: client), logger: logger)
    }

    func enrollment() -> ConnectionEnrollment { ConnectionEnrollment(store: store, client: client) }

    func calls(_ endpoint: String) -> Int { server.counters().endpoints[endpoint]?.calls ?? 0 }

    func connection(_ scenario: SandboxConnection.Scenario) -> SandboxConnection {
        server.world.connections.first { $0.scenario == scenario }!
    }

    /// Follows Finch Connect's authorize page as a browser would, without following its
    /// redirect: the code is read from the `Location` it sends to the redirect URI.
    func authorizationCode(from connectURL: String) async throws -> String {
        let response = try await CurlTransport().send(
            HTTPRequest(method: .get, url: URL(string: connectURL)!, timeout: .seconds(10)))
        guard response.status == 302, let location = response.header("Location"),
            let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value
        else { throw TransportTestError("the authorize page did not redirect with a code") }
        return code
    }

    /// Every token the sandbox's roster holds, for the secret scans.
    var rosterTokens: [String] { server.world.connections.map(\.accessToken) }
}

/// Log lines as `PaybatchLogHandler` formats them, kept in memory for the secret scans. Behind
/// an `NSLock`, which the thread sanitizer follows (it cannot follow `Mutex` on Linux).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    /// A logger at debug level whose every line lands here, in `format`.
    func logger(_ format: LogFormat = .json) -> Logger {
        Logger(label: "test") { label in
            PaybatchLogHandler(label: label, format: format, level: .debug) { line in
                self.lock.withLock { self.lines.append(line) }
            }
        }
    }

    var all: [String] { lock.withLock { lines } }
}
