import Foundation

/// A worker of a run shared through a PostgreSQL store (issue 22). Every worker started against
/// the store for the period joins one run: it fetches only the connections it claims (each
/// stored as it arrives, as a one-process run does), then one worker — the last to see every
/// connection done, or one taking over from a renderer that died — renders every connection from
/// the stored answers and publishes the files; every worker exits with that run's code.
extension ExportRunner {
    typealias Listed = [(record: ConnectionRecord, customerName: String)]

    func runShared(
        _ connections: Listed, templates: ReportTemplates, coordinator: any RunCoordinator
    ) async throws -> ExportResult {
        // A run this worker would resume is proposed under its own id, so joining it resumes it.
        let proposed = try await resumableRun()?.runID ?? UUID().uuidString.lowercased()
        let run: RunRecord
        switch try await coordinator.join(
            period: options.period, parameters: SharedRunParameters(options), proposedRunID: proposed,
            joinWindow: joinWindow)
        {
        case .parametersDiffer(let runID, let names):
            throw RunJoin.usageStop(period: options.period, runID: runID, names: names)
        case .recentlyPublished(let runID, let code):
            log.sharedRun("the run was published less than the join window ago: nothing to do", runID: runID)
            return renderedElsewhere(runID, code)
        case .started(let runID):
            run = try await startOrResume(newRunID: runID)
            log.sharedRun("started the shared run as worker \(coordinator.worker)", runID: run.runID)
        case .joined(let runID):
            run = try await recorded(runID)
            log.sharedRun("joined the shared run as worker \(coordinator.worker)", runID: runID)
        }
        runStarted?(run.runID)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // Beats from the join to the exit: a worker that stops beating is taken for dead, and
            // its claims (and the renderer's role) go to the others after a lease.
            group.addTask { try await coordinator.keepAlive(runID: run.runID) }
            let result = try await work(run, connections, templates: templates, coordinator: coordinator)
            group.cancelAll()
            return result
        }
    }

    private func work(
        _ run: RunRecord, _ connections: Listed, templates: ReportTemplates, coordinator: any RunCoordinator
    ) async throws -> ExportResult {
        let selected = connections.indices.filter { isSelected(connections[$0]) }.map {
            FetchStage.Connection(
                index: $0, record: connections[$0].record, customerName: connections[$0].customerName)
        }
        try await coordinator.seed(runID: run.runID, connections: selected.map(\.record.connectionID))
        let renderer = try await makeRenderer(run: run, templates: templates)
        let observer = CallCounter(
            forwardingTo: RequestLogObserver(store: store, runID: run.runID, wallClock: wallClock))
        try await fetchClaimed(
            selected, run: run, coordinator: coordinator, observer: observer, renderer: renderer)
        guard try await coordinator.electRenderer(runID: run.runID) else {
            switch try await coordinator.waitForPublication(runID: run.runID) {
            case .published(let code): return renderedElsewhere(run.runID, code)
            case .renderHere: break
            }
            return try await render(run, connections, renderer: renderer, coordinator: coordinator)
        }
        return try await render(run, connections, renderer: renderer, coordinator: coordinator)
    }

    /// The fetch stage over this worker's claims; no rows are kept (the renderer reads them all).
    private func fetchClaimed(
        _ selected: [FetchStage.Connection], run: RunRecord, coordinator: any RunCoordinator,
        observer: CallCounter, renderer: ExportRenderer
    ) async throws {
        var client = makeClient(
            StoredResponseCache(store: store, runID: run.runID, wallClock: wallClock), observer)
        client.limits = options.limits
        var stage = FetchStage(
            store: store, run: run, period: options.period, includeSSN: options.includeSSN,
            includeBenefits: options.includeBenefits, concurrency: options.concurrency, client: client,
            reuse: RerunRule(
                store: store, run: run.runID, previous: try await previousRun(before: run)?.runID,
                includeBenefits: options.includeBenefits),
            log: log, progress: progress)
        stage.syncing = options.syncing
        stage.keepsRows = false
        let queue = ClaimedConnections(
            coordinator: coordinator, runID: run.runID,
            connections: Dictionary(uniqueKeysWithValues: selected.map { ($0.record.connectionID, $0) }),
            log: log)
        let (events, input) = AsyncStream.makeStream(of: FetchEvent.self)
        // The rows made while fetching go to a spool of this worker's own, outside the output
        // folder, and are dropped: the output folder is shared, and a spool opened there removes
        // the spools it finds (an interrupted run's) — another worker's, live, among them.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("paybatch-worker-" + UUID().uuidString.lowercased()).path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let spool = ReportSpool(folder: scratch, mode: options.outputMode)
        let (templates, benefitsAsOf) = (renderer.templates, renderer.benefitsAsOf)
        async let fetched = stage.run(queue, total: selected.count, events: input) {
            ConnectionNormalizer(
                spool: spool, index: $0.index, record: $0.record, customerName: $0.customerName,
                templates: templates, benefitsAsOf: benefitsAsOf)
        }
        for await _ in events {}
        _ = try await fetched
    }

    /// Renders every connection from the store, as the run recorded it, and publishes the files;
    /// the run's calls are those every worker logged.
    private func render(
        _ run: RunRecord, _ connections: Listed, renderer: ExportRenderer, coordinator: any RunCoordinator
    ) async throws -> ExportResult {
        log.sharedRun("rendering the shared run as worker \(coordinator.worker)", runID: run.runID)
        // SPEC §2's 69, over every worker's calls: nothing is written, and every worker exits 69.
        let recorded = try await store.runConnections(runID: run.runID)
        if !recorded.isEmpty, recorded.values.allSatisfy({ $0.status == .failed }),
            try await !store.sawUsableAnswer(runID: run.runID)
        {
            try await store.finishRun(
                run.runID, status: .failed, exitCode: ExitStatus.unavailable.rawValue, at: wallClock.now())
            try await coordinator.markPublished(runID: run.runID, exitStatus: .unavailable)
            throw unreachable
        }
        for (record, _) in connections where !isSelected((record, "")) {
            try await store.reuseLatest(
                record.connectionID, period: options.period, shape: options.requestShape, into: run.runID)
        }
        var tally = try await store.loggedTally(runID: run.runID)
        tally.calls = CallCounter.everyName(tally.calls, zero: 0, includingBenefits: options.includeBenefits)
        tally.retries = CallCounter.everyName(
            tally.retries, zero: 0, includingBenefits: options.includeBenefits)
        let items = try await items(connections, run: run)
        let result = try await withTaskExecutorPreference(renderExecutor) {
            try await renderer.finish(items, tally: tally)
        }
        logOutcomes(result, log: log.run(run.runID))
        try await RunCompletion(store: store, period: options.period, keepRuns: options.keepRuns)
            .record(result, of: run, at: wallClock.now())
        try await coordinator.markPublished(runID: run.runID, exitStatus: result.exitStatus)
        return result
    }

    /// The store's record of a run another worker started; it records it just after the join,
    /// so a joiner may look a moment before it is there.
    private func recorded(_ runID: String) async throws -> RunRecord {
        for _ in 0..<600 {
            if let run = try await store.run(runID) { return run }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw RunStop(
            .temporary, "The shared run \(runID) of \(options.period) is not recorded in the store.",
            remedy: "Its first worker may have stopped before recording it; run the export again.")
    }

    private func renderedElsewhere(_ runID: String, _ code: ExitStatus) -> ExportResult {
        var result = ExportResult(
            runID: runID, exitStatus: code, folder: options.periodFolder, files: [], outcomes: [],
            tally: .none)
        result.renderedElsewhere = true
        return result
    }
}
