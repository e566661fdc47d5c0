import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

@Suite("Reconcile column profiles")
struct ColumnProfileTests {
    @Test("every embedded profile equals its file under Templates/invoice/ byte for byte")
    func embeddedEqualsFiles() throws {
        let folder = RepoPaths.root.appendingPathComponent("Templates/invoice")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(Set(files) == Set(EmbeddedProfiles.files.keys))
        #expect(Set(files) == [InvoiceColumn.profileFileName, DashboardColumn.profileFileName])
        for name in files {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(
                Data(EmbeddedProfiles.files[name, default: ""].utf8) == onDisk,
                "\(name) differs from its embedded copy: run sh Templates/embed.sh")
        }
        // Each default finds every column under its own name first.
        for column in InvoiceColumn.allCases {
            #expect(ColumnProfile<InvoiceColumn>.embedded.names(for: column).first == column.rawValue)
        }
        for column in DashboardColumn.allCases {
            #expect(ColumnProfile<DashboardColumn>.embedded.names(for: column).first == column.rawValue)
        }
    }

    @Test("a custom profile maps another invoice layout")
    func customProfile() throws {
        let profile = try ColumnProfile<InvoiceColumn>.parse(
            #"{"columns": {"company_id": ["Employer"], "amount": ["Charge"], "quantity": ["Seats"]}}"#,
            file: "p.json")
        let invoice = try InvoiceReader(period: Period("2026-10")!, profile: profile).read(
            Data("Employer,Seats,Charge\nco-1,2,\"$100.00\"\n".utf8), name: "i.csv")
        #expect(
            invoice.lines == [InvoiceLine(line: 2, companyID: "co-1", quantity: 2, amount: Cents(10_000))])
    }

    @Test("an unknown column in a profile is refused naming the file and line")
    func unknownColumn() {
        let error = #expect(throws: ReconcileInputFailure.self) {
            try ColumnProfile<InvoiceColumn>.parse(
                "{\n  \"columns\": {\n    \"amout\": [\"a\"]\n  }\n}", file: "p.json")
        }
        #expect(error?.message.hasPrefix("p.json, line 3: unknown column \"amout\"") == true)
    }
}
