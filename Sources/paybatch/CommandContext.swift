import Foundation
import Logging
import PaybatchKit

/// Which keys a command opens the store with.
enum StoreKeys {
    /// The configured keys; none configured is 78.
    case required
    /// The configured keys, if any: for commands that decrypt nothing.
    case ifConfigured
    /// No keys: the command reads nothing encrypted (reconcile).
    case keyless
    /// These keys (already loaded by the command).
    case ring(KeyRing)
}

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

    /// The keys when PAYBATCH_KEY or PAYBATCH_KEY_FILE is set, else nil: commands that decrypt
    /// nothing (`roster list`, `status`, `backup`) work without them. A key that is set but
    /// wrong is still an error (77), so no command silently ignores a broken configuration.
    func optionalKeyRing() throws -> KeyRing? {
        do {
            return try keyRing()
        } catch KeyFailure.missingKey {
            return nil
        }
    }

    /// Which store `--db` names: a SQLite file or a PostgreSQL database (issue 22).
    func storeLocation() throws -> StoreLocation {
        try StoreLocation(settings.databasePath, environment: environment)
    }

    /// Runs `body` on the store, opened for the body's length with `keys`: read-write migrates it;
    /// only `creating` (and never read-only) makes a missing one (SPEC §2: 78). `lock` is held for
    /// the whole body (SPEC §7), waiting up to `--wait-lock`: SQLite's flock for either kind, a
    /// PostgreSQL advisory lock in that mode; read-only commands take none.
    func withStore<T: Sendable>(
        mode: SQLiteDatabase.Mode = .readWrite, keys: StoreKeys = .required, creating: Bool = false,
        lock: StoreLockKind = .none, _ body: (any PaybatchStore) async throws -> T
    ) async throws -> T {
        try await withStore(
            at: try storeLocation(), mode: mode, keys: keys, creating: creating, lock: lock, body)
    }

    /// `withStore` on the store at `location` rather than `--db`'s (`store copy`'s target).
    func withStore<T: Sendable>(
        at location: StoreLocation, mode: SQLiteDatabase.Mode = .readWrite, keys: StoreKeys = .required,
        creating: Bool = false, lock: StoreLockKind = .none, _ body: (any PaybatchStore) async throws -> T
    ) async throws -> T {
        switch location {
        case .sqlite(let path):
            func open() throws -> SQLiteStoreActor {
                try SQLiteStoreActor.open(path: path, keys: try keyRing(keys), mode: mode, creating: creating)
            }
            guard lock != .none else { return try await body(try open()) }
            return try await withFileLock(path, creatingStore: creating) { try await body(try open()) }
        case .postgres(let url):
            let password = try PostgresPassword.lookup(for: url, environment: environment)
            return try await PostgresPool.with(url, password: password) { client in
                try await PostgresStoreLock.holding(
                    lock, client: client, url: url, owner: LockOwner.current(startedAt: startedAt),
                    polling: LockPolling(wait: settings.waitLock), sleep: { try await Task.sleep(for: $0) }
                ) {
                    let store = try await PostgresStore.open(
                        client: client, url: url, keys: try keyRing(keys), mode: mode, creating: creating,
                        logger: logger)
                    return try await body(store)
                }
            }
        }
    }

    /// Whether a live process holds the store's lock, read without taking it (`status`).
    func storeLockState() async throws -> StoreLockState {
        switch try storeLocation() {
        case .sqlite(let path):
            return StoreLockState.read(databasePath: path)
        case .postgres(let url):
            let password = try PostgresPassword.lookup(for: url, environment: environment)
            return try await PostgresPool.with(url, password: password, maximumConnections: 1) { client in
                try await PostgresStoreLock.state(client: client)
            }
        }
    }

    /// The keys `keys` asks for.
    private func keyRing(_ keys: StoreKeys) throws -> KeyRing? {
        switch keys {
        case .required: try keyRing()
        case .ifConfigured: try optionalKeyRing()
        case .keyless: nil
        case .ring(let ring): ring
        }
    }

    /// Runs `body` holding a SQLite store's flock (SPEC §7). Without `creatingStore`, a missing
    /// store stops the command before the lock file is made; with it, a command that stops before
    /// creating the store takes its lock file (and the folders made for it) away again, so a
    /// failed first run leaves nothing behind.
    private func withFileLock<T>(
        _ path: String, creatingStore: Bool, _ body: () async throws -> T
    ) async throws -> T {
        if !creatingStore { try MissingStore.require(at: path) }
        let made = StoreLock.missingFolders(forDatabase: path)
        let lock = try await StoreLock.acquire(
            databasePath: path, owner: LockOwner.current(startedAt: startedAt),
            wait: settings.waitLock, sleep: { try await Task.sleep(for: $0) })
        defer {
            if !FileManager.default.fileExists(atPath: path) {
                lock.removeWithoutStore(folders: made)
            }
            lock.release()
        }
        if let notice = lock.takeoverNotice { logger.warning("\(notice)") }
        return try await body()
    }

    /// The live Finch client: libcurl under the shared limiter, retries and the request log.
    /// `budget`: the rate budget shared by the workers of a PostgreSQL store; by default this
    /// process's own limiter.
    func finchClient(
        observer: any FinchCallObserver = ClosureCallObserver { _ in }, plannedCalls: Int = 0,
        cache: (any ResponseCache)? = nil, budget: (any RateBudget)? = nil
    ) -> FinchClient {
        let clock = SystemClock()
        let limiter = budget ?? RateLimiter(configuration: settings.rateLimits, clock: clock)
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
