import Foundation
import Testing

@testable import FinchSandbox

/// The benefit endpoints (API.md §6.1): who has the product, the shapes, and the item 404 of a
/// person asked for by id and not enrolled.
@Suite struct BenefitEndpointTests {
    @Test func onlyConnectionsWithTheProductAnswer() throws {
        let sandbox = TestSandbox()
        let with = try #require(sandbox.world.connections.first { $0.hasBenefits })
        let without = try #require(
            sandbox.world.connections.first { !$0.hasBenefits && $0.scenario == .normal })
        #expect(sandbox.get("/employer/benefits", token: without.accessToken).status == 403)
        let benefits = try #require(
            sandbox.get("/employer/benefits", token: with.accessToken).object as? [[String: Any]])
        #expect(benefits.count == 6)
        #expect(benefits.contains { $0["type"] is NSNull })
        #expect(benefits.filter { $0["type"] as? String == "fsa_medical" }.count == 2)
        #expect(benefits.contains { $0["frequency"] as? String == "monthly" })
        #expect(
            sandbox.get("/employer/benefits/nope/individuals", token: with.accessToken).status == 404)
        let medical = try #require(
            benefits.first { $0["type"] as? String == "s125_medical" }?["benefit_id"] as? String)
        let items = try #require(
            sandbox.get("/employer/benefits/\(medical)/individuals", token: with.accessToken).object
                as? [[String: Any]])
        #expect(!items.isEmpty && items.allSatisfy { $0["code"] as? Int == 200 })
        let some = try #require(items.first?["individual_id"] as? String)
        let asked = try #require(
            sandbox.get(
                "/employer/benefits/\(medical)/individuals", query: "individual_ids=\(some),nobody",
                token: with.accessToken
            ).object as? [[String: Any]])
        #expect(asked.map { $0["code"] as? Int } == [200, 404])
        #expect(sandbox.engine.counters().buckets["benefits"]?.calls == 5)
    }
}
