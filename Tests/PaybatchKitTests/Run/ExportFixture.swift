import FinchSandbox
import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport

/// A sandbox on loopback, a temporary store holding its roster, and a way to run exports.
final class ExportFixture: @unchecked Sendable {
    let sandbox: SandboxServer
    let temp: TempStore
    let out: String
    let period = Period("2026-10")!
    /// Batch sizes; small pages force many pay-statement rounds.
    var limits = FinchBatchLimits()
    /// What the client paces its calls through; unpaced when nil.
    var rateBudget: (any RateBudget)?

    /// The sandbox's `now`: the middle of November 2026.
    static let now = ISO8601DateFormatter().date(from: "2026-11-15T12:00:00Z")!

    init(
        companies: Int = 12, syncAfter: Int = 1, faults: FaultPlan = .none, rateScale: Double = 0
    ) async throws {
        let now = Self.now
        sandbox = SandboxServer(
            options: SandboxOptions(
                seed: 1, companies: companies, now: now, rateScale: rateScale, faults: faults,
                syncAfter: syncAfter))
        _ = try await sandbox.start(port: 0)
        temp = try TempStore()
        out = temp.path("out")
        try await importRoster()
    }

    func stop() async { await sandbox.stop() }

    func client(
        cache: (any ResponseCache)?, observer: any FinchCallObserver = ClosureCallObserver { _ in }
    ) -> FinchClient {
        let clock = SystemClock()
        let budget = rateBudget ?? RateLimiter(configuration: .unpaced, clock: clock)
        let transport = FinchTransportStack.compose(
            wire: CurlTransport(), limiter: budget,
            retryPolicy: RetryPolicy(initialDelay: .milliseconds(10)), budget: RetryBudget(),
            observer: observer,
            clock: clock, wallClock: SystemWallClock())
        // Generous: the whole suite runs in parallel on 2 cores, and an answer of this in-process
        // sandbox can wait longer than 10 s for a thread. A timed-out request is retried, and the
        // retry is the same request again: the sandbox counts it and gives it the next request id,
        // which broke connections.csv's golden (the pending connection's last_request_id) and
        // call counts.
        return FinchClient(
            requests: FinchRequestFactory(baseURL: sandbox.baseURL, requestTimeout: .seconds(60)),
            transport: transport, limits: limits,
            cache: cache, limiter: budget)
    }

    /// Loads the sandbox's roster with the engine of `roster import`.
    private func importRoster() async throws {
        let entries = try RosterFileReader.read(
            data: Data(sandbox.world.rosterCSV().utf8), name: "roster.csv")
        let importer = RosterImporter(
            store: try temp.openShared(), introspector: TokenIntrospector(client: client(cache: nil)))
        _ = try await importer.run(entries)
    }

    func export(
        _ configure: (inout ExportOptions) -> Void = { _ in }, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> ExportResult {
        var options = ExportOptions(period: period, outputRoot: out)
        options.limits = limits
        configure(&options)
        let store = try temp.runStore()
        var runner = ExportRunner(
            options: options, store: store, makeClient: { [self] in client(cache: $0, observer: $1) },
            wallClock: SystemWallClock(),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        runner.progress = progress
        return try await runner.run()
    }

    func file(_ name: String) throws -> String {
        try String(contentsOfFile: out + "/" + period.description + "/" + name, encoding: .utf8)
    }
}
