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
    /// Told (connections done, total) as each connection's fetch ends; the CLI shows it on a terminal.
    public var progress: (@Sendable (Int, Int) -> Void)?

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
        let templates = try ReportTemplates.load(overridesIn: options.templatesFolder)
        let connections = try await store.liveConnections().sorted {
            ($0.record.customerID, $0.record.connectionID) < ($1.record.customerID, $1.record.connectionID)
        }
        let run = try await startOrResume()
        logger.info(
            "export \(options.period): \(connections.count) connections",
            metadata: ["run_id": "\(run.runID)"])
        let selected = connections.filter(isSelected)
        let calls = CallCounter(
            forwardingTo: RequestLogObserver(store: store, runID: run.runID, wallClock: wallClock))
        var outcomes = try await fetchAll(selected, runID: run.runID, observer: calls)
        for (record, name) in connections where !isSelected((record, name)) {
            outcomes[record.connectionID] = ConnectionOutcome(
                record: record, customerName: name, data: nil, source: "reused")
        }
        let ordered = connections.compactMap { outcomes[$0.record.connectionID] }
        if !ordered.isEmpty, ordered.allSatisfy({ $0.errors.contains { $0.code == "unreachable" } }) {
            try await store.finishRun(
                run.runID, status: .failed, exitCode: ExitStatus.unavailable.rawValue, at: wallClock.now())
            throw RunStop(
                .unavailable, "Finch could not be reached for any connection (\(options.period)).",
                remedy:
                    "Check FINCH_BASE_URL, the network and proxy settings, then run again; the run resumes.")
        }
        let renderer = ExportRenderer(
            options: options, templates: templates, run: run,
            replay: makeClient(
                StoredResponseCache(store: store, runID: run.runID, mode: .replay, wallClock: wallClock),
                ClosureCallObserver { _ in }),
            wallClock: wallClock)
        let result = try await renderer.render(ordered, calls: await calls.calls)
        try await store.finishRun(
            run.runID, status: result.exitStatus == .ok ? .complete : .partial,
            exitCode: result.exitStatus.rawValue,
            at: wallClock.now())
        _ = try await store.pruneResponses(period: options.period, keepingLatest: options.keepRuns)
        return result
    }

    private func isSelected(_ connection: (record: ConnectionRecord, customerName: String)) -> Bool {
        options.only.isEmpty
            || options.only.contains(connection.record.connectionID.rawValue)
            || options.only.contains(connection.record.customerID.rawValue)
    }

    /// Resumes the period's interrupted run when it is recent and `--fresh` is not given.
    private func startOrResume() async throws -> RunRecord {
        let now = wallClock.now()
        if !options.fresh, let last = try await store.latestRun(period: options.period),
            last.status == .running,
            now.timeIntervalSince(last.startedAt) < Self.resumeWindow
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

    /// Fetches connections a few at a time; the shared limiter paces every call across them.
    private func fetchAll(
        _ connections: [(record: ConnectionRecord, customerName: String)], runID: String,
        observer: CallCounter
    ) async throws -> [ConnectionID: ConnectionOutcome] {
        let cache = StoredResponseCache(store: store, runID: runID, mode: .live, wallClock: wallClock)
        let fetcher = ConnectionFetcher(
            client: makeClient(cache, observer), period: options.period, includeSSN: options.includeSSN)
        var outcomes: [ConnectionID: ConnectionOutcome] = [:]
        try await withThrowingTaskGroup(of: ConnectionOutcome.self) { group in
            var pending = connections[...]
            func startNext() {
                guard let next = pending.popFirst() else { return }
                group.addTask {
                    try await fetchOne(next.record, name: next.customerName, fetcher: fetcher, runID: runID)
                }
            }
            for _ in 0..<max(1, options.concurrency) { startNext() }
            while let outcome = try await group.next() {
                outcomes[outcome.record.connectionID] = outcome
                progress?(outcomes.count, connections.count)
                startNext()
            }
        }
        return outcomes
    }

    private func fetchOne(
        _ record: ConnectionRecord, name: String, fetcher: ConnectionFetcher, runID: String
    ) async throws -> ConnectionOutcome {
        let token = try await store.token(for: record.connectionID)
        let data = try await fetcher.fetch(record.connectionID, token: token)
        var outcome = ConnectionOutcome(record: record, customerName: name, data: data, source: "fetched")
        let retrieved = try await store.dataRetrieved(runID: runID, connection: record.connectionID)
        outcome.dataRetrieved = retrieved.compactMap { $0.flatMap(UTCTimestamp.init(iso:)) }.min()
        outcome.lastRequestID = data.errors.last?.requestID
        for error in data.errors {
            logger.warning(
                "\(error.code): \(error.message)",
                metadata: [
                    "connection": "\(record.connectionID)",
                    "request_id": "\(error.requestID?.rawValue ?? "-")",
                    "endpoint": "\(error.endpoint?.path ?? "-")",
                ])
        }
        logger.info(
            "connection \(record.connectionID): \(data.status.rawValue)",
            metadata: ["connection": "\(record.connectionID)"])
        return outcome
    }
}

/// What an export wrote, and how it ended.
public struct ExportResult: Sendable {
    public var runID: String
    public var exitStatus: ExitStatus
    public var folder: String
    public var files: [WrittenFile]
    public var outcomes: [ConnectionOutcome]
}
