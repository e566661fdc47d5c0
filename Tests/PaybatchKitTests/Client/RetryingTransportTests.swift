import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

private let rateLimitBody =
    #"{"statusCode":429,"status":429,"code":429,"message":"Too many requests for token","name":"rate_limit_exceeded_error","finch_code":"finch_application_rl"}"#

@Suite("Retrying transport")
struct RetryingTransportTests {
    let clock = TestClock()
    let wall = FixedWallClock(iso8601: "2026-11-01T00:00:00Z")

    func stack(_ script: ScriptedTransport, budget: RetryBudget = RetryBudget()) -> RetryingTransport {
        RetryingTransport(
            inner: script, policy: RetryPolicy(), budget: budget, limiter: nil, clock: clock, wallClock: wall,
            randomUnit: { 0 })
    }

    func request(_ endpoint: FinchEndpoint = .company) -> HTTPRequest {
        FinchRequestFactory(baseURL: URL(string: "http://finch.test")!)
            .request(endpoint, authorization: .bearer(AccessToken("secret-token-1234")))
    }

    @Test func retriesServerErrorsWithBackoffThenSucceeds() async throws {
        let script = ScriptedTransport([
            .json(500, #"{"code":500,"name":"server_error","message":"boom"}"#),
            .failure(TransportError(.timedOut, "slow")),
            .json(200, #"{"id":"c"}"#),
        ])
        let response = try await stack(script).send(request())
        #expect(response.status == 200)
        #expect(script.requests.map(\.context.attempt) == [0, 1, 2])
        #expect(clock.requestedSleeps == [.milliseconds(500), .milliseconds(1000)])
    }

    @Test func neverRetriesReauthentication() async throws {
        let script = ScriptedTransport([
            .json(
                401,
                #"{"code":401,"name":"authentication_error","finch_code":"reauthenticate_user","message":"x"}"#
            )
        ])
        let response = try await stack(script).send(request())
        #expect(response.status == 401)
        #expect(script.requests.count == 1)
    }

    @Test func givesUpAfterSixTriesAndReturnsTheLastAnswer() async throws {
        let script = ScriptedTransport(Array(repeating: .json(502, "{}"), count: 6))
        let response = try await stack(script).send(request())
        #expect(response.status == 502)
        #expect(script.requests.count == 6)
        #expect(script.remaining == 0)
    }

    @Test func exhaustedTransportErrorsSurfaceAsTheError() async throws {
        let script = ScriptedTransport(
            Array(repeating: .failure(TransportError(.connectionFailed, "refused")), count: 6))
        await #expect(throws: TransportError.self) { try await stack(script).send(request()) }
        #expect(script.requests.count == 6)
    }

    @Test func honoursRetryAfterOnRateLimits() async throws {
        let script = ScriptedTransport([
            .json(429, rateLimitBody, headers: [("Retry-After", "7")]),
            .json(200, "{}"),
        ])
        _ = try await stack(script).send(request())
        #expect(clock.requestedSleeps == [.seconds(7)])
    }

    @Test func aRetryAfterOverSixtySecondsStopsTheRun() async throws {
        let script = ScriptedTransport([.json(429, rateLimitBody, headers: [("Retry-After", "120")])])
        do {
            _ = try await stack(script).send(request())
            Issue.record("expected a run stop")
        } catch let stop as FinchRunStop {
            #expect(stop.exitStatus == .temporary)
            #expect(stop.remedy?.contains("2026-11-01T00:02:00Z") == true)
        }
    }

    @Test func theIPLockOutStopsTheRunWithoutRetrying() async throws {
        let body =
            #"{"code":429,"name":"rate_limit_exceeded_error","finch_code":"finch_api_ip_rl","message":"x"}"#
        let script = ScriptedTransport([.json(429, body)])
        await #expect(throws: FinchRunStop.self) { try await stack(script).send(request()) }
        #expect(script.requests.count == 1)
    }

    @Test func unpaidInvoicesStopTheRunWith69() async throws {
        let body = #"{"code":402,"name":"payment_required","finch_code":"payment_required","message":"x"}"#
        let script = ScriptedTransport([.json(402, body)])
        do {
            _ = try await stack(script).send(request())
            Issue.record("expected a run stop")
        } catch let stop as FinchRunStop {
            #expect(stop.exitStatus == .unavailable)
        }
    }

    @Test func aBudgetSpentOnRateLimitsStopsTheRun() async throws {
        let budget = RetryBudget(plannedCalls: 0)
        for _ in 0..<49 { _ = await budget.spend(onRateLimit: false) }
        let script = ScriptedTransport([.json(429, rateLimitBody), .json(429, rateLimitBody)])
        await #expect(throws: FinchRunStop.self) { try await stack(script, budget: budget).send(request()) }
        #expect(script.requests.count == 2)
    }

    @Test func aBudgetSpentOnServerErrorsEndsTheCallNotTheRun() async throws {
        let budget = RetryBudget(plannedCalls: 0)
        for _ in 0..<50 { _ = await budget.spend(onRateLimit: false) }
        let script = ScriptedTransport([.json(500, "{}")])
        let response = try await stack(script, budget: budget).send(request())
        #expect(response.status == 500)
    }

    @Test func observerSeesEveryAttemptWithItsRequestID() async throws {
        let script = ScriptedTransport([
            .json(500, "{}", headers: [("Finch-Request-Id", "r1")]),
            .json(
                200, "{}",
                headers: [("Finch-Request-Id", "r2"), ("Finch-Data-Retrieved", "2026-10-31T06:00:00Z")]),
        ])
        let observer = RecordingCallObserver()
        let transport = FinchTransportStack.compose(
            wire: script, limiter: RateLimiter(configuration: .unpaced, clock: clock),
            retryPolicy: RetryPolicy(),
            budget: RetryBudget(), observer: observer, clock: clock, wallClock: wall, randomUnit: { 0 })
        var sent = request()
        sent.context.connectionID = "conn-1"
        _ = try await transport.send(sent)
        #expect(observer.records.map(\.requestID) == ["r1", "r2"])
        #expect(observer.records.map(\.attempt) == [0, 1])
        #expect(observer.records.allSatisfy { $0.connectionID == "conn-1" && $0.endpoint == .company })
        #expect(observer.records.last?.dataRetrieved == "2026-10-31T06:00:00Z")
    }
}
