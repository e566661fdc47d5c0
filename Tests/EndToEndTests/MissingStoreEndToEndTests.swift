import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 1: a mistyped store path must not wipe good reports. Only the commands that
/// create a store (SPEC §2) may; every other one exits 78 naming the path and what to do, and
/// creates nothing: no store, no folder, no lock file.
@Suite("A missing store, end to end", .serialized)
struct MissingStoreEndToEndTests {
    static let period = "2026-10"

    /// A workspace with a key and the sandbox's roster imported.
    static func importedOnly() async throws -> RosterWorkspace {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(["roster", "import", work.rosterFile])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        return work
    }

    /// A workspace with a key, the sandbox's roster imported and the period exported to `out`.
    static func exported() async throws -> RosterWorkspace {
        let work = try await importedOnly()
        let exported = try await work.run(["export", "--period", period, "--out", work.path("out")])
        #expect(exported.exitCode == 3, "\(exported.stderr)")
        return work
    }

    /// An exported workspace, its period folder, and that folder's files with their bytes.
    static func exportedFolder() async throws -> (RosterWorkspace, folder: String, files: [String: Data]) {
        let work = try await exported()
        let folder = work.path("out/" + period)
        return (work, folder, try contents(folder))
    }

    /// Every file of the period folder with its bytes.
    static func contents(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    @Test func aMistypedStorePathExits78AndLeavesTheMonthsFilesAlone() async throws {
        let (work, folder, before) = try await Self.exportedFolder()
        defer { Task { [server = work.server] in await server.stop() } }
        let typo = work.path("paybatch-typo/paybatch.sqlite")

        let result = try await work.run([
            "export", "--db", typo, "--period", Self.period, "--out", work.path("out"),
        ])
        #expect(result.exitCode == 78, "\(result.stderr)")
        #expect(result.stderr.contains("no store at \(typo)"), "\(result.stderr)")
        #expect(result.stderr.contains("paybatch roster import"), "says how to create one: \(result.stderr)")
        #expect(result.stderr.contains("PAYBATCH_DB"), "says to check the path: \(result.stderr)")
        #expect(!result.stdout.contains("Connections:"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: work.path("paybatch-typo")), "no folder made")
        #expect(try Self.contents(folder) == before, "the month's files are untouched")
    }

    @Test func everyCommandThatDoesNotCreateAStoreRefusesAMissingOne() async throws {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try Data((work.server.world.invoiceCSV(period: Self.period) ?? "").utf8).write(
            to: URL(fileURLWithPath: work.path("invoice.csv")))
        let commands: [[String]] = [
            ["export", "--period", Self.period, "--out", work.path("out")],
            ["export", "--period", Self.period, "--out", work.path("out"), "--dry-run"],
            ["export", "--period", Self.period, "--out", work.path("out"), "--offline"],
            [
                "reconcile", "--period", Self.period, "--invoice", work.path("invoice.csv"), "--out",
                work.path("out"),
            ],
            ["status"], ["status", "--check", "--json"], ["doctor"], ["roster", "list"],
            ["roster", "refresh"],
            ["roster", "disconnect", "conn-1"], ["keys", "rotate"], ["keys", "status"],
            ["backup", work.path("backup.sqlite")], ["reauth", "conn-1", "--code", "code-1"],
            ["store", "copy", "--to", work.path("copy.sqlite")],
        ]
        for command in commands {
            let missing = work.path("typo/paybatch.sqlite")
            let result = try await work.run(command + ["--db", missing])
            #expect(result.exitCode == 78, "\(command): \(result.stderr)")
            // `doctor` prints its checks on stdout.
            let printed = result.stdout + result.stderr
            #expect(printed.contains("no store at \(missing)"), "\(command): \(printed)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: work.folder.path)) ?? []
            #expect(
                Set(left).isSubset(of: ["paybatch.key", "roster.csv", "invoice.csv"]),
                "\(command) created \(left.sorted())")
        }
    }

    @Test func theCommandsThatCreateAStoreStillDo() async throws {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let store = work.path("new/paybatch.sqlite")
        let imported = try await work.run(["roster", "import", work.rosterFile, "--db", store])
        #expect(imported.exitCode == 3, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: store))
        let secret = work.path("secret/paybatch.sqlite")
        let stored = try await work.run(
            ["config", "set-client-secret", "--stdin", "--db", secret], stdin: "a-client-secret-value")
        #expect(stored.exitCode == 0, "\(stored.stderr)")
        #expect(FileManager.default.fileExists(atPath: secret))
    }

    @Test func anExportOfAStoreWithoutLiveConnectionsExits78AndWritesNothing() async throws {
        let (work, folder, before) = try await Self.exportedFolder()
        defer { Task { [server = work.server] in await server.stop() } }
        let empty = work.path("empty.sqlite")
        let created = try await work.run(
            ["config", "set-client-secret", "--stdin", "--db", empty], stdin: "a-client-secret-value")
        #expect(created.exitCode == 0, "\(created.stderr)")

        let result = try await work.run([
            "export", "--db", empty, "--period", Self.period, "--out", work.path("out"),
        ])
        #expect(result.exitCode == 78, "\(result.stderr)")
        #expect(result.stderr.contains("no live connection"), "\(result.stderr)")
        #expect(try Self.contents(folder) == before, "the month's files are untouched")
        #expect(try StoreInspection(path: empty).count("runs") == 0, "no run is recorded")
    }

    @Test func noKeyLeavesNoStoreNorLockBehind() async throws {
        let work = try await RosterWorkspace(companies: 8, syncAfter: 0)
        defer { Task { [server = work.server] in await server.stop() } }
        let result = try await work.run(["roster", "import", work.rosterFile])
        #expect(result.exitCode == 78, "\(result.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: work.folder.path)
        #expect(left == ["roster.csv"], "\(left)")
    }
}
