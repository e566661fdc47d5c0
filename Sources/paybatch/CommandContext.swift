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
    /// Metadata every later line carries once known (an export's `run_id`).
    let logContext: LogContext
    let startedAt: Date
    /// "Now": the machine's clock, or `--now` / `PAYBATCH_NOW` (SPEC §2).
    var wallClock: any WallClock = SystemWallClock()

    /// Resolves settings (flags, then environment, then paybatch.toml) and sets up logging.
    static func make(
        _ global: GlobalOptions, console: Console,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws -> CommandContext
    {
        let level = LogVerbosity(
            quiet: global.quiet, verbose: global.verbose, format: global.logFormat.format,
            stderrIsTerminal: console.stderrIsTerminal
        ).level
        let format = global.logFormat.format
        let logContext = console.context
        let logger = Logger(label: "paybatch") { label in
            PaybatchLogHandler(label: label, format: format, level: level, context: logContext) {
                console.error($0)
            }
        }
        WorkbookZipLevel.log(to: logger)
        let settings = try SettingsResolver(
            flags: global.settingFlags, environment: environment, configFlag: global.config
        ).resolve()
        var context = CommandContext(
            settings: settings, environment: environment, logger: logger, console: console,
            logContext: logContext, startedAt: Date())
        if let text = global.now ?? environment["PAYBATCH_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let now = UTCTimestamp(iso: text) else {
                throw RunStop(
                    .usage, "--now (or PAYBATCH_NOW) \"\(text)\" is not an ISO 8601 time.",
                    remedy: "Write it as 2026-12-04T10:00:00Z.")
            }
            context.wallClock = ShiftedWallClock(
                start: Date(timeIntervalSince1970: TimeInterval(now.secondsSinceEpoch)),
                machineNow: context.startedAt)
        }
        return context
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

    /// Opens the store; only `creating` (and never read-only) makes a missing one (SPEC §2: 78).
    func openStore(
        readOnly: Bool = false, keys: KeyRing? = nil, creating: Bool = false
    ) throws
        -> SQLiteStore
    {
        try SQLiteStore.open(
            path: settings.databasePath, keys: keys ?? (try keyRing()),
            mode: readOnly ? .readOnly : .readWrite, creating: creating)
    }

    /// Runs `body` holding the store's lock (SPEC §7), waiting up to `--wait-lock`. Without
    /// `creatingStore`, a missing store stops the command before the lock file is made; with it,
    /// a command that stops before creating the store takes its lock file (and the folders made
    /// for it) away again, so a failed first run leaves nothing behind.
    func withStoreLock<T>(creatingStore: Bool = false, _ body: () async throws -> T) async throws -> T {
        if !creatingStore { try MissingStore.require(at: settings.databasePath) }
        let made = StoreLock.missingFolders(forDatabase: settings.databasePath)
        let lock = try await StoreLock.acquire(
            databasePath: settings.databasePath, owner: LockOwner.current(startedAt: startedAt),
            wait: settings.waitLock, sleep: { try await Task.sleep(for: $0) })
        defer {
            if !FileManager.default.fileExists(atPath: settings.databasePath) {
                lock.removeWithoutStore(folders: made)
            }
            lock.release()
        }
        if let notice = lock.takeoverNotice { logger.warning("\(notice)") }
        return try await body()
    }

    /// The live Finch client: libcurl under the shared limiter, retries and the request log.
    func finchClient(
        observer: any FinchCallObserver = ClosureCallObserver { _ in }, plannedCalls: Int = 0,
        cache: (any ResponseCache)? = nil
    ) -> FinchClient {
        let clock = SystemClock()
        let limiter = RateLimiter(configuration: settings.rateLimits, clock: clock)
        let transport = FinchTransportStack.compose(
            wire: CurlTransport(), limiter: limiter, retryPolicy: RetryPolicy(),
            budget: RetryBudget(plannedCalls: plannedCalls),
            observer: LoggingCallObserver(logger: logger, forwardingTo: observer), clock: clock,
            wallClock: SystemWallClock())
        return FinchClient(
            requests: FinchRequestFactory(baseURL: settings.baseURL, requestTimeout: settings.requestTimeout),
            transport: transport, cache: cache, limiter: limiter)
    }
}
