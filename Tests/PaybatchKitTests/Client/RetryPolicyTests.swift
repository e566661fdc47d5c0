import Foundation
import PaybatchKit
import Testing

@Suite("Retry policy as a pure value")
struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func defaultsAreTheSpecs() {
        #expect(policy.maxAttempts == 6)
        #expect(policy.maxServerDelay == .seconds(60))
    }

    @Test(arguments: [(0, 500), (1, 1000), (2, 2000), (3, 4000), (4, 8000), (5, 8000), (30, 8000)])
    func backoffDoublesUpToEightSeconds(retries: Int, milliseconds: Int) {
        #expect(policy.backoff(retriesSoFar: retries, randomUnit: 0) == .milliseconds(milliseconds))
    }

    @Test func jitterTakesOffAtMostAQuarter() {
        #expect(policy.backoff(retriesSoFar: 4, randomUnit: 0.999_999) > .milliseconds(6000))
        #expect(policy.backoff(retriesSoFar: 4, randomUnit: 0.5) == .milliseconds(7000))
    }

    @Test func retryAfterMillisecondsWinsOverSeconds() {
        let response = HTTPResponse(status: 429, headers: [("retry-after-ms", "1500"), ("Retry-After", "9")])
        #expect(RetryPolicy.serverDelay(in: response, now: Date()) == .milliseconds(1500))
    }

    @Test func retryAfterSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        let seconds = HTTPResponse(status: 429, headers: [("retry-after", "3")])
        #expect(RetryPolicy.serverDelay(in: seconds, now: now) == .seconds(3))
        let date = HTTPResponse(status: 503, headers: [("Retry-After", "Sun, 06 Nov 1994 08:50:07 GMT")])
        #expect(RetryPolicy.serverDelay(in: date, now: now) == .seconds(30))
        let past = HTTPResponse(status: 503, headers: [("Retry-After", "Sun, 06 Nov 1994 08:00:00 GMT")])
        #expect(RetryPolicy.serverDelay(in: past, now: now) == nil)
        let garbage = HTTPResponse(status: 503, headers: [("Retry-After", "soon")])
        #expect(RetryPolicy.serverDelay(in: garbage, now: now) == nil)
        #expect(RetryPolicy.serverDelay(in: HTTPResponse(status: 429), now: now) == nil)
    }

    @Test func budgetIsFiftyPlusTwentyPercent() async {
        #expect(RetryBudget.limit(forPlannedCalls: 0) == 50)
        #expect(RetryBudget.limit(forPlannedCalls: 100) == 70)
        #expect(RetryBudget.limit(forPlannedCalls: 101) == 71)
        let budget = RetryBudget(plannedCalls: 0)
        for _ in 0..<50 { #expect(await budget.spend(onRateLimit: false)) }
        #expect(await !budget.spend(onRateLimit: false))
    }
}
