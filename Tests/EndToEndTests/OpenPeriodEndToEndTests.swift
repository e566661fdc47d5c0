import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 3: a month not yet over must not pass as complete. Its export exits 64 unless
/// `--allow-open-period`; such a run says so in run.json and on the Summary, and no later run
/// reuses it. "Now" is `--now` / `PAYBATCH_NOW` when given.
@Suite("An open period, end to end", .serialized)
struct OpenPeriodEndToEndTests {
    static let open = "2026-12"
    static let inDecember = "2026-12-04T10:00:00Z"

    static func runJSON(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/run.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func anOpenPeriodExits64WithTheReasonAndWritesNothing() async throws {
        let work = try await MissingStoreEndToEndTests.importedOnly()
        defer { Task { [server = work.server] in await server.stop() } }
        let out = work.path("out")
        for flags in [[], ["--dry-run"], ["--offline"]] {
            let result = try await work.run(
                ["export", "--period", Self.open, "--out", out] + flags,
                extra: ["PAYBATCH_NOW": Self.inDecember])
            #expect(result.exitCode == 64, "\(flags): \(result.stderr)")
            #expect(result.stderr.contains("2026-12 has not ended"), "\(flags): \(result.stderr)")
            #expect(result.stderr.contains("--allow-open-period"), "\(flags): \(result.stderr)")
        }
        let flag = try await work.run([
            "export", "--period", "2026-11", "--out", out, "--now", "2026-11-30T23:59:59Z",
        ])
        #expect(flag.exitCode == 64 && flag.stderr.contains("has not ended"), "\(flag.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
        #expect(try StoreInspection(path: work.path("paybatch.sqlite")).count("runs") == 0)
    }

    @Test func anAllowedOpenPeriodSaysSoAndIsNeverReused() async throws {
        let work = try await MissingStoreEndToEndTests.importedOnly()
        defer { Task { [server = work.server] in await server.stop() } }
        let out = work.path("out")
        let folder = out + "/" + Self.open
        let early = try await work.run(
            ["export", "--period", Self.open, "--out", out, "--allow-open-period"],
            extra: ["PAYBATCH_NOW": Self.inDecember])
        #expect(early.exitCode == 3, "\(early.stderr)")
        let earlyRun = try Self.runJSON(folder)
        #expect(earlyRun["period_complete"] as? Bool == false)
        let summary = try XLSXCells(path: folder + "/paybatch-\(Self.open).xlsx").sheets["Summary"] ?? [:]
        #expect(summary.values.contains { $0.contains("month in progress") }, "\(summary)")

        // After the month: a new run that fetches every connection again, none reused.
        let later = try await work.run(
            ["export", "--period", Self.open, "--out", out], extra: ["PAYBATCH_NOW": "2027-01-02T06:15:00Z"])
        #expect(later.exitCode == 3, "\(later.stderr)")
        let laterRun = try Self.runJSON(folder)
        #expect(laterRun["period_complete"] as? Bool == true)
        #expect(laterRun["run_id"] as? String != earlyRun["run_id"] as? String)
        let sources = (laterRun["connections"] as? [[String: Any]] ?? []).compactMap {
            $0["source"] as? String
        }
        #expect(!sources.isEmpty && sources.allSatisfy { $0 == "fetched" }, "\(sources)")
        let laterSummary =
            try XLSXCells(path: folder + "/paybatch-\(Self.open).xlsx").sheets["Summary"] ?? [:]
        #expect(!laterSummary.values.contains { $0.contains("month in progress") })
    }

    @Test func aPastPeriodIsCompleteInRunJSON() async throws {
        let work = try await MissingStoreEndToEndTests.importedOnly()
        defer { Task { [server = work.server] in await server.stop() } }
        let result = try await work.run(["export", "--period", "2026-10", "--out", work.path("out")])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(try Self.runJSON(work.path("out/2026-10"))["period_complete"] as? Bool == true)
    }
}
