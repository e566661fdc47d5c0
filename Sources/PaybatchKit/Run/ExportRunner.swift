import Foundation
import Logging

/// `paybatch export`: plans the run, fetches every live connection concurrently under the shared
/// limiter (each answer stored as it arrives), then renders every report from the stored answers.
public struct ExportRunner: Sendable {
    public static let command = "export"
    /// An interrupted run younger than this is resumed (SPEC §8).
    static let resumeWindow: TimeInterval = 7 * 24 * 3600

    public let options: ExportOptions
    public let store: RunStore
    /// Builds a Finch client over a cache and an observer of its calls; the live environment
    /// composes the transport.
    public let makeClient: ClientFactory
    public let wallClock: any WallClock
    public let logger: Logger
    /// Told (connections done, total) before the first fetch starts (0 done) and as each
    /// connection's fetch ends; the CLI shows it on a terminal.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Told the run's id once it is started or resumed, so every later line can carry it.
    public var runStarted: (@Sendable (String) -> Void)?
    /// On a PostgreSQL store, the run of the period shared by every worker started against it
    /// (issue 22); nil for a one-process export.
    public var coordinator: (any RunCoordinator)?
    /// How long after a shared run was published a worker arriving still exits with its code.
    public var joinWindow: Duration = .seconds(600)

    /// What the run logs, every line made there.
    var log: ExportLog { ExportLog(logger: logger) }

    /// The render stage's threads (`RenderExecutor`): its CPU work never holds the fetch's calls back.
    let renderExecutor = RenderExecutor()

    public typealias ClientFactory = @Sendable ((any ResponseCache)?, any FinchCallObserver) -> FinchClient

    public init(
        options: ExportOptions, store: RunStore, makeClient: @escaping ClientFactory,
        wallClock: any WallClock,
        logger: Logger
    ) {
        self.options = options
        self.store = store
        self.makeClient = makeClient
        self.wallClock = wallClock
        self.logger = logger
    }

    /// Runs the export; returns what it wrote and the exit status (0 complete, 3 partial).
    public func run() async throws -> ExportResult {
        try options.requireEndedPeriod(now: wallClock.now())
        // Before any call: a folder that cannot be written must not cost a whole fetch (73).
        try OutputFolderCheck.require(options.periodFolder, mode: options.outputMode)
        let templates = try ReportTemplates.load(overridesIn: options.templatesFolder)
        let connections = try await store.exportableConnections().sorted {
            ($0.record.customerID, $0.record.connectionID) < ($1.record.customerID, $1.record.connectionID)
        }
        if options.offline {
            let result = try await renderLatest(connections, templates: templates)
            logOutcomes(result, log: log.run(result.runID))
            return result
        }
        if let coordinator {
            return try await runShared(connections, templates: templates, coordinator: coordinator)
        }
        let run = try await startOrResume()
        runStarted?(run.runID)
        let log = self.log.run(run.runID)
        log.exportStarted(options.period, connections: connections.count)
        let calls = CallCounter(
            forwardingTo: RequestLogObserver(store: store, runID: run.runID, wallClock: wallClock))
        let renderer = try await makeRenderer(run: run, templates: templates)
        let fetched = try await fetchAndRender(
            connections, run: run, previous: try await previousRun(before: run), observer: calls,
            renderer: renderer, log: log)
        for (record, _) in connections where !isSelected((record, "")) {
            try await store.reuseLatest(
                record.connectionID, period: options.period, shape: options.requestShape, into: run.runID)
        }
        // SPEC §2's 69: no request got an answer other than a transport error or a 5xx.
        if !fetched.isEmpty, fetched.allSatisfy({ $0.status == .failed }), await !calls.sawUsableAnswer {
            try await store.finishRun(
                run.runID, status: .failed, exitCode: ExitStatus.unavailable.rawValue, at: wallClock.now())
            throw unreachable
        }
        // Left `running`, like a run the retry budget stopped: the next invocation resumes it.
        if let stop = FinchRunStop.rateLimitedOut(fetched, now: wallClock.now()) { throw stop }
        // A resumed run's data calls include those its interrupted invocations made (the request
        // log), so its run.json counts what a run without the interruption would; introspect is
        // called again by every invocation and counted for this one, as are the limiter's waits.
        let tally = await calls.tally(
            logged: try await store.loggedTally(runID: run.runID), includingBenefits: options.includeBenefits)
        let items = try await items(connections, run: run)
        let result = try await withTaskExecutorPreference(renderExecutor) {
            try await renderer.finish(items, tally: tally)
        }
        logOutcomes(result, log: log)
        try await RunCompletion(store: store, period: options.period, keepRuns: options.keepRuns)
            .record(result, of: run, at: wallClock.now())
        return result
    }

