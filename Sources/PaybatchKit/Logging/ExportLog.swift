import Logging

/// Every line the export engine logs, one method per event, each with its level and its facts as
/// metadata (`connection_id`, `bucket`, `request_id`, `attempt`, `waited_ms`, `retry_after_ms`…),
/// so what an export says, and at which level, is read in one place. Tokens never reach it: its
/// events carry ids, statuses, codes and times only.
public struct ExportLog: Sendable {
    public let logger: Logger

    /// The shortest limiter wait logged at info (every wait is on its attempt's debug line).
    /// Below a second a wait is the limiter's turn-taking or the last moments of a window: noise
    /// in a run of thousands of calls. From a second up a bucket's minute (or the IP's five
    /// minutes) is being waited out, and an operator watching a run that seems to stall needs
    /// to see which bucket and which connection.
    public static let noticeableLimiterWait: Duration = .seconds(1)

    public init(logger: Logger) { self.logger = logger }

    /// The same log, every later line carrying the run's id.
    func run(_ runID: String) -> ExportLog {
        var logger = logger
        logger[metadataKey: "run_id"] = "\(runID)"
        return ExportLog(logger: logger)
    }

    // MARK: The run

    func exportStarted(_ period: Period, connections: Int) {
        logger.info("export \(period): \(connections) connections")
    }

    func resuming(_ runID: String) {
        logger.info("resuming run \(runID)")
    }

    /// A run's stored answers were asked in another shape (batch sizes, `--include-ssn`) than
    /// this invocation's: the run being resumed fetches its data again (`resumed`), or the
    /// previous run's are not reused.
    func requestShapeDiffers(_ runID: String, resumed: Bool) {
        logger.info(
            resumed
                ? "run \(runID) asked Finch with other batch sizes or --include-ssn: its data is fetched again"
                : "run \(runID) asked Finch with other batch sizes or --include-ssn: its answers are not reused"
        )
    }

    /// `--offline`: the period's latest run rendered again.
    func renderingStored(_ runID: String, period: Period) {
        logger.info("rendering run \(runID) of \(period) from the store", metadata: ["run_id": "\(runID)"])
    }

    /// One event per connection, in the reports' order: its outcome as fields (`export_status`,
    /// `source`, `request_id`, `finch_code`), never only as message text, so a log reader can
    /// filter on them.
    func connectionOutcome(_ outcome: ConnectionOutcome) {
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
        // One line per entity of a multi-entity connection, each naming its entity.
        let entity = outcome.entity.map { " entity \($0.id)" } ?? ""
        if let id = outcome.entity?.id { metadata["entity_id"] = "\(id.rawValue)" }
        logger.info(
            "connection \(outcome.identity.connectionID)\(entity): \(outcome.status.rawValue) (\(outcome.source))",
            metadata: metadata)
    }

    // MARK: A connection's fetch

    /// An error the connection's fetch met (its outcome says what it made of it).
    func connectionError(_ error: FinchFailure, connection id: ConnectionID) {
        var metadata: Logger.Metadata = [
            "connection_id": "\(id)",
            "request_id": "\(error.requestID?.rawValue ?? "-")",
            "endpoint": "\(error.endpoint?.path ?? "-")",
            "code": "\(error.code)",
        ]
        if let finchCode = error.finchCode { metadata["finch_code"] = "\(finchCode)" }
        logger.warning("\(error.code): \(error.message)", metadata: metadata)
    }

    /// The connection's fetch ended: what it came to.
    func connectionFetched(_ id: ConnectionID, status: ExportStatus, reused: Bool) {
        logger.debug(
            "connection \(id) fetched: \(status.rawValue)\(reused ? " (reused)" : "")",
            metadata: ["connection_id": "\(id)"])
    }

    /// A shared run's connection claimed again after its worker's lease ran out (issue 22).
    func resumingClaim(_ id: ConnectionID, from worker: WorkerID, attempt: Int) {
        logger.notice(
            "connection \(id) resumed from worker \(worker), whose lease ran out (claim \(attempt))",
            metadata: ["connection_id": "\(id)", "previous_worker": "\(worker)"])
    }

    /// Shared-run lines (issue 22): joined, started, electing, waiting.
    func sharedRun(_ message: String, runID: String) {
        logger.info("\(message)", metadata: ["run_id": "\(runID)"])
    }

    // MARK: Calls

    /// Every attempt of every call, at debug (`--verbose`).
    func attempt(_ call: FinchCallRecord) {
        logger.debug(
            "\(call.method.rawValue) \(call.endpoint?.path ?? "-"): \(Self.outcome(call))",
            metadata: Self.attemptMetadata(call))
    }

