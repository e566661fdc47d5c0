import Foundation
import PaybatchTestSupport
import PropertyBased
import Testing

@testable import PaybatchKit

/// The reconciler against `BillingModel` on generated scenarios: companies of 1–4 connections
/// with random statuses, client types and providers, added and disconnected times on, beside and
/// far from the period's bounds, Dashboard rows, invoice lines naming all, some or none of the
/// connections, company-only, unknown and account-level lines, prices that differ, amounts near
/// the tolerance. A failure prints the shrunk scenario; keep it as a named regression test.
@Suite("Billing rules against an independent model")
struct BillingModelPropertyTests {
    /// The genome: up to 120 choices, each a small number.
    static let genome = Gen.int(in: 0...11).array(of: 0...120)

    @Test("categories, flags, counts and amounts agree with the model (10,000 scenarios)")
    func agreesWithModel() async {
        await propertyCheck(count: 10_000, input: Self.genome) { genome in
            let scenario = BillingScenario(genome: genome)
            Self.compare(scenario)
        }
    }

    @Test(
        "amounts near the 64-bit limits: exact figures, or a refusal naming a line when one leaves the range")
    func hugeAmounts() async {
        await propertyCheck(count: 2_000, input: Self.genome) { genome in
            let scenario = BillingScenario(genome: genome, amounts: .huge)
            let model = scenario.model.verdict()
            do throws(ReconcileAmountOverflow) {
                let r = try scenario.reconcile()
                #expect(
                    !model.outOfRange, "reconcile gave figures the model finds out of range:\n\(scenario)")
                if !model.outOfRange { Self.compare(scenario, r, model) }
            } catch {
                #expect(model.outOfRange, "refused an invoice whose figures all fit:\n\(scenario)")
                if let line = error.line {
                    #expect(scenario.lines.contains { $0.line == line })
                }
            }
        }
    }

    @Test("the same lines in any order give byte-identical CSV and JSON (20 shuffles)")
    func shuffledLinesGiveTheSameFiles() async throws {
        let temp = try TempStore()
        await propertyCheck(count: 40, input: Self.genome) { genome in
            let scenario = BillingScenario(genome: genome)
            var seen: (csv: Data, json: Data)?
            var generator = SystemRandomNumberGenerator()
            for round in 0..<20 {
                guard let r = try? scenario.reconcile(lines: scenario.lines.shuffled(using: &generator)),
                    let files = try? Self.files(r, in: temp.folder.appendingPathComponent("r\(round)"))
                else {
                    Issue.record("reconcile or writing failed:\n\(scenario)")
                    return
                }
                if let seen { #expect(seen == files, "round \(round) differs:\n\(scenario)") }
                seen = files
            }
        }
    }

    static func files(_ r: Reconciliation, in folder: URL) throws -> (csv: Data, json: Data) {
        let out = try OutputFolder(path: folder.path, mode: .owner)
        _ = try ReconciliationWriter(toolVersion: "test").write(
            r, inputs: [], roster: RosterSource(path: "store", connections: 0), to: out)
        return (
            try Data(contentsOf: folder.appendingPathComponent("reconciliation.csv")),
            try Data(contentsOf: folder.appendingPathComponent("reconciliation.json"))
        )
    }

    static func compare(_ scenario: BillingScenario) {
        let model = scenario.model.verdict()
        do throws(ReconcileAmountOverflow) {
            compare(scenario, try scenario.reconcile(), model)
        } catch {
            Issue.record("reconcile refused ordinary amounts (\(error.what)):\n\(scenario)")
        }
    }

    static func compare(_ scenario: BillingScenario, _ r: Reconciliation, _ model: BillingModel.Verdict) {
        #expect(Set(r.companies.map(\.key)) == Set(model.companies.keys), "companies differ:\n\(scenario)")
        for company in r.companies {
            guard let m = model.companies[company.key] else { continue }
            let got = BillingModel.Company(
                category: company.category.rawValue, flags: Set(company.flags.map(\.rawValue)),
                quantity: Int128(company.billedQuantity), billable: Int(company.billableConnections),
                billed: Int128(company.billedAmount.value),
                expected: company.expectedAmount.map { Int128($0.value) },
                variance: company.variance.map { Int128($0.value) })
            #expect(got == m, "company \(company.key):\n\(scenario)")
        }
        for connection in r.connections {
            let m = model.connections[connection.connectionID.rawValue]
            #expect(connection.billable == m?.billable, "\(connection.connectionID) billable:\n\(scenario)")
            #expect(
                Set(connection.flags.map(\.rawValue)) == m?.flags,
                "\(connection.connectionID) flags:\n\(scenario)")
        }
        #expect(Int128(r.billedTotal.value) == model.billedTotal, "billed total:\n\(scenario)")
        #expect(
            r.expectedTotal.map { Int128($0.value) } == model.expectedTotal, "expected total:\n\(scenario)")
        #expect(r.accountTotal?.matched == model.accountMatched, "account total:\n\(scenario)")
    }
}
