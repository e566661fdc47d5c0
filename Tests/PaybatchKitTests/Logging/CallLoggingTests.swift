import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 7: every attempt is logged at debug with its facts as fields, every retry at
/// info, as restic's retry backend reports each retry through a callback; run.json's `retries`
/// and `limiter_wait_s` per bucket come from the same records.
@Suite("Call logging")
struct CallLoggingTests {
    static let token = "secret-token-ABCDEFGH1234"
    let clock = TestClock()
    let wall = FixedWallClock(iso8601: "2026-11-01T00:00:00Z")

    /// The live stack (limiter, retry, observer) over a script, paced at Finch's numbers (12
    /// payment calls a minute; `scale` as `--rate-scale`), without the safety margin, so waits
    /// are round.
    func stack(
        _ script: ScriptedTransport, observer: any FinchCallObserver, scale: Double = 1,
        budget: RetryBudget = RetryBudget()
    ) -> any HTTPTransport {
        FinchTransportStack.compose(
            wire: script,
            limiter: RateLimiter(
                configuration: RateLimitConfiguration(
                    scale: scale, perMinuteOverrides: [.payment: 12], safetyMargin: 0),
                clock: clock),
            retryPolicy: RetryPolicy(), budget: budget, observer: observer, clock: clock,
            wallClock: wall, randomUnit: { 0 })
    }

    func request(_ endpoint: FinchEndpoint) -> HTTPRequest {
        var request = FinchRequestFactory(baseURL: URL(string: "http://finch.test")!)
            .request(endpoint, authorization: .bearer(AccessToken(Self.token)))
        request.context.connectionID = ConnectionID("conn-7")
        return request
    }

    @Test func everyAttemptAndEveryRetryIsLoggedWithItsFields() async throws {
        let log = InMemoryLog()
        let counter = CallCounter()
        let observer = LoggingCallObserver(logger: log.logger(), forwardingTo: counter)
        let script = ScriptedTransport([
            .json(
                429, #"{"code":429,"name":"rate_limit_exceeded_error","message":"slow down"}"#,
                headers: [("Retry-After", "2"), ("Finch-Request-Id", "req-429")]),
            .json(200, #"{"id":"c"}"#, headers: [("Finch-Request-Id", "req-200")]),
        ])
        _ = try await stack(script, observer: observer).send(request(.company))
        let objects = log.objects.map { $0 ?? [:] }
        #expect(objects.count == 3, "\(log.lines)")
        let attempts = objects.filter { $0["level"] as? String == "debug" }
        let retries = objects.filter { $0["level"] as? String == "info" }
        #expect(attempts.count == 2 && retries.count == 1, "\(log.lines)")

        let first = try #require(attempts.first)
        #expect(first["method"] as? String == "GET" && first["path"] as? String == "/employer/company")
        #expect(first["bucket"] as? String == "company" && first["connection_id"] as? String == "conn-7")
        #expect(first["status"] as? Int == 429 && first["request_id"] as? String == "req-429")
        #expect(first["attempt"] as? Int == 1 && first["retry_after"] as? String == "2")
        #expect(first["waited_ms"] as? Int == 0)

        let retry = try #require(retries.first)
        #expect(retry["request_id"] as? String == "req-429" && retry["attempt"] as? Int == 1)
        #expect(retry["waited_ms"] as? Int == 2000 && retry["retry_after_ms"] as? Int == 2000)
        #expect(retry["bucket"] as? String == "company" && retry["connection_id"] as? String == "conn-7")

        let second = try #require(attempts.last)
        #expect(second["attempt"] as? Int == 2 && second["status"] as? Int == 200)
        #expect(second["request_id"] as? String == "req-200")

        // Data calls are counted by the request log; the counter adds its waits to what it says.
        let logged = CallTally(calls: ["company": 1], retries: ["company": 1], limiterWaitSeconds: [:])
        let tally = await counter.tally(logged: logged)
        #expect(tally.calls["company"] == 1 && tally.retries["company"] == 1)
        #expect(tally.retries["payment"] == 0 && tally.limiterWaitSeconds["introspect"] == 0)
        #expect(!log.lines.joined().contains(Self.token), "no token in any line")
        #expect(!log.lines.joined().contains("ABCDEFGH"), "not even a part of it")
    }

    @Test func theLimiterWaitIsRecordedPerBucket() async throws {
        // Finch's 12 payment calls a minute: the 13th waits the window out (60 s).
        let counter = CallCounter()
        let log = InMemoryLog()
        let transport = stack(
            ScriptedTransport(Array(repeating: .json(200, "{}"), count: 13)),
            observer: LoggingCallObserver(logger: log.logger(), forwardingTo: counter))
        for _ in 0..<13 { _ = try await transport.send(request(.payment)) }
        let tally = await counter.tally(logged: .none)
        #expect(tally.calls["payment"] == 0, "data calls are the request log's to count")
        #expect(tally.limiterWaitSeconds["payment"] == 60, "\(tally.limiterWaitSeconds)")
        // The attempts' lines (the long wait has an info line of its own too).
        let waited = log.objects.filter { $0?["level"] as? String == "debug" }.compactMap {
            $0?["waited_ms"] as? Int
        }
        #expect(waited.last == 60_000 && waited.dropLast().allSatisfy { $0 == 0 }, "\(waited)")
    }

    @Test func aRetryAfterATransportErrorNamesIt() async throws {
        let log = InMemoryLog()
        let script = ScriptedTransport([
            .failure(TransportError(.timedOut, "slow")), .json(200, "{}"),
        ])
        _ = try await stack(script, observer: LoggingCallObserver(logger: log.logger(format: .text)))
            .send(request(.directory))
        let retry = try #require(log.lines.first { $0.contains(" info ") })
        #expect(retry.contains("after timeout"), "\(retry)")
        #expect(retry.contains("waited_ms=500") && retry.contains("bucket=directory"), "\(retry)")
        #expect(!retry.contains("retry_after_ms"), "backoff, not Finch's Retry-After")
    }
}
