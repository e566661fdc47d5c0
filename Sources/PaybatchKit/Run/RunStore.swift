import Foundation

/// The store as an export sees it: one actor owns the SQLite connection, so concurrent fetches of
/// many connections share it safely (an SQLite handle belongs to one thread at a time).
public actor RunStore {
    private let store: SQLiteStore
    /// The store's file, as given.
    public let path: String

    /// Opens an existing store (a missing one is `MissingStore`, 78: an export never creates one).
    public init(path: String, keys: KeyRing) throws {
        store = try SQLiteStore.open(path: path, keys: keys)
        self.path = path
    }

    /// The previous month's baseline for the period-over-period comparison (SPEC §8).
    public func latestPeriodTotals(period: Period) throws -> [PeriodTotalsRecord]? {
        try store.latestPeriodTotals(period: period)?.totals
    }

    /// Keeps a finished, period-complete run's totals for good (past `--keep-runs`).
    public func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date
    ) throws {
        try store.savePeriodTotals(records, runID: runID, period: period, finishedAt: finishedAt)
    }

    /// Live connections (not disconnected), with their customers' names.
    public func liveConnections() throws -> [(record: ConnectionRecord, customerName: String)] {
        try store.connections(includingDisconnected: false).map {
            ($0, try store.customer($0.customerID)?.name ?? "")
        }
    }

    /// The live connections an export covers. None is a configuration problem (SPEC §2: 78),
    /// never an empty export: files of that period written before are left as they are.
    public func exportableConnections() throws -> [(record: ConnectionRecord, customerName: String)] {
        let live = try liveConnections()
        guard !live.isEmpty else {
            throw RunStop(
                .configuration, "The store \(path) has no live connection: there is nothing to export.",
                remedy:
                    "Import the roster with `paybatch roster import FILE`, or check --db / PAYBATCH_DB. Files written before are left as they are."
            )
        }
        return live
    }

    public func token(for connection: ConnectionID) throws -> AccessToken {
        try store.decryptAccessToken(for: connection)
    }

    public func createRun(_ run: RunRecord) throws { try store.createRun(run) }
    public func finishRun(_ id: String, status: RunRecord.Status, exitCode: Int32, at time: Date) throws {
        try store.finishRun(id, status: status, exitCode: exitCode, at: time)
    }
    public func latestRun(period: Period) throws -> RunRecord? {
        try store.latestRun(period: period, command: ExportRunner.command)
    }
    public func pruneResponses(period: Period, keepingLatest keep: Int) throws -> Int {
        try store.pruneResponses(period: period, command: ExportRunner.command, keepingLatest: keep)
    }

    func response(runID: String, key: RequestKey) throws -> FinchResponse? {
        guard
            let info = try store.responseInfo(
                runID: runID, connection: key.connectionID, requestKey: key.text),
            let body = try store.responseBody(
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
    ) throws -> [StoredResponse] {
        try store.responses(runID: runID, connection: connection, endpoint: endpoint.rawValue, entity: entity)
    }

    /// One stored answer with its body decrypted; nil when it is no longer stored.
    func answer(_ info: StoredResponse, endpoint: FinchEndpoint) throws -> FinchResponse? {
        try store.responseBody(runID: info.runID, connection: info.connectionID, requestKey: info.requestKey)
            .map {
                FinchResponse(
                    endpoint: endpoint, status: info.httpStatus, requestID: info.requestID,
                    dataRetrieved: info.dataRetrieved, body: $0)
            }
    }

    /// Keeps one answer. Without an fsync of its own (see `unsynced`): an answer the size of a
    /// large pay-statement page waited for the disk between one call and the next.
    func store(_ response: FinchResponse, runID: String, key: RequestKey, at time: Date) throws {
        try unsynced {
            try store.storeResponse(
                StoredResponse(
                    runID: runID, connectionID: key.connectionID, requestKey: key.text,
                    endpoint: key.endpoint.rawValue,
                    httpStatus: response.status, requestID: response.requestID,
                    dataRetrieved: response.dataRetrieved,
                    createdAt: time, entity: key.entity),
                body: response.body)
        }
    }

    /// Every stored data answer's `Finch-Data-Retrieved` for a connection in a run (introspect's
    /// own answer is not data), nil where one lacks it; empty when none is stored.
    func dataRetrieved(runID: String, connection: ConnectionID) throws -> [UTCTimestamp?] {
        try store.responses(runID: runID, connection: connection)
            .filter { $0.endpoint != FinchEndpoint.introspect.rawValue }
            .map { $0.dataRetrieved.flatMap(UTCTimestamp.init(iso:)) }
    }

    /// SPEC §4's `last_request_id`: the `Finch-Request-Id` of the connection's last answered call
    /// in the run, successful or not (from the request log). A connection the run did not call
    /// (`--only` rendered it from an earlier run's answers) has the id of the latest answer it holds.
    func lastRequestID(runID: String, connection: ConnectionID) throws -> RequestID? {
        if let logged = try store.lastAnsweredRequestID(runID: runID, connection: connection) {
            return logged
        }
        return try store.responses(runID: runID, connection: connection).last { $0.requestID != nil }?
            .requestID
    }

    /// The earliest `Finch-Data-Retrieved` among a connection's stored answers in a run.
    func earliestDataRetrieved(runID: String, connection: ConnectionID) throws -> UTCTimestamp? {
        try dataRetrieved(runID: runID, connection: connection).compactMap { $0 }.min()
    }

    public func runs(period: Period) throws -> [RunRecord] {
        try store.runs(period: period, command: ExportRunner.command)
    }

    func runConnections(runID: String) throws -> [ConnectionID: RunConnectionRecord] {
        try store.runConnections(runID: runID)
    }

    func saveRunConnection(_ record: RunConnectionRecord, runID: String, connection: ConnectionID) throws {
        try store.saveRunConnection(record, runID: runID, connection: connection)
    }

    func copyResponses(from source: String, to target: String, connection: ConnectionID) throws {
        try store.copyResponses(from: source, to: target, connection: connection)
    }

    func deleteDataResponses(runID: String, connection: ConnectionID) throws {
        try store.deleteResponses(
            runID: runID, connection: connection, keeping: FinchEndpoint.introspect.rawValue)
    }

    /// A resumed run whose requests now have another shape than its stored answers: the run
    /// forgets its data answers (its introspects aside) and what it recorded of its connections,
    /// and records its new options, so its connections are fetched again in the new shape.
    func forgetData(runID: String, recording options: String) throws {
        try store.database.transaction {
            try store.deleteDataAnswers(runID: runID, keeping: FinchEndpoint.introspect.rawValue)
            try store.updateRunOptions(runID, options: options)
        }
    }

    /// `--only`: a connection not named is rendered from its latest stored responses for the
    /// period asked in `shape`, copied into this run (`reused`); with none, it is recorded
    /// `not_fetched`. A run made before the period ended never serves (SPEC §2).
    func reuseLatest(
        _ connection: ConnectionID, period: Period, shape: RequestShape, into runID: String
    ) throws {
        if try store.runConnections(runID: runID)[connection] != nil { return }
        guard
            let latest = try store.latestStoredOutcome(
                period: period, command: ExportRunner.command, connection: connection, excluding: runID,
                among: { $0.periodComplete && ExportRunOptions(recorded: $0.options).serves(shape) })
        else {
            try store.saveRunConnection(
                RunConnectionRecord(status: .notFetched, source: "reused"), runID: runID,
                connection: connection)
            return
        }
        try store.copyResponses(from: latest.runID, to: runID, connection: connection)
        var record = latest.record
        record.source = "reused"
        try store.saveRunConnection(record, runID: runID, connection: connection)
    }

    /// Logs one call. Without an fsync of its own (see `unsynced`): each of many connections'
    /// first calls waited for every earlier line's fsync.
    func logRequest(_ entry: RequestLogEntry) throws {
        try unsynced { try store.logRequest(entry) }
    }

    /// Runs `body` with commits that do not wait for the disk. What it writes survives a crash of
    /// the process (the WAL is in the kernel's hands); only a crash of the machine can lose it, and
    /// then a resumed run calls Finch again for the answers lost — the store stays consistent.
    private func unsynced<T>(_ body: () throws -> T) throws -> T {
        try store.database.execute("PRAGMA synchronous = NORMAL")
        defer { try? store.database.execute("PRAGMA synchronous = FULL") }
        return try body()
    }

    /// First attempts per connection and call name in the period's latest export run.
    public func latestCallCounts(period: Period) throws -> [ConnectionID: [String: Int]] {
        guard let run = try store.latestRun(period: period, command: ExportRunner.command) else { return [:] }
        return try callCounts(runID: run.runID)
    }

    /// Calls and retries per name in a run's request log, over all its invocations: the summary
    /// of a run that stopped before its run.json.
    public func loggedTally(runID: String) throws -> CallTally {
        func total(_ counts: [ConnectionID: [String: Int]]) -> [String: Int] {
            CallCounter.everyName(
                counts.values.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) }, zero: 0)
        }
        return CallTally(
            calls: total(try callCounts(runID: runID)),
            retries: total(try callCounts(runID: runID, retries: true)),
            limiterWaitSeconds: [:])
    }

    /// First attempts (or, with `retries`, the attempts after them) per connection and call name
    /// in a run, over all its invocations.
    func callCounts(runID: String, retries: Bool = false) throws -> [ConnectionID: [String: Int]] {
        var counts: [ConnectionID: [String: Int]] = [:]
        for entry in try store.requestLog(runID: runID) where retries ? entry.attempt > 1 : entry.attempt == 1
        {
            guard let connection = entry.connectionID, let endpoint = FinchEndpoint(rawValue: entry.endpoint)
            else {
                continue
            }
            counts[connection, default: [:]][CallCounter.name(of: endpoint), default: 0] += 1
        }
        return counts
    }
}
