import Logging

/// Logs every attempt of every call at debug level (`--verbose`), every retry and every limiter
/// wait of a second or more at info, and every call given up on at warning, with the facts as
/// metadata (`connection_id`, `bucket`, `request_id`, `attempt`, `waited_ms`…), then hands them
/// on. Tokens never reach it: a record holds ids, statuses and times only.
public struct LoggingCallObserver: FinchCallObserver {
    let logger: Logger
    let forward: (any FinchCallObserver)?

    /// The shortest limiter wait logged at info (every wait is on its attempt's debug line).
    /// Below a second a wait is the limiter's turn-taking or the last moments of a window: noise
    /// in a run of thousands of calls. From a second up a bucket's minute (or the IP's five
    /// minutes) is being waited out, and an operator watching a run that seems to stall needs
    /// to see which bucket and which connection.
    public static let noticeableLimiterWait: Duration = .seconds(1)

    public init(logger: Logger, forwardingTo forward: (any FinchCallObserver)? = nil) {
        self.logger = logger
        self.forward = forward
    }

    public func record(_ call: FinchCallRecord) async {
        logger.debug(
            "\(call.method.rawValue) \(call.endpoint?.path ?? "-"): \(Self.outcome(call))",
            metadata: Self.attemptMetadata(call))
        if call.limiterWait >= Self.noticeableLimiterWait {
            var metadata = Self.common(
                endpoint: call.endpoint, connectionID: call.connectionID, requestID: call.requestID)
            metadata["attempt"] = .stringConvertible(call.attempt + 1)
            metadata["waited_ms"] = .stringConvertible(Self.milliseconds(call.limiterWait))
            logger.info(
                "waited \(Self.milliseconds(call.limiterWait)) ms for the \(CallCounter.name(of: call.endpoint)) rate limit before \(call.endpoint?.path ?? "a call")",
                metadata: metadata)
        }
        await forward?.record(call)
    }

    public func retrying(_ retry: FinchRetry) async {
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
        await forward?.retrying(retry)
    }

    public func givingUp(_ giveUp: FinchGiveUp) async {
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
        await forward?.givingUp(giveUp)
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
