import Foundation
import Testing

@testable import FinchSandbox

@Suite struct GeneratedDataTests {
    let sandbox = TestSandbox()

    /// Every payment's totals equal the sums of its statements, and every statement nets out.
    @Test(arguments: ["gusto", "paychex_flex", "rippling", "bamboo_hr"])
    func paymentsEqualSumOfStatements(provider: String) {
        let connection = sandbox.world.connections.first {
            $0.providerID == provider && $0.scenario == .normal
        }!
        let token = connection.accessToken
        let list = sandbox.get(
            "/employer/payment", query: "start_date=2026-05-01&end_date=2026-10-31", token: token)
        let payments = list.object as? [[String: Any]] ?? []
        #expect(!payments.isEmpty)
        for payment in payments {
            let id = payment["id"] as! String
            let response = sandbox.post(
                "/employer/pay-statement", json: "{\"requests\":[{\"payment_id\":\"\(id)\",\"limit\":5000}]}",
                token: token)
            let item = (response.dictionary["responses"] as? [[String: Any]])?.first
            let statements = ((item?["body"] as? [String: Any])?["pay_statements"] as? [[String: Any]]) ?? []
            func cents(_ object: [String: Any], _ key: String) -> Int {
                (object[key] as? [String: Any])?["amount"] as? Int ?? 0
            }
            var employeeTaxes = 0
            for s in statements {
                let taxes = (s["taxes"] as? [[String: Any]] ?? []).filter { $0["employer"] as? Bool == false }
                let taxSum = taxes.reduce(0) { $0 + ($1["amount"] as? Int ?? 0) }
                let deductions = (s["employee_deductions"] as? [[String: Any]] ?? []).reduce(0) {
                    $0 + ($1["amount"] as? Int ?? 0)
                }
                #expect(cents(s, "net_pay") == cents(s, "gross_pay") - taxSum - deductions)
                employeeTaxes += taxSum
            }
            #expect(cents(payment, "gross_pay") == statements.reduce(0) { $0 + cents($1, "gross_pay") })
            #expect(cents(payment, "net_pay") == statements.reduce(0) { $0 + cents($1, "net_pay") })
            #expect(cents(payment, "employee_taxes") == employeeTaxes)
            #expect((payment["individual_ids"] as? [String])?.count == statements.count)
        }
    }

    @Test func scenariosExist() {
        let scenarios = Set(sandbox.world.connections.map(\.scenario))
        for s: SandboxConnection.Scenario in [
            .assisted, .reauth, .sandboxType, .disconnected, .secondProvider,
        ] {
            #expect(scenarios.contains(s))
        }
        let byCompany = Dictionary(grouping: sandbox.world.connections, by: \.companyID)
        #expect(byCompany.values.contains { Set($0.map(\.providerID)).count == 2 })
    }

    @Test func largeCompanyStatementsHaveTenLines() {
        let sandbox = TestSandbox(companies: 8, largeCompany: 300)
        let large = sandbox.connection(.large)
        let totals = sandbox.world.expectedTotals(connectionID: large.connectionID, period: "2026-10")!
        #expect(totals.payments == 2)
        #expect(totals.payStatements > 0)
        #expect(totals.lines == totals.payStatements * 10)
    }
}
