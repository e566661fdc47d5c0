import Foundation
import Testing

@testable import PaybatchKit

/// SPEC §2: a run is "rate-limited out" (75) when every connection it fetched failed on 429s,
/// even with retry budget left; one connection with something to show keeps it going (exit 3).
@Suite struct RateLimitedOutRuleTests {
    static let now = Date(timeIntervalSince1970: 1_794_744_000)

    static func failed(status: Int, requestID: String) -> ConnectionFacts {
        var data = ConnectionFacts()
        data.status = .failed
        data.errors = [
            FinchFailure(
                failureClass: FailureCatalogue.classify(
                    status: status, name: nil, finchCode: status == 429 ? "finch_application_rl" : nil),
                endpoint: .introspect, httpStatus: status, requestID: RequestID(requestID),
                message: "refused", attempts: 6)
        ]
        return data
    }

    @Test func everyConnectionRefusedStopsTheRunSayingWhenToRetry() throws {
        let fetched = [
            Self.failed(status: 429, requestID: "req-1"), Self.failed(status: 429, requestID: "req-2"),
        ]
        let stop = try #require(FinchRunStop.rateLimitedOut(fetched, now: Self.now))
        #expect(stop.exitStatus == .temporary)
        #expect(stop.message.contains("req-2") && stop.message.contains("/introspect"))
        #expect(stop.remedy?.contains("again after 2026-11-15T12:05:00Z") == true, "\(stop.remedy ?? "")")
    }

    @Test func aConnectionWithSomethingToShowOrAnotherFailureKeepsTheRunGoing() {
        let refused = Self.failed(status: 429, requestID: "req-1")
        #expect(FinchRunStop.rateLimitedOut([refused, ConnectionFacts()], now: Self.now) == nil)
        #expect(
            FinchRunStop.rateLimitedOut(
                [refused, Self.failed(status: 500, requestID: "req-3")], now: Self.now)
                == nil)
        #expect(FinchRunStop.rateLimitedOut([], now: Self.now) == nil)
    }
}