    /// SPEC §2's 69: Finch gave no answer but transport errors and 5xx for any connection; no
    /// file is written (a finished month's files are never replaced by failures).
    var unreachable: RunStop {
        RunStop(
            .unavailable,
            "Finch could not be reached for any connection, or answered only server errors (\(options.period)).",
            remedy: "Check FINCH_BASE_URL, the network and proxy settings, then run again; the run resumes.")
    }

    /// `--offline`: the period's latest run rendered again from the store, with no network.
    private func renderLatest(
        _ connections: [(record: ConnectionRecord, customerName: String)], templates: ReportTemplates
    ) async throws -> ExportResult {
        guard let run = try await store.latestRun(period: options.period) else {
            throw RunStop(
                .usage, "Nothing is stored for \(options.period): no export of that period has run.",
                remedy: "Run `paybatch export --period \(options.period)` without --offline first.")
        }
        runStarted?(run.runID)
        log.renderingStored(run.runID, period: options.period)
        let (renderer, items) = (
            try await makeRenderer(run: run, templates: templates), try await items(connections, run: run)
        )
        return try await withTaskExecutorPreference(renderExecutor) {
            try await renderer.finish(items, tally: .none)
        }
    }

    /// One event per connection, in the reports' order.
    func logOutcomes(_ result: ExportResult, log: ExportLog) {
        for outcome in result.outcomes { log.connectionOutcome(outcome) }
    }

    /// What the renderer needs of each connection, from what the run recorded.
    func items(
        _ connections: [(record: ConnectionRecord, customerName: String)], run: RunRecord
    ) async throws -> [ExportRenderer.Item] {
        let recorded = try await store.runConnections(runID: run.runID)
        var items: [ExportRenderer.Item] = []
        for (record, name) in connections {
            items.append(
                try await item(record, customerName: name, run: run, recorded: recorded[record.connectionID]))
        }
        return items
    }

    private func item(
        _ record: ConnectionRecord, customerName: String, run: RunRecord, recorded: RunConnectionRecord?
    ) async throws -> ExportRenderer.Item {
        ExportRenderer.Item(
            record: record, customerName: customerName, recorded: recorded,
            dataRetrieved: try await store.earliestDataRetrieved(
                runID: run.runID, connection: record.connectionID),
            lastRequestID: try await store.lastRequestID(runID: run.runID, connection: record.connectionID))
    }

    func makeRenderer(run: RunRecord, templates: ReportTemplates) async throws -> ExportRenderer {
        ExportRenderer(
            options: options, templates: templates, run: run,
            reader: StoredRunReader(
                store: store, runID: run.runID, period: options.period,
                // A run recorded before its shape was kept is read as the options say.
                limits: ExportRunOptions(recorded: run.options).shape?.limits ?? options.limits,
                includeBenefits: options.includeBenefits),
            wallClock: wallClock,
            baseline: try await store.latestPeriodTotals(period: options.period.previous))
    }

    /// The period's latest finished run before `run`, whose `ok` connections may be reused: one
    /// that ended 75 counts (its failed connections are fetched again); one made before the
    /// month ended never does (SPEC §2), nor one whose requests had another shape (its answers
    /// would be read as this run's batches and pages).
    func previousRun(before run: RunRecord) async throws -> RunRecord? {
        guard !options.fresh else { return nil }
        let previous = try await store.runs(period: options.period).first {
            $0.runID != run.runID && ($0.status == .complete || $0.status == .partial) && $0.periodComplete
        }
        guard let previous, ExportRunOptions(recorded: previous.options).serves(options.requestShape) else {
            if let previous { log.requestShapeDiffers(previous.runID, resumed: false) }
            return nil
        }
        return previous
    }

    func isSelected(_ connection: (record: ConnectionRecord, customerName: String)) -> Bool {
        options.only.isEmpty
            || options.only.contains(connection.record.connectionID.rawValue)
            || options.only.contains(connection.record.customerID.rawValue)
    }