    /// A wait for the shared rate limiter, at info from `noticeableLimiterWait` up.
    func limiterWait(_ call: FinchCallRecord) {
        guard call.limiterWait >= Self.noticeableLimiterWait else { return }
        var metadata = Self.common(
            endpoint: call.endpoint, connectionID: call.connectionID, requestID: call.requestID)
        metadata["attempt"] = .stringConvertible(call.attempt + 1)
        metadata["waited_ms"] = .stringConvertible(Self.milliseconds(call.limiterWait))
        logger.info(
            "waited \(Self.milliseconds(call.limiterWait)) ms for the \(CallCounter.name(of: call.endpoint)) rate limit before \(call.endpoint?.path ?? "a call")",
            metadata: metadata)
    }

    /// A retry about to happen, with the wait before it (`Retry-After` when Finch sent one).
    func retrying(_ retry: FinchRetry) {
        let cause = retry.httpStatus.map { "HTTP \($0)" } ?? retry.transportError ?? "no answer"
        let reason = retry.serverDelay == nil ? "backoff" : "Retry-After"
        var metadata = Self.common(
            endpoint: retry.endpoint, connectionID: retry.connectionID, requestID: retry.requestID)
        metadata["attempt"] = .stringConvertible(retry.failedAttempt + 1)
        metadata["waited_ms"] = .stringConvertible(Self.milliseconds(retry.delay))
        if let serverDelay = retry.serverDelay {
            metadata["retry_after_ms"] = .stringConvertible(Self.milliseconds(serverDelay))
        }
        logger.info(
            "retrying \(retry.endpoint?.path ?? "a call") after \(cause): waiting \(Self.milliseconds(retry.delay)) ms (\(reason))",
            metadata: metadata)
    }

    /// A call given up on, with why (`reason`).
    func givingUp(_ giveUp: FinchGiveUp) {
        let cause = giveUp.httpStatus.map { "HTTP \($0)" } ?? giveUp.transportError ?? "no answer"
        let attempts = giveUp.lastAttempt + 1
        let why =
            switch giveUp.reason {
            case .attemptsExhausted: "no attempt is left"
            case .retryBudgetSpent: "the run's retry budget is spent"
            case .retryAfterTooLong: "Finch asks for a longer wait than paybatch waits"
            }
        var metadata = Self.common(
            endpoint: giveUp.endpoint, connectionID: giveUp.connectionID, requestID: giveUp.requestID)
        metadata["reason"] = .string(giveUp.reason.rawValue)
        metadata["attempt"] = .stringConvertible(attempts)
        metadata["waited_ms"] = .stringConvertible(Self.milliseconds(giveUp.waited))
        if let status = giveUp.httpStatus { metadata["status"] = .stringConvertible(status) }
        if let error = giveUp.transportError { metadata["transport_error"] = .string(error) }
        if let serverDelay = giveUp.serverDelay {
            metadata["retry_after_ms"] = .stringConvertible(Self.milliseconds(serverDelay))
        }
        logger.warning(
            "giving up on \(giveUp.endpoint?.path ?? "a call") after \(attempts) attempt\(attempts == 1 ? "" : "s") and \(cause): \(why)",
            metadata: metadata)
    }

    static func outcome(_ call: FinchCallRecord) -> String {
        if let status = call.httpStatus { return "HTTP \(status)" }
        return call.transportError ?? "no answer"
    }

    static func attemptMetadata(_ call: FinchCallRecord) -> Logger.Metadata {
        var metadata = common(
            endpoint: call.endpoint, connectionID: call.connectionID, requestID: call.requestID)
        metadata["method"] = .string(call.method.rawValue)
        metadata["path"] = .string(call.endpoint?.path ?? "-")
        metadata["attempt"] = .stringConvertible(call.attempt + 1)
        metadata["waited_ms"] = .stringConvertible(milliseconds(call.limiterWait))
        metadata["duration_ms"] = .stringConvertible(milliseconds(call.duration))
        if let status = call.httpStatus { metadata["status"] = .stringConvertible(status) }
        if let error = call.transportError { metadata["transport_error"] = .string(error) }
        if let code = call.finchCode { metadata["finch_code"] = .string(code) }
        if let retryAfter = call.retryAfter { metadata["retry_after"] = .string(retryAfter) }
        return metadata
    }

    private static func common(
        endpoint: FinchEndpoint?, connectionID: ConnectionID?, requestID: RequestID?
    ) -> Logger.Metadata {
        var metadata: Logger.Metadata = ["bucket": .string(CallCounter.name(of: endpoint))]
        if let connectionID { metadata["connection_id"] = .string(connectionID.rawValue) }
        if let requestID { metadata["request_id"] = .string(requestID.rawValue) }
        return metadata
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
