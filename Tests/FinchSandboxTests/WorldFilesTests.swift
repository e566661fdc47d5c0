import Foundation
import Testing

@testable import FinchSandbox

@Suite struct WorldFilesTests {
    let world = TestSandbox().world

    @Test func rosterListsEveryToken() {
        let lines = world.rosterCSV().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "customer_id,customer_name,access_token,connection_id,provider_id,created_at")
        #expect(lines.count == world.connections.count + 1)
        for connection in world.connections { #expect(world.rosterCSV().contains(connection.accessToken)) }
    }

    @Test func connectionsExportMarksTheDisconnectedOne() {
        let csv = world.connectionsCSV()
        #expect(
            csv.hasPrefix(
                "connection_id,company_id,provider_id,customer_id,status,created_at,disconnected_at\r\n"))
        #expect(csv.components(separatedBy: ",disconnected,").count == 2)
    }

    @Test func invoiceHasEveryCategory() throws {
        let period = world.lastCompletePeriod
        #expect(period == "2026-10")
        let csv = try #require(world.invoiceCSV(period: period))
        #expect(
            csv.hasPrefix(
                "period,company_id,connection_id,provider_id,quantity,unit_price,amount,currency,description\r\n"
            ))
        let categories = Set(world.expectedCategories(period: period).values)
        for category in [
            "billed_not_in_roster", "billed_after_disconnect", "non_production_billed",
            "in_roster_not_billed",
            "quantity_mismatch", "amount_mismatch", "matched",
        ] {
            #expect(categories.contains(category), "missing \(category)")
        }
        #expect(world.invoiceCSV(period: "2026-13") == nil)
    }

    @Test func expectedTotalsMatchTheEndpoints() throws {
        let sandbox = TestSandbox()
        let connection = sandbox.connection(.normal, provider: "gusto")
        let totals = try #require(
            sandbox.world.expectedTotals(connectionID: connection.connectionID, period: "2026-10"))
        let list = sandbox.get(
            "/employer/payment", query: "start_date=2026-10-01&end_date=2026-10-31",
            token: connection.accessToken)
        let payments = list.object as? [[String: Any]] ?? []
        #expect(payments.count == totals.payments)
        let gross = payments.reduce(0) {
            $0 + ((($1["gross_pay"] as? [String: Any])?["amount"] as? Int) ?? 0)
        }
        #expect(gross == totals.grossCents)
        #expect(
            payments.reduce(0) { $0 + (($1["individual_ids"] as? [Any])?.count ?? 0) } == totals.payStatements
        )
    }
}

@Test func datetimesAreISO8601UTC() {
    #expect(SandboxEngine.iso(TestSandbox.now) == "2026-11-15T12:00:00Z")
    #expect(SandboxEngine.iso(Date(timeIntervalSince1970: 86_399)) == "1970-01-01T23:59:59Z")
    #expect(SandboxDay(parsing: "2024-02-29")?.description == "2024-02-29")
    #expect(SandboxDay(parsing: "2024-02-29")?.endOfMonth.description == "2024-02-29")
}

/// Pins generated ids for seed 1, so a change to the hashing cannot silently move golden files.
@Test func idsAreStableAcrossVersions() {
    let first = TestSandbox().world.connections[0]
    #expect(first.connectionID == "04636bfa-3833-4b48-92e2-b6ddb809d8a2")
    // Only the last four characters: even sandbox tokens stay out of the repository.
    #expect(first.accessToken.hasPrefix("sbx_") && first.accessToken.hasSuffix("c6cb"))
    #expect(first.accessToken.count == 68)
}
