import Foundation
import PaybatchTestSupport
import Testing

/// Issue 19, item 21: a roster saved as UTF-16 or with semicolons between the fields (what Excel
/// writes in some locales) is refused with 65, naming the file, what it looks like and how to fix
/// it — not with a puzzling "the header lacks the column customer_id".
@Suite("Roster files Excel saved another way, end to end", .serialized)
struct RosterFileLayoutEndToEndTests {
    static let text = "customer_id,customer_name,access_token\ncust-1,Acme,tok-layout-0001\n"

    @Test func utf16AndSemicolonRostersSaySoAndHowToFixThem() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let withMark = Data([0xFF, 0xFE]) + Data(Self.text.data(using: .utf16LittleEndian)!)
        let bigEndian = Data([0xFE, 0xFF]) + Data(Self.text.data(using: .utf16BigEndian)!)
        let withoutMark = Data(Self.text.data(using: .utf16LittleEndian)!)
        let semicolons = Data(Self.text.replacingOccurrences(of: ",", with: ";").utf8)
        let cases: [(String, Data, [String])] = [
            ("utf16le.csv", withMark, ["UTF-16", "FF FE", "iconv -f UTF-16 -t UTF-8"]),
            ("utf16be.csv", bigEndian, ["UTF-16", "FE FF", "iconv"]),
            ("nul.txt", withoutMark, ["UTF-16", "NUL", "iconv"]),
            ("semicolons.csv", semicolons, ["semicolon-delimited", "commas between the fields"]),
        ]
        for (name, bytes, phrases) in cases {
            let path = work.path(name)
            try bytes.write(to: URL(fileURLWithPath: path))
            let result = try await work.run(["roster", "import", path])
            #expect(result.exitCode == 65, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(path), "\(name) names the file: \(result.stderr)")
            for phrase in phrases {
                #expect(result.stderr.contains(phrase), "\(name): \(phrase) in \(result.stderr)")
            }
        }
        // The same roster in UTF-8 with commas imports (the sandbox rejects its unknown token: 3).
        let good = work.path("good.csv")
        try Data(Self.text.utf8).write(to: URL(fileURLWithPath: good))
        let imported = try await work.run(["roster", "import", good])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        #expect(!imported.stderr.contains("UTF-16") && !imported.stderr.contains("semicolon"))
    }
}
