import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

@Suite("Reconciliation files")
struct ReconciliationWriterTests {
    typealias F = ReconcileFixtures

    func job(_ folder: URL, csvProfile: CSVProfile = .excel) throws -> ReconcileJob {
        let invoice = folder.appendingPathComponent("invoice.csv")
        let text =
            "period,company_id,connection_id,quantity,unit_price,amount,currency\r\n"
            + "2026-10,co-1,,2,50.00,100.00,usd\r\n2026-10,=co-2,,1,50.00,\"1,050.00\",usd\r\n2026-10,,,3,50.00,150.00,usd\r\n"
        try Data(text.utf8).write(to: invoice)
        return ReconcileJob(
            period: F.period, invoicePath: invoice.path,
            outputRoot: folder.appendingPathComponent("out").path,
            writer: ReconciliationWriter(csvProfile: csvProfile))
    }

    let roster = [
        RosterConnection(connectionID: "c1", customerID: "cust-1", companyID: "co-1", providerID: "gusto"),
        RosterConnection(connectionID: "c2", customerID: "cust-1", companyID: "co-1", providerID: "rippling"),
        RosterConnection(
            connectionID: "c3", customerID: "cust-2", customerName: "Zoë Café", companyID: "=co-2",
            providerID: "gusto"),
    ]

    @Test("the same inputs give byte-identical CSV and JSON; the workbook has its four sheets")
    func byteIdentical() async throws {
        let temp = try TempStore()
        let job = try job(temp.folder)
        let source = RosterSource(path: "paybatch.sqlite", connections: roster.count)
        let first = try await job.run(roster: roster, rosterSource: source)
        let csv = try Data(contentsOf: URL(fileURLWithPath: first.folder + "/reconciliation.csv"))
        let json = try Data(contentsOf: URL(fileURLWithPath: first.folder + "/reconciliation.json"))
        let second = try await job.run(roster: roster, rosterSource: source)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.folder + "/reconciliation.csv")) == csv)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second.folder + "/reconciliation.json")) == json)
        #expect(
            first.files.map(\.path) == [
                "reconciliation-2026-10.xlsx", "reconciliation.csv", "reconciliation.json",
            ])
        #expect(first.folder.hasSuffix("out/2026-10"))
        #expect(first.reconciliation.exitStatus == .discrepancies)

        let xlsx = XLSXArchive(path: first.folder + "/reconciliation-2026-10.xlsx")
        #expect(try xlsx.sheetNames() == ["Summary", "Companies", "Connections", "Inputs"])
        #expect(try xlsx.part("docProps/core.xml").contains("paybatch reconciliation 2026-10"))
        // "=co-2" sorts first (bytewise); in the workbook an id is a string cell, never a formula, and needs no guard.
        let id = try #require(XLSXArchive.cell("A2", in: try xlsx.sheet(2)))
        #expect(id.contains("t=\"inlineStr\"") && id.contains("<t>=co-2</t>") && !id.contains("<f>"))
        let summary = try xlsx.sheet(1)
        #expect(summary.contains("Dispute with Finch") && summary.contains("Fix in the roster"))
        // Issue 19 item 17: customers named, counts that add up to the lists, a variance in words.
        #expect(
            summary.contains(
                "1 of 2 companies need attention: 1 to dispute with Finch, 0 to fix in the roster (listed below)."
            ))
        #expect(summary.contains("Dispute with Finch (1)") && summary.contains("Fix in the roster (0)"))
        #expect(summary.contains("Zoë Café") && summary.contains("billed 1,150.00 USD more than expected"))

        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}company_id,customer_id,customer_name,category,action,flags,"))
        #expect(
            text.contains(
                "\r\n'=co-2,cust-2,Zoë Café,amount_mismatch,dispute,,1,1,1050.00,50.00,1000.00,USD,c3,gusto,")
        )
        #expect(
            text.contains(
                "\r\nco-1,cust-1,,matched,,multi_provider,2,2,100.00,100.00,0.00,USD,c1;c2,gusto;rippling,\r\n"
            ))
    }

    @Test("reconciliation.json has SPEC §8's keys, sorted, with exact amounts")
    func jsonShape() async throws {
        let temp = try TempStore()
        let outcome = try await job(temp.folder, csvProfile: .rfc).run(
            roster: roster, rosterSource: RosterSource(path: "db", connections: 3))
        let data = try Data(contentsOf: URL(fileURLWithPath: outcome.folder + "/reconciliation.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "period", "inputs", "unit_price", "tolerance", "totals", "categories", "companies", "connections",
        ] {
            #expect(object[key] != nil, "\(key)")
        }
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"billed\": 1300.00,\n    \"expected\": 150.00,\n    \"variance\": 1150.00"))
        #expect(text.contains("\"unit_price\": 50.00"))
        let categories = try #require(object["categories"] as? [String: [String: Any]])
        #expect(Set(categories.keys) == Set(ReconciliationCategory.allCases.map(\.rawValue)))
        #expect(categories["amount_mismatch"]?["companies"] as? Int == 1)
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect((inputs.first?["sha256"] as? String)?.count == 64)
        let account = try #require(object["account_total"] as? [String: Any])
        #expect(account["matched"] as? Bool == true)
        let csv = try String(contentsOfFile: outcome.folder + "/reconciliation.csv", encoding: .utf8)
        #expect(csv.hasPrefix("company_id,") && csv.contains("\r\n=co-2,"))
    }

    @Test("a bad invoice writes nothing")
    func badInputWritesNothing() async throws {
        let temp = try TempStore()
        let invoice = temp.folder.appendingPathComponent("bad.csv")
        try Data("company_id,amount\r\nco-1,abc\r\n".utf8).write(to: invoice)
        let out = temp.folder.appendingPathComponent("out")
        let job = ReconcileJob(period: F.period, invoicePath: invoice.path, outputRoot: out.path)
        await #expect(throws: ReconcileInputFailure.self) {
            try await job.run(roster: [], rosterSource: RosterSource(path: "db", connections: 0))
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
