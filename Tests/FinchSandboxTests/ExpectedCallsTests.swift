import Foundation
import Testing

@testable import FinchSandbox

/// `GET /_sandbox/expected-calls`: SPEC §8's minimum calls, which the benchmark divides wall time by.
@Suite struct ExpectedCallsTests {
    @Test func pagesAndBatchesRoundUpPerSpec() {
        var calls = ExpectedCalls()
        // Three payments: 12,000 statements (3 pages), 3 (1 page), 5,001 (2 pages).
        calls.add(people: 10_001, statements: [12_000, 3, 5_001])
        #expect(calls.buckets["directory"] == 3)
        #expect(calls.buckets["individual"] == 2)
        #expect(calls.buckets["employment"] == 2)
        // Round 1: three payments in one call; round 2: two; round 3: one.
        #expect(calls.buckets["pay_statement"] == 3)
        #expect(calls.largestPayment == 12_000)
        calls.add(people: 4, statements: [])
        #expect(calls.buckets["directory"] == 4)
        #expect(calls.buckets["pay_statement"] == 3)
        #expect(calls.buckets["introspect"] == 2)
    }

    @Test func defaultWorldAgreesWithGroundTruth() throws {
        let sandbox = TestSandbox()
        let response = sandbox.get("/_sandbox/expected-calls", query: "period=2026-10", token: nil)
        #expect(response.status == 200)
        let calls = try #require(response.dictionary["calls"] as? [String: Any])
        let buckets = try #require(calls["buckets"] as? [String: Int])
        let exported = sandbox.world.connections.filter { $0.scenario != .disconnected }
        let fetched = exported.filter { ![.reauth, .assisted].contains($0.scenario) }
        #expect(buckets["introspect"] == exported.count)
        // A multi-entity connection's connected entities are each fetched (issue 21).
        let views = fetched.flatMap { sandbox.world.exportedViews(of: $0) }
        #expect(views.count == fetched.count + 1)
        #expect(buckets["company"] == views.count)
        let payStatement = fetched.reduce(0) { sum, connection in
            sum
                + sandbox.world.entities(of: connection).filter { $0.fixedStatus == nil }.reduce(0) {
                    sum, entity in
                    let totals =
                        connection.scenario == .multiEntity
                        ? sandbox.world.expectedTotals(
                            connectionID: connection.connectionID, entityID: entity.id, period: "2026-10")
                        : sandbox.world.expectedTotals(
                            connectionID: connection.connectionID, period: "2026-10")
                    return sum + ((totals?.payments ?? 0) + 9) / 10
                }
        }
        #expect(buckets["pay_statement"] == payStatement)
        let limits = try #require(response.dictionary["limits"] as? [String: Any])
        #expect((limits["per_window"] as? [String: Int])?["pay_statement"] == 12)
        #expect(limits["window_seconds"] is NSNull)
    }

    @Test func largePaymentsNeedMorePages() throws {
        let sandbox = TestSandbox(companies: 8, rateScale: 60, largeCompany: 8_000)
        let body = sandbox.get("/_sandbox/expected-calls", query: "period=2026-10", token: nil).dictionary
        let calls = try #require(body["calls"] as? [String: Any])
        #expect(calls["largest_payment_statements"] as? Int ?? 0 > 5_000)
        #expect((body["limits"] as? [String: Any])?["window_seconds"] as? Double == 1)
    }

    @Test func benefitsAreCountedOnlyWhenIncluded() throws {
        let sandbox = TestSandbox()
        func buckets(_ query: String) throws -> [String: Int] {
            let body = sandbox.get("/_sandbox/expected-calls", query: query, token: nil).dictionary
            return try #require((body["calls"] as? [String: Any])?["buckets"] as? [String: Int])
        }
        #expect(try buckets("period=2026-10")["benefits"] == nil)
        // Three connections with the product, six benefits each: 1 + 6 calls apiece.
        let connections = sandbox.world.connections.filter(\.hasBenefits)
        #expect(connections.count == 3)
        #expect(try buckets("period=2026-10&include=benefits")["benefits"] == 3 * 7)
    }

    @Test func badPeriodIsRefused() {
        let sandbox = TestSandbox()
        #expect(sandbox.get("/_sandbox/expected-calls", query: "period=2026-13", token: nil).status == 400)
        #expect(sandbox.get("/_sandbox/expected-calls", token: nil).status == 400)
    }
}
