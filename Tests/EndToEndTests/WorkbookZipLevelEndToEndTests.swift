import Foundation
import PaybatchTestSupport
import Testing

/// The zip-level trick (Sources/CXLSXZipLevel) lives in the executable only: its self-check, run
/// at start, must find libxlsxwriter's minizip call bound to paybatch's own definition, say so at
/// `--verbose`, and the binary's workbooks must then be zipped at zlib's fastest level.
@Suite("The executable's workbook zip level")
struct WorkbookZipLevelEndToEndTests {
    @Test("the built binary finds the minizip call interposed, says so once at debug, zips at level 1")
    func interposedInTheBinary() async throws {
        // Reconcile's fixture: a workbook written by the binary with no sandbox server to start.
        let reconcile = ReconcileEndToEndTests()
        let temp = try TempStore()
        try reconcile.populate(temp)
        let (invoice, connections, out) = try reconcile.files(temp)
        let result = try await PaybatchBinary.run(
            [
                "--verbose", "--log-format", "json", "reconcile", "--period", reconcile.period, "--invoice",
                invoice, "--connections", connections, "--out", out, "--db", temp.databasePath,
            ], environment: ["PAYBATCH_KEY": "", "PAYBATCH_KEY_FILE": ""])
        #expect(result.exitCode == 4, "\(result.stderr)")

        let lines = result.stderr.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let checks = lines.filter { $0["zip_self_check"] != nil }
        #expect(checks.count == 1, "\(result.stderr)")
        let check = try #require(checks.first)
        #expect(check["level"] as? String == "debug")
        #expect(check["zip_self_check"] as? String == "interposed", "\(check)")
        #expect(check["zip_level"] as? String == "fastest", "\(check)")

        let workbook = out + "/\(reconcile.period)/reconciliation-\(reconcile.period).xlsx"
        let options = try ZipDeflateOptions.read(archive: workbook)
        #expect(!options.isEmpty)
        #expect(options.allSatisfy { $0 == "superfast" }, "\(options)")
    }
}
