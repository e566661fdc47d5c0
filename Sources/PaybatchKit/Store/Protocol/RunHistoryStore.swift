import Foundation

/// The runs part of a store: runs and what each made of its connections, stored Finch answers
/// (bodies encrypted), the request log, period totals and refresh jobs.
public protocol RunHistoryStore: Sendable {
    func createRun(_ run: RunRecord) async throws
    func finishRun(_ runID: String, status: RunRecord.Status, exitCode: Int32, at time: Date) async throws
    func run(_ runID: String) async throws -> RunRecord?
    /// Newest first.
    func runs(period: Period, command: String) async throws -> [RunRecord]
    func allRuns() async throws -> [RunRecord]
    /// Deletes the stored answers of all but the `keep` latest runs of the period; returns how many.
    func pruneResponses(period: Period, command: String, keepingLatest keep: Int) async throws -> Int

    func saveRunConnection(
        _ record: RunConnectionRecord, runID: String, connection: ConnectionID) async throws
    func runConnections(runID: String) async throws -> [ConnectionID: RunConnectionRecord]
    /// The newest run of the period other than `excluding`, among `eligible`, that recorded the
    /// connection with stored answers, with what it made of it.
    func latestStoredOutcome(
        period: Period, command: String, connection: ConnectionID, excluding runID: String,
        among eligible: @Sendable (RunRecord) -> Bool
    ) async throws -> (runID: String, record: RunConnectionRecord)?

    /// Keeps one answer (replacing the same request's), its body encrypted. May skip waiting for
    /// the disk (SQLite's `synchronous = NORMAL`): a crash of the machine can lose the newest
    /// answers, never the store's consistency, and a resumed run asks Finch again.
    func storeResponse(_ info: StoredResponse, body: Data) async throws
    func responseInfo(
        runID: String, connection: ConnectionID, requestKey: String
    ) async throws
        -> StoredResponse?
    func responseBody(runID: String, connection: ConnectionID, requestKey: String) async throws -> Data?
    /// Stored answers' descriptions (bodies not read), in the order they were first stored.
    func responses(
        runID: String, connection: ConnectionID?, endpoint: String?, entity: EntityID?
    )
        async throws -> [StoredResponse]
    /// Copies a connection's answers from one run into another (re-encrypted under the target's
    /// associated data); answers the target already has stay. Returns how many were copied.
    @discardableResult
    func copyResponses(from source: String, to target: String, connection: ConnectionID) async throws -> Int
    /// Deletes a connection's answers in a run but those of `endpoint`; returns how many.
    @discardableResult
    func deleteResponses(
        runID: String, connection: ConnectionID, keeping endpoint: String
    ) async throws -> Int
    /// In one transaction: deletes every answer of the run but those of `endpoint`, forgets what
    /// the run recorded of its connections, and records the run's new options.
    func forgetData(runID: String, keeping endpoint: String, options: String) async throws

    /// Logs calls, in one transaction (may skip waiting for the disk, as `storeResponse`).
    func logRequests(_ entries: [RequestLogEntry]) async throws
    func lastAnsweredRequestID(runID: String, connection: ConnectionID) async throws -> RequestID?
    func requestLog(runID: String?, connection: ConnectionID?) async throws -> [RequestLogEntry]

    func savePeriodTotals(
        _ records: [PeriodTotalsRecord], runID: String, period: Period, finishedAt: Date)
        async throws
    func latestPeriodTotals(period: Period) async throws -> (runID: String, totals: [PeriodTotalsRecord])?

    @discardableResult
    func saveRefreshJob(_ record: RefreshJobRecord) async throws -> Int64
    func latestRefreshJobs() async throws -> [RefreshJobRecord]
}
