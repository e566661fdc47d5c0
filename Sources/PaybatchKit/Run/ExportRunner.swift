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

    /// The render stage's threads (`RenderExecutor`): its CPU work never holds the fetch's calls back.
    private let renderExecutor = RenderExecutor()

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
            var logger = logger
            logger[metadataKey: "run_id"] = "\(result.runID)"
            logOutcomes(result, logger: logger)
            return result
        }
        let run = try await startOrResume()
        runStarted?(run.runID)
        var logger = logger
        logger[metadataKey: "run_id"] = "\(run.runID)"
        logger.info("export \(options.period): \(connections.count) connections")
        let calls = CallCounter(
            forwardingTo: RequestLogObserver(store: store, runID: run.runID, wallClock: wallClock))
        let renderer = try await makeRenderer(run: run, templates: templates)
        let fetched = try await fetchAndRender(
            connections, run: run, previous: try await previousRun(before: run), observer: calls,
            renderer: renderer, logger: logger)
        for (record, _) in connections where !isSelected((record, "")) {
            try await store.reuseLatest(record.connectionID, period: options.period, into: run.runID)
        }
        // SPEC §2's 69: no request got an answer other than a transport error or a 5xx.
        if !fetched.isEmpty, fetched.allSatisfy({ $0.status == .failed }), await !calls.sawUsableAnswer {
            try await store.finishRun(
                run.runID, status: .failed, exitCode: ExitStatus.unavailable.rawValue, at: wallClock.now())
            throw RunStop(
                .unavailable,
                "Finch could not be reached for any connection, or answered only server errors (\(options.period)).",
                remedy:
                    "Check FINCH_BASE_URL, the network and proxy settings, then run again; the run resumes.")
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
        logOutcomes(result, logger: logger)
        try await RunCompletion(store: store, period: options.period, keepRuns: options.keepRuns)
            .record(result, of: run, at: wallClock.now())
        return result
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
        logger.info(
            "rendering run \(run.runID) of \(options.period) from the store",
            metadata: ["run_id": "\(run.runID)"])
        let (renderer, items) = (
            try await makeRenderer(run: run, templates: templates), try await items(connections, run: run)
        )
        return try await withTaskExecutorPreference(renderExecutor) {
            try await renderer.finish(items, tally: .none)
        }
    }

    /// One event per connection, in the reports' order: its outcome as fields (`export_status`,
    /// `source`, `request_id`, `finch_code`), never only as message text, so a log reader can
    /// filter on them.
    private func logOutcomes(_ result: ExportResult, logger: Logger) {
        for outcome in result.outcomes {
            var metadata: Logger.Metadata = [
                "event": "connection_outcome",
                "connection_id": "\(outcome.identity.connectionID)",
                "customer_id": "\(outcome.identity.customerID)",
                "export_status": "\(outcome.status.rawValue)",
                "source": "\(outcome.source)",
            ]
            if let requestID = outcome.lastRequestID { metadata["request_id"] = "\(requestID.rawValue)" }
            if let error = outcome.errors.last {
                metadata["code"] = "\(error.code)"
                if let finchCode = error.finchCode { metadata["finch_code"] = "\(finchCode)" }
            }
            logger.info(
                "connection \(outcome.identity.connectionID): \(outcome.status.rawValue) (\(outcome.source))",
                metadata: metadata)
        }
    }

    /// What the renderer needs of each connection, from what the run recorded.
    private func items(
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

    private func makeRenderer(run: RunRecord, templates: ReportTemplates) async throws -> ExportRenderer {
        ExportRenderer(
            options: options, templates: templates, run: run,
            reader: StoredRunReader(
                store: store, runID: run.runID, period: options.period, limits: options.limits,
                includeBenefits: options.includeBenefits),
            wallClock: wallClock,
            baseline: try await store.latestPeriodTotals(period: options.period.previous))
    }

    /// The period's latest finished run before `run`, whose `ok` connections may be reused: one
    /// that ended 75 counts (its failed connections are fetched again); one made before the
    /// month ended never does (SPEC §2).
    private func previousRun(before run: RunRecord) async throws -> RunRecord? {
        guard !options.fresh else { return nil }
        return try await store.runs(period: options.period).first {
            $0.runID != run.runID && ($0.status == .complete || $0.status == .partial) && $0.periodComplete
        }
    }

    private func isSelected(_ connection: (record: ConnectionRecord, customerName: String)) -> Bool {
        options.only.isEmpty
            || options.only.contains(connection.record.connectionID.rawValue)
            || options.only.contains(connection.record.customerID.rawValue)
    }

    /// Resumes the period's interrupted run when it is recent and `--fresh` is not given, unless
    /// it was made while the month was in progress and the month is over now.
    private func startOrResume() async throws -> RunRecord {
        let now = wallClock.now()
        if !options.fresh, let last = try await store.latestRun(period: options.period),
            last.status == .running,
            now.timeIntervalSince(last.startedAt) < Self.resumeWindow,
            last.periodComplete || !options.period.hasEnded(at: now)
        {
            let previousOnly = (try? JSONDecoder().decode([String].self, from: Data(last.options.utf8))) ?? []
            guard previousOnly == options.only else {
                throw RunStop(
                    .usage,
                    "The interrupted export of \(options.period) ran with --only \(previousOnly.joined(separator: " ")).",
                    remedy: "Repeat the same flags to resume it, or use --fresh to start over.")
            }
            logger.info("resuming run \(last.runID)")
            return last
        }
        let onlyJSON = String(decoding: try JSONEncoder().encode(options.only), as: UTF8.self)
        let run = RunRecord(
            runID: UUID().uuidString.lowercased(), period: options.period, command: Self.command,
            startedAt: now,
            options: onlyJSON)
        try await store.createRun(run)
        return run
    }

    /// The fetch stage on Swift's pool and the render stage on its own threads, at once: each
    /// connection is rendered as its fetch ends, while the others are still fetched (the cores
    /// are idle then, waiting on the rate limits). Returns what each fetch learned.
    private func fetchAndRender(
        _ connections: [(record: ConnectionRecord, customerName: String)], run: RunRecord,
        previous: RunRecord?, observer: CallCounter, renderer: ExportRenderer, logger: Logger
    ) async throws -> [ConnectionFacts] {
        let cache = StoredResponseCache(store: store, runID: run.runID, wallClock: wallClock)
        var client = makeClient(cache, observer)
        // The sizes the run's answers are stored by are those its render reads them by.
        client.limits = options.limits
        let stage = FetchStage(
            store: store, run: run, period: options.period, includeSSN: options.includeSSN,
            includeBenefits: options.includeBenefits, concurrency: options.concurrency, client: client,
            reuse: RerunRule(
                store: store, run: run.runID, previous: previous?.runID,
                includeBenefits: options.includeBenefits),
            logger: logger,
            progress: progress)
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
