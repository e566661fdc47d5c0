import Foundation
import Logging
import PaybatchKit

/// What a command needs from the outside world, built once from the global options and the
/// process's environment. This is the only place that builds live dependencies.
struct CommandContext {
    let settings: Settings
    let environment: [String: String]
    let logger: Logger
    let console: Console
    let startedAt: Date

    /// Resolves settings (flags, then environment, then paybatch.toml) and sets up logging.
    static func make(
        _ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> CommandContext
    {
        let console = Console()
        let level: Logger.Level = global.quiet ? .error : global.verbose ? .debug : .info
        let format = global.logFormat.format
        let logger = Logger(label: "paybatch") { label in
            PaybatchLogHandler(label: label, format: format, level: level) { console.error($0) }
        }
        let settings = try SettingsResolver(
            flags: global.settingFlags, environment: environment, configFlag: global.config
        ).resolve()
        return CommandContext(
            settings: settings, environment: environment, logger: logger, console: console, startedAt: Date())
    }

    /// The keys from `PAYBATCH_KEY` or `PAYBATCH_KEY_FILE` (78 when neither is set, or when
    /// others may write the file); a file others may read is used, with a warning.
    func keyRing() throws -> KeyRing {
        var keys = environment
        if keys["PAYBATCH_KEY"] == nil, keys["PAYBATCH_KEY_FILE"] == nil, let file = settings.keyFile {
            keys["PAYBATCH_KEY_FILE"] = file
        }
        let ring = try KeyRing.load(environment: keys)
        if case .file(let path) = ring.source, let warning = KeyFile.permissionWarning(for: path) {
            logger.warning("\(warning)")
        }
        return ring
    }

    /// Opens the store; a read-only open never creates it.
    func openStore(readOnly: Bool = false, keys: KeyRing? = nil) throws -> SQLiteRosterStore {
        try SQLiteRosterStore.open(
            path: settings.databasePath, keys: keys ?? (try keyRing()),
            mode: readOnly ? .readOnly : .readWrite)
    }

    /// Runs `body` holding the store's lock (SPEC §7), waiting up to `--wait-lock`.
    func withStoreLock<T>(_ body: () async throws -> T) async throws -> T {
        let lock = try await StoreLock.acquire(
            databasePath: settings.databasePath, owner: LockOwner.current(startedAt: startedAt),
            wait: settings.waitLock, sleep: { try await Task.sleep(for: $0) })
        defer { lock.release() }
        if let notice = lock.takeoverNotice { logger.warning("\(notice)") }
        return try await body()
    }

    /// The live Finch client: libcurl under the shared limiter, retries and the request log.
    func finchClient(
        observer: any FinchCallObserver = ClosureCallObserver { _ in }, plannedCalls: Int = 0,
        limits: FinchBatchLimits = FinchBatchLimits(), cache: (any ResponseCache)? = nil
    ) -> FinchClient {
        let clock = SystemClock()
        let limiter = RateLimiter(configuration: settings.rateLimits, clock: clock)
        let transport = FinchTransportStack.compose(
            wire: CurlTransport(), limiter: limiter, retryPolicy: RetryPolicy(),
            budget: RetryBudget(plannedCalls: plannedCalls), observer: observer, clock: clock,
            wallClock: SystemWallClock())
        return FinchClient(
            requests: FinchRequestFactory(baseURL: settings.baseURL, requestTimeout: settings.requestTimeout),
            transport: transport, limits: limits, cache: cache, limiter: limiter)
    }
}

/// Standard output for results, standard error for everything else, unbuffered.
struct Console: Sendable {
    func out(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    func error(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A `label done/total` counter redrawn in place on stderr, or nil when stderr is not a
    /// terminal (SPEC §1: progress only on a terminal).
    func progress(_ label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { done, total in
            let end = done == total ? "\n" : ""
            FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)\(end)".utf8))
        }
    }
}
