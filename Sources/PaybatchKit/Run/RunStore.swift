import Foundation

/// The store as an export sees it: the export's questions in its own words, over whichever
/// store the command opened. Concurrent fetches of many connections share it: the store itself
/// is Sendable (SQLite's one connection lives in `SQLiteStoreActor`).
public struct RunStore: Sendable {
    private let store: any PaybatchStore
    /// What messages name the store by (its file, or its URL without secrets).
    public var place: String { store.place }

    public init(store: any PaybatchStore) { self.store = store }

    /// The previous month's baseline for the period-over-period comparison (SPEC §8).
    public func latestPeriodTotals(period: Period) async throws -> [PeriodTotalsRecord]? {
        try await store.latestPeriodTotals(period: period)?.totals
    }

    /// Keeps a finished, period-complete run's totals for good (past `--keep-runs`).
    public func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date
    ) async throws {
        try await store.savePeriodTotals(records, runID: runID, period: period, finishedAt: finishedAt)
    }

    /// Live connections (not disconnected), with their customers' names.
    public func liveConnections() async throws -> [(record: ConnectionRecord, customerName: String)] {
        var live: [(record: ConnectionRecord, customerName: String)] = []
        for record in try await store.connections(includingDisconnected: false) {
            live.append((record, try await store.customer(record.customerID)?.name ?? ""))
        }
        return live
    }

    /// The live connections an export covers. None is a configuration problem (SPEC §2: 78),
    /// never an empty export: files of that period written before are left as they are.
    public func exportableConnections() async throws -> [(record: ConnectionRecord, customerName: String)] {
        let live = try await liveConnections()
        guard !live.isEmpty else {
            throw RunStop(
                .configuration, "The store \(place) has no live connection: there is nothing to export.",
                remedy:
                    "Import the roster with `paybatch roster import FILE`, or check --db / PAYBATCH_DB. Files written before are left as they are."
            )
        }
        return live
    }

    public func token(for connection: ConnectionID) async throws -> AccessToken {
        try await store.decryptAccessToken(for: connection)
    }

    public func createRun(_ run: RunRecord) async throws { try await store.createRun(run) }
    public func finishRun(_ id: String, status: RunRecord.Status, exitCode: Int32, at time: Date) async throws
    {
        try await store.finishRun(id, status: status, exitCode: exitCode, at: time)
    }
    public func run(_ runID: String) async throws -> RunRecord? { try await store.run(runID) }

    /// Whether any call of the run, by any worker, got an HTTP answer other than a 5xx (SPEC §2:
    /// without one, Finch is unreachable rather than the connections failed).
    func sawUsableAnswer(runID: String) async throws -> Bool {
        try await store.requestLog(runID: runID, connection: nil).contains { ($0.httpStatus ?? 500) < 500 }
    }
    public func latestRun(period: Period) async throws -> RunRecord? {
        try await store.runs(period: period, command: ExportRunner.command).first
    }
    public func pruneResponses(period: Period, keepingLatest keep: Int) async throws -> Int {
        try await store.pruneResponses(period: period, command: ExportRunner.command, keepingLatest: keep)
    }

    func response(runID: String, key: RequestKey) async throws -> FinchResponse? {
        guard
            let info = try await store.responseInfo(
                runID: runID, connection: key.connectionID, requestKey: key.text),
            let body = try await store.responseBody(
                runID: runID, connection: key.connectionID, requestKey: key.text)
        else { return nil }
        return FinchResponse(
            endpoint: key.endpoint, status: info.httpStatus, requestID: info.requestID,
            dataRetrieved: info.dataRetrieved, body: body)
    }

    /// A connection's stored answers of one endpoint in a run, in the order they were stored
    /// (bodies not read): the order its fetch asked for them.
    func storedAnswers(
        runID: String, connection: ConnectionID, endpoint: FinchEndpoint, entity: EntityID? = nil
    ) async throws -> [StoredResponse] {
        try await store.responses(
            runID: runID, connection: connection, endpoint: endpoint.rawValue, entity: entity)
    }

    /// One stored answer with its body decrypted; nil when it is no longer stored.
    func answer(_ info: StoredResponse, endpoint: FinchEndpoint) async throws -> FinchResponse? {
        try await store.responseBody(
            runID: info.runID, connection: info.connectionID, requestKey: info.requestKey
        )
        .map {
            FinchResponse(
                endpoint: endpoint, status: info.httpStatus, requestID: info.requestID,
                dataRetrieved: info.dataRetrieved, body: $0)
        }
    }

    /// Keeps one answer (without waiting for the disk where the store may: `storeResponse`).
    func store(_ response: FinchResponse, runID: String, key: RequestKey, at time: Date) async throws {
        try await store.storeResponse(
            StoredResponse(
                runID: runID, connectionID: key.connectionID, requestKey: key.text,
                endpoint: key.endpoint.rawValue,
                httpStatus: response.status, requestID: response.requestID,
                dataRetrieved: response.dataRetrieved,
                createdAt: time, entity: key.entity),
            body: response.body)
    }

    /// Every stored data answer's `Finch-Data-Retrieved` for a connection in a run (introspect's
    /// own answer is not data), nil where one lacks it; empty when none is stored.
    func dataRetrieved(runID: String, connection: ConnectionID) async throws -> [UTCTimestamp?] {
        try await store.responses(runID: runID, connection: connection, endpoint: nil, entity: nil)
            .filter { $0.endpoint != FinchEndpoint.introspect.rawValue }
            .map { $0.dataRetrieved.flatMap(UTCTimestamp.init(iso:)) }
    }

    /// SPEC §4's `last_request_id`: the `Finch-Request-Id` of the connection's last answered call
    /// in the run, successful or not (from the request log). A connection the run did not call
    /// (`--only` rendered it from an earlier run's answers) has the id of the latest answer it holds.
    func lastRequestID(runID: String, connection: ConnectionID) async throws -> RequestID? {
        if let logged = try await store.lastAnsweredRequestID(runID: runID, connection: connection) {
            return logged
        }
        return try await store.responses(runID: runID, connection: connection, endpoint: nil, entity: nil)
            .last { $0.requestID != nil }?
            .requestID
    }

    /// The earliest `Finch-Data-Retrieved` among a connection's stored answers in a run.
    func earliestDataRetrieved(runID: String, connection: ConnectionID) async throws -> UTCTimestamp? {
        try await dataRetrieved(runID: runID, connection: connection).compactMap { $0 }.min()
    }

    public func runs(period: Period) async throws -> [RunRecord] {
        try await store.runs(period: period, command: ExportRunner.command)
    }

    func runConnections(runID: String) async throws -> [ConnectionID: RunConnectionRecord] {
        try await store.runConnections(runID: runID)
    }

    func saveRunConnection(
        _ record: RunConnectionRecord, runID: String, connection: ConnectionID
    ) async throws {
        try await store.saveRunConnection(record, runID: runID, connection: connection)
    }

    func copyResponses(from source: String, to target: String, connection: ConnectionID) async throws {
        try await store.copyResponses(from: source, to: target, connection: connection)
    }

    func deleteDataResponses(runID: String, connection: ConnectionID) async throws {
        try await store.deleteResponses(
            runID: runID, connection: connection, keeping: FinchEndpoint.introspect.rawValue)
    }

    /// A resumed run whose requests now have another shape than its stored answers: the run
    /// forgets its data answers (its introspects aside) and what it recorded of its connections,
    /// and records its new options, so its connections are fetched again in the new shape.
    func forgetData(runID: String, recording options: String) async throws {
        try await store.forgetData(runID: runID, keeping: FinchEndpoint.introspect.rawValue, options: options)
    }

    /// `--only`: a connection not named is rendered from its latest stored responses for the
    /// period asked in `shape`, copied into this run (`reused`); with none, it is recorded
    /// `not_fetched`. A run made before the period ended never serves (SPEC §2).
    func reuseLatest(
        _ connection: ConnectionID, period: Period, shape: RequestShape, into runID: String
    ) async throws {
        if try await store.runConnections(runID: runID)[connection] != nil { return }
        guard
            let latest = try await store.latestStoredOutcome(
                period: period, command: ExportRunner.command, connection: connection, excluding: runID,
                among: { $0.periodComplete && ExportRunOptions(recorded: $0.options).serves(shape) })
        else {
            try await store.saveRunConnection(
                RunConnectionRecord(status: .notFetched, source: "reused"), runID: runID,
                connection: connection)
            return
        }
        try await store.copyResponses(from: latest.runID, to: runID, connection: connection)
        var record = latest.record
        record.source = "reused"
        try await store.saveRunConnection(record, runID: runID, connection: connection)
    }

    /// Logs one call (without waiting for the disk where the store may: `logRequests`).
    func logRequest(_ entry: RequestLogEntry) async throws {
        try await store.logRequests([entry])
    }

    /// First attempts per connection and call name in the period's latest export run.
    public func latestCallCounts(period: Period) async throws -> [ConnectionID: [String: Int]] {
        guard let run = try await store.runs(period: period, command: ExportRunner.command).first else {
            return [:]
        }
        return try await callCounts(runID: run.runID)
    }

    /// Calls and retries per name in a run's request log, over all its invocations: the summary
    /// of a run that stopped before its run.json.
    public func loggedTally(runID: String) async throws -> CallTally {
        func total(_ counts: [ConnectionID: [String: Int]]) -> [String: Int] {
            CallCounter.everyName(
                counts.values.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) }, zero: 0)
        }
        return CallTally(
            calls: total(try await callCounts(runID: runID)),
            retries: total(try await callCounts(runID: runID, retries: true)),
            limiterWaitSeconds: [:])
    }

    /// First attempts (or, with `retries`, the attempts after them) per connection and call name
    /// in a run, over all its invocations.
    func callCounts(runID: String, retries: Bool = false) async throws -> [ConnectionID: [String: Int]] {
        var counts: [ConnectionID: [String: Int]] = [:]
        for entry in try await store.requestLog(runID: runID, connection: nil)
        where retries ? entry.attempt > 1 : entry.attempt == 1 {
            guard let connection = entry.connectionID, let endpoint = FinchEndpoint(rawValue: entry.endpoint)
            else {
                continue
            }
            counts[connection, default: [:]][CallCounter.name(of: endpoint), default: 0] += 1
        }
        return counts
    }
}
