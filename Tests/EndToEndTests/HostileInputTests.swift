import Foundation
import Hummingbird
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Broken and hostile input, through the built binary: each case exits with SPEC §2's code, names
/// the place (file, line, endpoint, lock holder) and leaves nothing half-written. Cases already
/// covered elsewhere (roster quoting, BOM, CRLF, duplicate tokens, invoices, config secrets, a full
/// disk) are listed in the hostile-input report, not repeated here.
@Suite("Hostile and broken input, through the binary", .serialized)
struct HostileInputTests {
    /// A workspace with a key and a store holding the sandbox's roster.
    func importedWorkspace() async throws -> RosterWorkspace {
        let work = try await RosterWorkspace(companies: 4)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let imported = try await work.run(["roster", "import", work.rosterFile])
        #expect([0, 3].contains(imported.exitCode), "\(imported.stderr)")
        return work
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test(
        "Finch answering HTML, an empty body or JSON of the wrong shape: 69 naming the line, nothing stored",
        arguments: [
            ("<html><body>Service Unavailable</body></html>", "text/html"), ("", "application/json"),
            ("[{\"connection_id\": \"conn-1\"}]", "application/json"),
        ])
    func finchAnsweringGarbage(body: String, contentType: String) async throws {
        let finch = try await LoopbackServer.start { router in
            router.get("/introspect") { _, _ -> Response in
                .json(200, body, headers: ["Content-Type": contentType, "Finch-Request-Id": "req-garbage"])
            }
        }
        let work = try await RosterWorkspace(companies: 2)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let roster = work.path("garbage.csv")
        try write("customer_id,customer_name,access_token\ncust-1,Acme,tok-garbage-0001\n", to: roster)
        let result = try await work.run(
            ["roster", "import", roster], extra: ["FINCH_BASE_URL": finch.baseURL.absoluteString])
        await finch.stop()
        #expect(result.exitCode == 69)
        let printed = result.stdout + result.stderr
        #expect(printed.contains("line 2"))
        #expect(printed.contains("/introspect"))
        #expect(printed.contains("req-garbage"))
        #expect(!printed.contains("tok-garbage-0001"))
        let listed = try await work.run(["roster", "list", "--json"])
        #expect(!listed.stdout.contains("cust-1"))
    }

    @Test("a 10 MB roster line is 65 naming its line; Finch is never called")
    func tenMegabyteLine() async throws {
        let work = try await RosterWorkspace(companies: 2)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let roster = work.path("huge.csv")
        let huge = String(repeating: "x", count: 10 << 20)
        try write(
            "customer_id,customer_name,access_token\ncust-1,Acme,tok-a\ncust-2,\(huge),tok-b\n", to: roster)
        let result = try await work.run(["roster", "import", roster])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("huge.csv, line 3"))
        #expect(work.server.counters().endpoints["GET /introspect"] == nil)
        #expect(!FileManager.default.fileExists(atPath: work.path("paybatch.sqlite")))
    }

    @Test("a lock held by a live process is 75 naming its pid and host; the store is unchanged")
    func lockHeldByALiveProcess() async throws {
        let work = try await importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let before = work.storeBytes()
        let owner = LockOwner.current(startedAt: Date())
        let held = try await StoreLock.acquire(
            databasePath: work.path("paybatch.sqlite"), owner: owner, sleep: { _ in })
        let result = try await work.run(["roster", "refresh"])
        held.release()
        #expect(result.exitCode == 75)
        #expect(result.stderr.contains("pid \(owner.pid)"))
        #expect(result.stderr.contains(owner.host))
        #expect(work.storeBytes() == before)
    }

    @Test("a wrong key is 77 and leaves the store byte for byte unchanged")
    func wrongKey() async throws {
        let work = try await importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("other.key")])
        let before = work.storeBytes()
        let result = try await work.run(
            ["roster", "refresh"], extra: ["PAYBATCH_KEY_FILE": work.path("other.key")])
        #expect(result.exitCode == 77)
        #expect(result.stderr.contains("key"))
        #expect(work.storeBytes() == before)
    }

    @Test("an output folder under a regular file is 73 naming the path; nothing is written")
    func unwritableOutputFolder() async throws {
        let work = try await importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let invoice = work.path("invoice.csv")
        try write(work.server.world.invoiceCSV(period: "2026-10")!, to: invoice)
        let blocker = work.path("blocker")
        try write("a regular file", to: blocker)
        let result = try await work.run([
            "reconcile", "--period", "2026-10", "--invoice", invoice, "--out", blocker + "/out",
        ])
        #expect(result.exitCode == 73)
        #expect(result.stderr.contains(blocker))
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "a regular file")
    }

    @Test("a template with an unknown field is 65 naming the file and line; no output folder")
    func badTemplate() async throws {
        let work = try await importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let templates = work.path("templates")
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try write(
            "{\n  \"sheet\": \"Payments\",\n  \"columns\": [\n    {\"field\": \"no_such_field\"}\n  ]\n}\n",
            to: templates + "/payments.json")
        let out = work.path("out")
        let result = try await work.run([
            "export", "--period", "2026-10", "--templates", templates, "--out", out,
        ])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("payments.json"))
        #expect(result.stderr.contains("line 4") || result.stderr.contains(":4"))
        #expect(!FileManager.default.fileExists(atPath: out + "/2026-10"))
    }

    @Test("a malformed config line is 65 naming file and line; the store is not created")
    func malformedConfig() async throws {
        let work = try await RosterWorkspace(companies: 2)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let config = work.path("broken.toml")
        try write("out = \"reports\"\nrate_scale = \"fast\n", to: config)
        let result = try await work.run(["roster", "import", work.rosterFile, "--config", config])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("broken.toml:2"))
        #expect(!FileManager.default.fileExists(atPath: work.path("paybatch.sqlite")))
    }
}