    /// The period's interrupted run, when it is recent, `--fresh` is not given, and it was not made
    /// while the month was in progress if the month is over now.
    func resumableRun() async throws -> RunRecord? {
        let now = wallClock.now()
        guard !options.fresh, let last = try await store.latestRun(period: options.period),
            last.status == .running,
            now.timeIntervalSince(last.startedAt) < Self.resumeWindow,
            last.periodComplete || !options.period.hasEnded(at: now)
        else { return nil }
        return last
    }

    /// Resumes the period's interrupted run when it is recent and `--fresh` is not given, unless
    /// it was made while the month was in progress and the month is over now; otherwise starts
    /// one, as `newRunID` when given (the id a shared run was started under).
    func startOrResume(newRunID: String? = nil) async throws -> RunRecord {
        let now = wallClock.now()
        if let last = try await resumableRun() {
            var recorded = ExportRunOptions(recorded: last.options)
            guard recorded.only == options.only else {
                throw RunStop(
                    .usage,
                    "The interrupted export of \(options.period) ran with --only \(recorded.only.joined(separator: " ")).",
                    remedy: "Repeat the same flags to resume it, or use --fresh to start over.")
            }
            log.resuming(last.runID)
            guard recorded.serves(options.requestShape) else {
                // Its answers cannot be read with those asked now: it fetches its data again.
                log.requestShapeDiffers(last.runID, resumed: true)
                recorded.shape = options.requestShape
                var resumed = last
                resumed.options = try recorded.json()
                try await store.forgetData(runID: last.runID, recording: resumed.options)
                return resumed
            }
            return last
        }
        let run = RunRecord(
            runID: newRunID ?? UUID().uuidString.lowercased(), period: options.period, command: Self.command,
            startedAt: now,
            options: try ExportRunOptions(only: options.only, shape: options.requestShape).json())
        try await store.createRun(run)
        return run
    }

    /// The fetch stage on Swift's pool and the render stage on its own threads, at once: each
    /// connection is rendered as its fetch ends, while the others are still fetched (the cores
    /// are idle then, waiting on the rate limits). Returns what each fetch learned.
    private func fetchAndRender(
        _ connections: [(record: ConnectionRecord, customerName: String)], run: RunRecord,
        previous: RunRecord?, observer: CallCounter, renderer: ExportRenderer, log: ExportLog
    ) async throws -> [ConnectionFacts] {
        let cache = StoredResponseCache(store: store, runID: run.runID, wallClock: wallClock)
        var client = makeClient(cache, observer)
        // The sizes the run's answers are stored by are those its render reads them by.
        client.limits = options.limits
        var stage = FetchStage(
            store: store, run: run, period: options.period, includeSSN: options.includeSSN,
            includeBenefits: options.includeBenefits, concurrency: options.concurrency, client: client,
            reuse: RerunRule(
                store: store, run: run.runID, previous: previous?.runID,
                includeBenefits: options.includeBenefits),
            log: log,
            progress: progress)
        stage.syncing = options.syncing
        let selected = connections.indices.filter { isSelected(connections[$0]) }.map {
            FetchStage.Connection(
                index: $0, record: connections[$0].record, customerName: connections[$0].customerName)
        }
        let (spool, templates, benefitsAsOf) = (renderer.spool, renderer.templates, renderer.benefitsAsOf)
        let (events, eventInput) = AsyncStream.makeStream(of: FetchEvent.self)
        async let fetched = stage.run(selected, events: eventInput) {
            // Normalizes the connection's rows into the spool while it is fetched.
            ConnectionNormalizer(
                spool: spool, index: $0.index, record: $0.record, customerName: $0.customerName,
                templates: templates, benefitsAsOf: benefitsAsOf)
        }
        try await withTaskExecutorPreference(renderExecutor) {
            var finished = 0
            for await event in events {
                guard case .finished(let connection) = event else { continue }
                finished += 1
                // Failed connections wait for the end: if all failed alike, the run stops writing nothing.
                guard connection.data.status != .failed else { continue }
                let (record, name) = connections[connection.index]
                try await renderer.add(
                    try await item(record, customerName: name, run: run, recorded: connection.recorded),
                    at: connection.index, live: connection.rows.map { (connection.data, $0) })
                // The last to end are written by `finish`, CSV files and workbook at once.
                if finished < selected.count { try renderer.writeReady() }
            }
        }
        return try await fetched
    }
}
