import Foundation
import PaybatchKit
import Testing

private let secretA = "tok_a1b2c3d4e5f6a7b8c9d0"
private let secretB = "tok_ffeeddccbbaa99887766"

private func read(_ text: String, name: String = "roster.csv") throws -> [RosterEntry] {
    try RosterFileReader.read(data: Data(text.utf8), name: name)
}

/// The failure `text` produces; fails the test when it reads cleanly.
private func failure(_ text: String, name: String = "roster.csv") -> (any PaybatchFailure)? {
    do {
        _ = try read(text, name: name)
        Issue.record("expected \(name) to be refused")
        return nil
    } catch let failure as any PaybatchFailure {
        return failure
    } catch {
        Issue.record("not a PaybatchFailure: \(error)")
        return nil
    }
}

@Suite("Roster files: CSV and JSON lines, validated whole")
struct RosterFileReaderTests {
    @Test func readsCSVWithOptionalColumnsInAnyOrder() throws {
        let entries = try read(
            """
            created_at,access_token,customer_name,customer_id,connection_id,provider_id
            2024-03-01T10:00:00Z,\(secretA),"Acme, Inc.",cust-1,conn-1,gusto
            ,\(secretB),Zoë's Café,cust-2,,

            """)
        #expect(entries.count == 2)
        #expect(entries[0].customerName == "Acme, Inc.")
        #expect(entries[0].connectionID == "conn-1")
        #expect(entries[0].providerID == "gusto")
        #expect(entries[0].createdAt == "2024-03-01T10:00:00Z")
        #expect(entries[0].line == 2)
        #expect(entries[1].connectionID == nil)
        #expect(entries[1].createdAt == nil)
        #expect(entries[1].token.secret == secretB)
    }

