import Logging

/// Hands every attempt, retry and call given up on to the export's log (`ExportLog`: attempts at
/// debug, limiter waits of a second or more and retries at info, give-ups at warning), then on
/// to the next observer.
public struct LoggingCallObserver: FinchCallObserver {
    let log: ExportLog
    let forward: (any FinchCallObserver)?

    public init(logger: Logger, forwardingTo forward: (any FinchCallObserver)? = nil) {
        log = ExportLog(logger: logger)
        self.forward = forward
    }

    public func record(_ call: FinchCallRecord) async {
        log.attempt(call)
        log.limiterWait(call)
        await forward?.record(call)
    }

    public func retrying(_ retry: FinchRetry) async {
        log.retrying(retry)
        await forward?.retrying(retry)
    }

    public func givingUp(_ giveUp: FinchGiveUp) async {
        log.givingUp(giveUp)
        await forward?.givingUp(giveUp)
    }
}
