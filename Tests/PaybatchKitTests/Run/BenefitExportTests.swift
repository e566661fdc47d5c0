import FinchSandbox
import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// `export --include benefits` against the sandbox: every finding its ground truth lists and no
/// other, the two reports, the sheets in SPEC's place, the calls, and an export without benefits
/// left as it was.
@Suite("Benefits export")
struct BenefitExportTests {
    @Test("every benefit finding of the sandbox's truth is made, and no other")
    func findingsMatchTheSandboxTruth() async throws {
        let fixture = try await ExportFixture()
        defer { Task { await fixture.stop() } }
        let result = try await fixture.export {
            $0.includeBenefits = true; $0.csvProfile = .rfc
        }
        let truth = try Self.truth(fixture)
        let quality = try Self.records(fixture.file("data_quality.csv"))
        let found = quality.filter {
            $0["report"] == "benefits" && ($0["check"] ?? "").hasPrefix("deduction_")
        }
        func key(_ r: [String: String]) -> String {
            [
                r["connection_id"], r["check"], r["column"], r["payment_id"], r["individual_id"],
                r["expected"], r["actual"],
            ]
            .map { $0 ?? "" }.joined(separator: "|")
        }
        #expect(found.map(key).sorted() == truth.findings.sorted())
        // Each kind is there, and percentages one cent off were not findings.
        for check in [
            "deduction_mismatch", "deduction_missing", "deduction_not_enrolled", "deduction_not_judged",
        ] {
            #expect(found.contains { $0["check"] == check }, "\(check)")
        }
        #expect(truth.withinOneCent > 0)
        #expect(found.allSatisfy { ($0["message"] ?? "").contains("configuration as of 2026-") })
        // 1 + B calls for each connection with the product (three, six benefits each).
        #expect(result.tally.calls["benefits"] == 3 * 7)
        let benefits = try Self.records(fixture.file("benefits.csv"))
        #expect(benefits.count == 3 * 6)
        #expect(benefits.allSatisfy { $0["entity_id"] == "" && $0["entity_name"] == "" })
        let enrollments = try Self.records(fixture.file("benefit_enrollments.csv"))
        #expect(
            enrollments.contains {
                $0["employee_deduction_type"] == "percent" && $0["employee_deduction"]!.hasSuffix(".00")
            })
        #expect(enrollments.allSatisfy { $0["configured_as_of"]!.hasPrefix("2026-") })
        let workbook = XLSXArchive(path: fixture.out + "/2026-10/paybatch-2026-10.xlsx")
        #expect(
            try workbook.sheetNames() == [
                "Summary", "Connections", "Employees", "Payments", "Pay Statements", "Pay Statement Lines",
                "Benefits", "Benefit Enrollments", "Findings", "Null Profile", "Run Info",
            ])
        // The Summary counts the findings per connection; the Findings sheet carries them with their message.
        #expect(try workbook.sheet(1).contains("Benefit deductions checked against the configuration"))
        #expect(try workbook.sheet(9).contains("deduction_not_judged"))
        #expect(try workbook.sheet(9).contains("configuration as of"))
        // Rendered again from the store, offline: the same findings.
        _ = try await fixture.export {
            $0.includeBenefits = true; $0.csvProfile = .rfc; $0.offline = true
        }
        let again = try Self.records(fixture.file("data_quality.csv"))
            .filter { $0["report"] == "benefits" && ($0["check"] ?? "").hasPrefix("deduction_") }
        #expect(again.map(key).sorted() == truth.findings.sorted())
    }

    @Test("without --include benefits no benefit call is made and no benefit file written")
    func withoutBenefitsNothingChanges() async throws {
        let fixture = try await ExportFixture()
        defer { Task { await fixture.stop() } }
        let result = try await fixture.export()
        #expect(result.tally.calls["benefits"] == nil)
        #expect(fixture.sandbox.engine.counters().buckets["benefits"] == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.out + "/2026-10/benefits.csv"))
        #expect(!(try fixture.file("data_quality.csv")).contains("deduction_"))
        // That run rendered again with benefits: nothing read, and the connections with the product say so.
        _ = try await fixture.export {
            $0.includeBenefits = true; $0.csvProfile = .rfc; $0.offline = true
        }
        let notes = try Self.records(fixture.file("data_quality.csv")).filter {
            $0["check"] == "benefits_not_stored"
        }
        #expect(
            Set(notes.compactMap { $0["connection_id"] })
                == Set(fixture.sandbox.world.connections.filter(\.hasBenefits).map(\.connectionID)))
        #expect(try Self.records(fixture.file("benefits.csv")).isEmpty)
    }

    @Test("a benefits call that keeps failing costs the connection its benefits, not its payroll")
    func failedBenefitsLeaveTheRestAndArePartial() async throws {
        var faults = FaultPlan(probabilities: [.serverError: 1])
        faults.paths = ["/employer/benefits"]
        let fixture = try await ExportFixture(faults: faults)
        defer { Task { await fixture.stop() } }
        let result = try await fixture.export {
            $0.includeBenefits = true; $0.csvProfile = .rfc
        }
        let withBenefits = Set(fixture.sandbox.world.connections.filter(\.hasBenefits).map(\.connectionID))
        for outcome in result.outcomes where withBenefits.contains(outcome.identity.connectionID.rawValue) {
            #expect(outcome.status == .partial)
            #expect(outcome.payStatements > 0)
            #expect(outcome.errors.contains { $0.endpoint == .benefits })
        }
        #expect(try Self.records(fixture.file("benefits.csv")).isEmpty)
        #expect(!(try fixture.file("data_quality.csv")).contains("deduction_"))
    }

    /// The sandbox's truth as `connection|check|column|payment|person|expected|actual` keys.
    static func truth(_ fixture: ExportFixture) throws -> (findings: [String], withinOneCent: Int) {
        let json = fixture.sandbox.engine.expectedBenefitFindings(period: BillingPeriod("2026-10")!)
        let object = try JSONSerialization.jsonObject(with: Data(json.serialized())) as! [String: Any]
        func money(_ value: Any?) -> String {
            guard let cents = value as? Int else { return "" }
            return Cents(Int64(cents)).decimalString
        }
        let findings = (object["findings"] as! [[String: Any]]).map { f in
            [
                f["connection_id"] as? String, f["check"] as? String, f["column"] as? String,
                f["payment_id"] as? String, f["individual_id"] as? String, money(f["expected"]),
                money(f["actual"]),
            ].map { $0 ?? "" }.joined(separator: "|")
        }
        return (findings, object["within_one_cent"] as! Int)
    }

    /// A CSV's records by column name, read as RFC 4180 (quoted fields with commas).
    static func records(_ text: String) throws -> [[String: String]] {
        let reader = try CSVReader(data: Data(text.utf8), name: "test.csv")
        let header = reader.header
        var rows: [[String: String]] = []
        while let record = try reader.next() {
            rows.append(
                Dictionary(zip(header, record.fields).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }))
        }
        return rows
    }
}
