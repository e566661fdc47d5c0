import Foundation
import PaybatchTestSupport
import Testing

@testable import FinchSandbox

/// `paybatch sandbox --write-*` writes the same files the in-process world gives, and exits.
@Suite struct SandboxCommandTests {
    @Test func writeFlagsWriteFilesAndExit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sandbox-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = ["roster.csv", "connections.csv", "invoice.csv"].map {
            folder.appendingPathComponent($0).path
        }
        let result = try await PaybatchBinary.run(
            [
                "sandbox", "--now", "2026-11-15T12:00:00Z", "--write-roster", paths[0], "--write-connections",
                paths[1], "--write-invoice", paths[2], "--period", "2026-10",
            ], environment: ["FINCH_CLIENT_ID": "", "FINCH_CLIENT_SECRET": ""])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let world = TestSandbox().world
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == world.rosterCSV())
        #expect(try String(contentsOfFile: paths[1], encoding: .utf8) == world.connectionsCSV())
        #expect(try String(contentsOfFile: paths[2], encoding: .utf8) == world.invoiceCSV(period: "2026-10"))
    }

    @Test func invoiceWithoutPeriodIsAUsageError() async throws {
        let result = try await PaybatchBinary.run(["sandbox", "--write-invoice", "/dev/null"])
        #expect(result.exitCode == 64)
        #expect(result.stderr.contains("--period"))
    }
}
