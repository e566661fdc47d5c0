import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 4: an output folder that cannot be made or written stops an export before it
/// calls Finch for data (73), and `doctor` reports it as failed.
@Suite("An unusable output folder, end to end", .serialized)
struct OutputFolderEndToEndTests {
    @Test func anImpossibleOutputFolderStopsTheExportBeforeFetchingAndDoctorFailsIt() async throws {
        let work = try await MissingStoreEndToEndTests.importedOnly()
        defer { Task { [server = work.server] in await server.stop() } }
        let blocker = work.path("blocker")
        try Data("a file, not a folder\n".utf8).write(to: URL(fileURLWithPath: blocker))
        let before = work.server.counters().endpoints.filter { $0.key.hasPrefix("GET /employer/") }

        let result = try await work.run(["export", "--period", "2026-10", "--out", blocker + "/out"])
        #expect(result.exitCode == 73, "\(result.stderr)")
        #expect(result.stderr.contains(blocker), "\(result.stderr)")
        let after = work.server.counters().endpoints.filter { $0.key.hasPrefix("GET /employer/") }
        #expect(
            after.mapValues(\.calls) == before.mapValues(\.calls), "no data endpoint was called")
        #expect(try StoreInspection(path: work.path("paybatch.sqlite")).count("runs") == 0)

        let doctor = try await work.run(
            ["doctor", "--sample", "0"], extra: ["PAYBATCH_OUT": blocker + "/out"])
        let line = doctor.stdout.split(separator: "\n").first { $0.contains("output folder") } ?? ""
        #expect(line.hasPrefix("FAIL"), "\(doctor.stdout)")
        #expect(doctor.exitCode == 73, "\(doctor.stdout)")
    }

    @Test func doctorPassesAFolderThatCanBeMadeUnderMissingParents() async throws {
        let work = try await MissingStoreEndToEndTests.importedOnly()
        defer { Task { [server = work.server] in await server.stop() } }
        let doctor = try await work.run(
            ["doctor", "--sample", "0"], extra: ["PAYBATCH_OUT": work.path("reports/paybatch/out")])
        let line = doctor.stdout.split(separator: "\n").first { $0.contains("output folder") } ?? ""
        #expect(line.hasPrefix("ok"), "\(doctor.stdout)")
        #expect(!FileManager.default.fileExists(atPath: work.path("reports")), "doctor made nothing")
    }
}
