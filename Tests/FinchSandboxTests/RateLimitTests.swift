import Foundation
import Testing

@testable import FinchSandbox

@Suite struct RateLimitTests {
    @Test func windowAdmitsNInAnyTrailingWindow() {
        var window = SlidingWindow(capacity: 3, window: 1)
        #expect(window.admit(at: 0) == nil)
        #expect(window.admit(at: 0.2) == nil)
        #expect(window.admit(at: 0.4) == nil)
        let wait = window.admit(at: 0.5)
        #expect(wait.map { abs($0 - 0.5) < 1e-9 } == true)
        // Exactly one window after the oldest admission, a slot is free again.
        #expect(window.admit(at: 1.0) == nil)
        #expect(window.admit(at: 1.1) != nil)
    }

    @Test func bucketRefusesWith429AndRetryAfter() {
        let sandbox = TestSandbox(rateScale: 60)
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        for _ in 0..<12 {
            #expect(
                sandbox.get(
                    "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token
                ).status == 200)
        }
        let refused = sandbox.get(
            "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token)
        #expect(refused.status == 429)
        #expect(refused.dictionary["finch_code"] as? String == "finch_application_rl")
        #expect(refused.header("Retry-After") == "1")
        // Other buckets are independent.
        #expect(sandbox.get("/employer/company", token: token).status == 200)
        sandbox.clock.advance(1.0)
        #expect(
            sandbox.get("/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31", token: token)
                .status == 200)
        let counters = sandbox.engine.counters()
        #expect(counters.calls("payment") == 14)
        #expect(counters.refused("payment") == 1)
    }

    @Test func retryAfterOffLeavesHeaderOut() {
        let sandbox = TestSandbox(rateScale: 60, retryAfter: false)
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        for _ in 0..<20 { _ = sandbox.get("/employer/company", token: token) }
        let refused = sandbox.get("/employer/company", token: token)
        #expect(refused.status == 429)
        #expect(refused.header("Retry-After") == nil)
    }

    @Test func ipCeilingLocksOut() {
        let sandbox = TestSandbox(rateScale: 60)
        for _ in 0..<1000 { #expect(sandbox.get("/providers", token: nil).status == 200) }
        let locked = sandbox.get("/providers", token: nil)
        #expect(locked.status == 429)
        #expect(locked.dictionary["finch_code"] as? String == "finch_api_ip_rl")
        #expect(locked.header("Retry-After") == "60")
        sandbox.clock.advance(30)
        #expect(sandbox.get("/providers", token: nil).status == 429)
        sandbox.clock.advance(30)
        #expect(sandbox.get("/providers", token: nil).status == 200)
    }

    @Test func scaleZeroHasNoLimits() {
        let sandbox = TestSandbox(rateScale: 0)
        let token = sandbox.connection(.normal, provider: "gusto").accessToken
        for _ in 0..<50 { #expect(sandbox.get("/employer/company", token: token).status == 200) }
    }
}