    @Test func acceptsByteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}customer_id,customer_name,access_token\r\ncust-1,Acme,\(secretA)\r\n"
        let entries = try read(text)
        #expect(entries.map(\.customerID) == ["cust-1"])
        #expect(entries[0].token.secret == secretA)
    }

    @Test func readsJSONLinesByExtensionOrContent() throws {
        let text = """
            {"customer_id":"cust-1","customer_name":"Acme","access_token":"\(secretA)","connection_id":"c1"}

            {"customer_id":"cust-2","customer_name":"Beta","access_token":"\(secretB)","provider_id":null}
            """
        let byName = try read(text, name: "roster.jsonl")
        let byContent = try read(text, name: "roster.txt")
        #expect(byName.map(\.line) == [1, 3])
        #expect(byContent.map(\.customerID) == ["cust-1", "cust-2"])
        #expect(RosterFileReader.format(name: "x", head: Data("\u{FEFF} {".utf8)) == .jsonLines)
        #expect(RosterFileReader.format(name: "x", head: Data("customer_id".utf8)) == .csv)
    }

    @Test func badQuotingNamesLineAndColumn() {
        let found = failure("customer_id,customer_name,access_token\ncust-1,Ac\"me,\(secretA)\n")
        #expect(found?.exitStatus == .dataError)
        #expect(found?.message.contains("roster.csv, line 2, column 10") == true)
    }

    @Test func missingColumnIsNamed() {
        let found = failure("customer_id,customer_name\ncust-1,Acme\n")
        #expect(found?.exitStatus == .dataError)
        #expect(found?.message.contains("line 1") == true)
        #expect(found?.message.contains("lacks the column access_token") == true)
    }

    @Test func emptyFilesAreRefused() {
        #expect(failure("")?.exitStatus == .dataError)
        #expect(failure("", name: "roster.jsonl")?.message.contains("empty") == true)
    }

    @Test func duplicateTokensNameBothLinesAndNeverTheToken() throws {
        let found = try #require(
            failure(
                """
                customer_id,customer_name,access_token
                cust-1,Acme,\(secretA)
                cust-2,Beta,\(secretB)
                cust-3,Gamma,\(secretA)
                """))
        #expect(found.exitStatus == .dataError)
        #expect(found.message.contains("line 4, column 3 (access_token)"))
        #expect(found.message.contains("line 2"))
        #expect(!found.description.contains(secretA))
    }

    /// Issue 18, defect 2: forms the import took were read as "unknown" by reconcile; now one
    /// reader decides, the store keeps canonical UTC, and anything else is refused at import.
    @Test func createdAtIsStoredCanonicalAndOddFormsAreRefusedAtImport() throws {
        let header = "customer_id,customer_name,access_token,created_at\n"
        let entries = try read(header + "cust-1,Acme,\(secretA),2026-11-05 11:00+0100\n")
        #expect(entries[0].createdAt == "2026-11-05T10:00:00Z")
        let refused = failure(header + "cust-1,Acme,\(secretA),2026-11-05 10:00 UTC\n")
        #expect(refused?.exitStatus == .dataError)
        #expect(refused?.message.contains("line 2, column 4 (created_at)") == true)
    }

    @Test func fieldProblemsNameTheirColumn() {
        let header = "customer_id,customer_name,access_token,created_at\n"
        #expect(
            failure(header + "cust-1,,\(secretA),\n")?.message.contains("line 2, column 2 (customer_name)")
                == true)
        #expect(
            failure(header + "cust-1,Acme,\(secretA),yesterday\n")?.message.contains("column 4 (created_at)")
                == true)
        let spaced = failure(header + "cust-1,Acme,tok_abc def,\n")
        #expect(spaced?.message.contains("column 3 (access_token)") == true)
        #expect(spaced?.description.contains("tok_abc") == false)
        #expect(failure(header + "cust-1,Acme\n")?.exitStatus == .dataError)
    }

    @Test func jsonLineErrorsNameLineAndColumn() {
        let syntax = failure(
            """
            {"customer_id":"cust-1","customer_name":"Acme","access_token":"\(secretA)"}
            {"customer_id":"cust-2","customer_name":"Beta" "access_token":"x"}
            """, name: "r.jsonl")
        #expect(syntax?.message.contains("r.jsonl, line 2, column 48") == true)
        let missing = failure(#"{"customer_id":"cust-1","customer_name":"Acme"}"#, name: "r.jsonl")
        #expect(missing?.message.contains("(access_token)") == true)
        let number = failure(
            #"{"customer_id":42,"customer_name":"Acme","access_token":"tok_1234567890"}"#, name: "r.jsonl")
        #expect(number?.message.contains("line 1, column 16 (customer_id)") == true)
        #expect(failure("[1,2]", name: "r.jsonl")?.message.contains("one JSON object") == true)
    }

    @Test func duplicateConnectionIDsAreRefused() {
        let found = failure(
            """
            customer_id,customer_name,access_token,connection_id
            cust-1,Acme,\(secretA),conn-1
            cust-1,Acme,\(secretB),conn-1
            """)
        #expect(found?.message.contains("line 3, column 4 (connection_id)") == true)
        #expect(found?.message.contains("line 2") == true)
    }
}

@Suite("Roster files in the wrong encoding or delimiter")
struct RosterFileLayoutTests {
    @Test func aSemicolonHeaderIsNamedButASemicolonInAValueIsNot() throws {
        let semicolons =
            "\u{FEFF}customer_id;customer_name;access_token\ncust-1;Acme;tok_a1b2c3d4e5f6a7b8c9d0\n"
        #expect(throws: RosterFileLayoutFailure(file: "r.csv", layout: .semicolonDelimited)) {
            try RosterFileReader.read(data: Data(semicolons.utf8), name: "r.csv")
        }
        let entries = try RosterFileReader.read(
            data: Data(
                "customer_id,customer_name,access_token\ncust-1,A;B Corp,tok_a1b2c3d4e5f6a7b8c9d0\n".utf8),
            name: "r.csv")
        #expect(entries.map(\.customerName) == ["A;B Corp"])
    }

    @Test func utf16IsToldByItsMarkOrItsNulBytes() {
        let text = "customer_id,customer_name,access_token\n"
        let cases: [(Data, RosterFileLayoutFailure.Layout)] = [
            (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, .utf16(mark: "FF FE")),
            (Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, .utf16(mark: "FE FF")),
            (text.data(using: .utf16LittleEndian)!, .utf16(mark: nil)),
        ]
        for (data, layout) in cases {
            #expect(throws: RosterFileLayoutFailure(file: "r.jsonl", layout: layout)) {
                try RosterFileReader.read(data: data, name: "r.jsonl")
            }
        }
        let failure = RosterFileLayoutFailure(file: "r.csv", layout: .utf16(mark: "FF FE"))
        #expect(failure.exitStatus == .dataError && failure.message.hasPrefix("r.csv "))
        #expect(failure.remedy?.contains("iconv -f UTF-16 -t UTF-8 r.csv") == true)
    }
}
