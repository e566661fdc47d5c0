import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 20: every limiter wait long enough to matter, every `Retry-After` honoured and every call
/// given up on is logged with its facts as metadata, through the observer the stack reports to.
extension CallLoggingTests {
    /// The log's JSON lines of one level.
    static func lines(_ log: InMemoryLog, at level: String) -> [[String: Any]] {
        log.objects.map { $0 ?? [:] }.filter { $0["level"] as? String == level }
    }

    /// The log's one warning line: a call given up on is reported once.
    static func theOneWarning(
        _ log: InMemoryLog, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [String: Any] {
        let warnings = lines(log, at: "warning")
        #expect(warnings.count == 1, "\(log.lines)", sourceLocation: sourceLocation)
        return try #require(warnings.first, sourceLocation: sourceLocation)
    }

    @Test(
        "a limiter wait of a second or more is logged at info with its fields; every wait stays at debug",
        arguments: [(1.0, 60_000, true), (60, 1_000, true), (120, 500, false)])
    func longLimiterWaitsAtInfo(scale: Double, waited: Int, atInfo: Bool) async throws {
        // The 13th payment call waits out the bucket's window: 60 s at Finch's numbers, 1 s at
        // 60 times them (the threshold itself), half a second at 120 times.
        let log = InMemoryLog()
        let transport = stack(
            ScriptedTransport(Array(repeating: .json(200, "{}"), count: 13)),
            observer: LoggingCallObserver(logger: log.logger()), scale: scale)
        for _ in 0..<13 { _ = try await transport.send(request(.payment)) }
        let attempts = Self.lines(log, at: "debug").compactMap { $0["waited_ms"] as? Int }
        #expect(attempts.count == 13 && attempts.last == waited, "\(log.lines)")
        let waits = Self.lines(log, at: "info")
        guard atInfo else {
            #expect(waits.isEmpty, "\(log.lines)")
            return
        }
        #expect(waits.count == 1, "\(log.lines)")
        let wait = try #require(waits.first)
        #expect(wait["bucket"] as? String == "payment" && wait["connection_id"] as? String == "conn-7")
        #expect(wait["waited_ms"] as? Int == waited && wait["attempt"] as? Int == 1)
        #expect(wait["request_id"] as? String == "req-13")
        #expect(!log.lines.joined().contains(Self.token))
    }

    @Test func aLongLimiterWaitOfARetryNamesItsAttempt() async throws {
        // Eleven calls and the first try of the twelfth fill the payment minute; the twelfth's
        // retry (after 500 ms of backoff) waits the rest of it.
        let log = InMemoryLog()
        let script = ScriptedTransport(
            Array(repeating: .json(200, "{}"), count: 11) + [
                .json(500, #"{"code":500,"name":"server_error","message":"boom"}"#), .json(200, "{}"),
            ])
        let transport = stack(script, observer: LoggingCallObserver(logger: log.logger()))
        for _ in 0..<12 { _ = try await transport.send(request(.payment)) }
        // The retry itself is logged at info too; the wait is the other line.
        let waits = Self.lines(log, at: "info").filter { !"\($0["message"] ?? "")".hasPrefix("retrying") }
        #expect(waits.count == 1, "\(log.lines)")
        let wait = try #require(waits.first)
        #expect(wait["attempt"] as? Int == 2 && wait["waited_ms"] as? Int == 59_500, "\(wait)")
        #expect(wait["bucket"] as? String == "payment" && wait["connection_id"] as? String == "conn-7")
        #expect(wait["request_id"] as? String == "req-13")
    }

    @Test(
        "a Retry-After honoured is logged with retry_after_ms and the request id of the answer that carried it",
        arguments: [
            (429, "Retry-After", "2", 2_000),
            (503, "retry-after-ms", "1500", 1_500),
        ])
    func retryAfterHonoured(status: Int, header: String, value: String, milliseconds: Int) async throws {
        let log = InMemoryLog()
        let script = ScriptedTransport([
            .json(
                status, #"{"code":\#(status),"name":"x","message":"later"}"#,
                headers: [(header, value), ("Finch-Request-Id", "req-asked")]),
            .json(200, "{}"),
        ])
        _ = try await stack(script, observer: LoggingCallObserver(logger: log.logger())).send(
            request(.directory))
        let retries = Self.lines(log, at: "info")
        #expect(retries.count == 1, "\(log.lines)")
        let retry = try #require(retries.first)
        #expect(
            retry["retry_after_ms"] as? Int == milliseconds && retry["request_id"] as? String == "req-asked")
        #expect(retry["waited_ms"] as? Int == milliseconds && retry["attempt"] as? Int == 1)
        #expect(retry["bucket"] as? String == "directory" && retry["connection_id"] as? String == "conn-7")
        #expect(Self.lines(log, at: "warning").isEmpty)
    }

    @Test func givingUpAfterTheLastAttemptIsOneWarning() async throws {
        let log = InMemoryLog()
        let script = ScriptedTransport(
            (1...6).map { .json(502, "{}", headers: [("Finch-Request-Id", "req-try-\($0)")]) })
        let response = try await stack(script, observer: LoggingCallObserver(logger: log.logger()))
            .send(request(.company))
        #expect(response.status == 502)
        let warning = try Self.theOneWarning(log)
        #expect(warning["reason"] as? String == "attempts_exhausted" && warning["status"] as? Int == 502)
        #expect(warning["request_id"] as? String == "req-try-6" && warning["attempt"] as? Int == 6)
        // Backoff 0.5 + 1 + 2 + 4 + 8 s between the six tries (no jitter drawn).
        #expect(warning["waited_ms"] as? Int == 15_500, "\(warning)")
        #expect(warning["bucket"] as? String == "company" && warning["connection_id"] as? String == "conn-7")
        #expect(warning["retry_after_ms"] == nil)
        #expect(!log.lines.joined().contains(Self.token))
    }

    @Test func givingUpOnTransportErrorsNamesTheLastOne() async throws {
        let log = InMemoryLog()
        let script = ScriptedTransport(
            Array(repeating: .failure(TransportError(.timedOut, "slow")), count: 6))
        await #expect(throws: TransportError.self) {
            try await stack(script, observer: LoggingCallObserver(logger: log.logger())).send(
                request(.directory))
        }
        let warning = try Self.theOneWarning(log)
        #expect(warning["reason"] as? String == "attempts_exhausted")
        #expect(warning["transport_error"] as? String == "timeout" && warning["request_id"] == nil)
        #expect(warning["attempt"] as? Int == 6 && warning["waited_ms"] as? Int == 15_500)
        #expect(
            warning["bucket"] as? String == "directory" && warning["connection_id"] as? String == "conn-7")
    }

    @Test func aSpentRetryBudgetIsOneWarning() async throws {
        let log = InMemoryLog()
        let budget = RetryBudget(plannedCalls: 0)
        for _ in 0..<50 { _ = await budget.spend(onRateLimit: false) }
        let script = ScriptedTransport([
            .json(
                500, #"{"code":500,"name":"server_error","message":"boom"}"#,
                headers: [("Finch-Request-Id", "req-500")])
        ])
        let response = try await stack(
            script, observer: LoggingCallObserver(logger: log.logger()), budget: budget
        )
        .send(request(.company))
        #expect(response.status == 500)
        let warning = try Self.theOneWarning(log)
        #expect(warning["reason"] as? String == "retry_budget_spent" && warning["status"] as? Int == 500)
        #expect(warning["request_id"] as? String == "req-500" && warning["attempt"] as? Int == 1)
        #expect(warning["waited_ms"] as? Int == 0)
        #expect(warning["bucket"] as? String == "company" && warning["connection_id"] as? String == "conn-7")
    }

    @Test(
        "a 429 the run cannot retry is one warning with Finch's Retry-After and request id",
        arguments: [("retry_budget_spent", "2", 2_000, 50), ("retry_after_too_long", "120", 120_000, 0)])
    func rateLimitedOut(reason: String, retryAfter: String, milliseconds: Int, alreadySpent: Int) async throws
    {
        let log = InMemoryLog()
        let budget = RetryBudget(plannedCalls: 0)
        for _ in 0..<alreadySpent { _ = await budget.spend(onRateLimit: true) }
        let script = ScriptedTransport([
            .json(
                429, #"{"code":429,"name":"rate_limit_exceeded_error","message":"slow down"}"#,
                headers: [("Retry-After", retryAfter), ("Finch-Request-Id", "req-429")])
        ])
        await #expect(throws: FinchRunStop.self) {
            try await stack(script, observer: LoggingCallObserver(logger: log.logger()), budget: budget)
                .send(request(.payment))
        }
        let warning = try Self.theOneWarning(log)
        #expect(warning["reason"] as? String == reason && warning["status"] as? Int == 429)
        #expect(
            warning["retry_after_ms"] as? Int == milliseconds && warning["request_id"] as? String == "req-429"
        )
        #expect(warning["attempt"] as? Int == 1 && warning["waited_ms"] as? Int == 0)
        #expect(warning["bucket"] as? String == "payment" && warning["connection_id"] as? String == "conn-7")
        #expect(!log.lines.joined().contains(Self.token))
    }
}
