import Foundation

/// The transport layer that tries a call again when Finch's answer (or the lack of one) is
/// retryable, waiting as `RetryPolicy` says and spending the run's `RetryBudget`. It returns the
/// last response when retries end, so the caller classifies it with its request id; it throws a
/// `FinchRunStop` for the answers that stop the whole run.
public struct RetryingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let policy: RetryPolicy
    let budget: RetryBudget
    let limiter: (any RateBudget)?
    let clock: any PaybatchClock
    let wallClock: any WallClock
    /// Told of every retry before its wait, and of every call given up on.
    let observer: (any FinchCallObserver)?
    let randomUnit: @Sendable () -> Double

    public init(
        inner: any HTTPTransport, policy: RetryPolicy, budget: RetryBudget, limiter: (any RateBudget)?,
        clock: any PaybatchClock, wallClock: any WallClock, observer: (any FinchCallObserver)? = nil,
        randomUnit: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.inner = inner
        self.policy = policy
        self.budget = budget
        self.limiter = limiter
        self.clock = clock
        self.wallClock = wallClock
        self.observer = observer
        self.randomUnit = randomUnit
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var attempt = 0
        var waited = Duration.zero
        while true {
            var current = request
            current.context.attempt = attempt
            let answer = FinchAnswer(
                await Result { try await inner.send(current) }, endpoint: request.context.endpoint)
            if case .failure(let error) = answer.result, !(error is TransportError) { throw error }
            guard let failure = answer.failure(attempts: attempt + 1) else { return try answer.result.get() }
            if failure.failureClass.scope == .run { throw FinchRunStop(failure) }
            guard failure.failureClass.retryable else { return try answer.result.get() }

            let isRateLimit = failure.httpStatus == 429
            let serverDelay = answer.response.flatMap {
                RetryPolicy.serverDelay(in: $0, now: wallClock.now())
            }
            // Each way of ending a retryable call is reported to the observer once, first.
            func givingUp(_ reason: FinchGiveUp.Reason) async {
                await observer?.givingUp(
                    FinchGiveUp(
                        reason: reason, endpoint: request.context.endpoint,
                        connectionID: request.context.connectionID, lastAttempt: attempt,
                        httpStatus: failure.httpStatus, requestID: failure.requestID,
                        transportError: answer.transportErrorKind, waited: waited, serverDelay: serverDelay))
            }
            if attempt + 1 >= policy.maxAttempts {
                await givingUp(.attemptsExhausted)
                return try answer.result.get()
            }
            if isRateLimit, let serverDelay, serverDelay > policy.maxServerDelay {
                await givingUp(.retryAfterTooLong)
                throw FinchRunStop(failure, retryAfter: serverDelay, now: wallClock.now())
            }
            let delay =
                serverDelay.map { min($0, policy.maxServerDelay) }
                ?? policy.backoff(retriesSoFar: attempt, randomUnit: randomUnit())
            guard await budget.spend(onRateLimit: isRateLimit) else {
                await givingUp(.retryBudgetSpent)
                if isRateLimit {
                    throw FinchRunStop(
                        rateLimitedOut: failure, reason: "the run's retry budget is spent on 429 answers",
                        now: wallClock.now())
                }
                return try answer.result.get()
            }
            await observer?.retrying(
                FinchRetry(
                    endpoint: request.context.endpoint, connectionID: request.context.connectionID,
                    failedAttempt: attempt, httpStatus: failure.httpStatus, requestID: failure.requestID,
                    transportError: answer.transportErrorKind, delay: delay, serverDelay: serverDelay))
            if isRateLimit {
                try await limiter?.hold(request.context.endpoint?.bucket, until: clock.now() + delay)
            }
            try await clock.sleep(for: delay)
            waited += delay
            attempt += 1
        }
    }
}

extension Result where Failure == any Error {
    /// `Result(catching:)` for async bodies.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
