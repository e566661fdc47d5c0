import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// A folder with a key, a store path and a sandbox on loopback, and the environment that points
/// the built binary at them (no pacing: the sandbox has no limits).
final class RosterWorkspace {
    static let clientID = "e2e-client"
    static let clientSecret = "e2e-client-secret-0123456789"
    let folder: URL
    let server: SandboxServer
    let rosterFile: String
    /// The sandbox's and paybatch's `--rate-scale` (0: no limits, no pacing).
    let rateScale: Int

    init(
        companies: Int = 12, faults: FaultPlan = .none, retryAfter: Bool = true, syncAfter: Int = 1,
        jobSeconds: Int = 4, rateScale: Int = 0
    ) async throws {
        self.rateScale = rateScale
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "paybatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        server = SandboxServer(
            options: SandboxOptions(
                seed: 3, companies: companies, now: Date(timeIntervalSince1970: 1_794_744_000),
                rateScale: Double(rateScale),
                faults: faults, retryAfter: retryAfter, syncAfter: syncAfter, jobSeconds: jobSeconds,
                clientID: Self.clientID,
                clientSecret: Self.clientSecret, environment: [:]))
        _ = try await server.start()
        rosterFile = folder.appendingPathComponent("roster.csv").path
        try Data(server.world.rosterCSV().utf8).write(to: URL(fileURLWithPath: rosterFile))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    var environment: [String: String] {
        [
            "PAYBATCH_KEY_FILE": path("paybatch.key"), "PAYBATCH_KEY": "",
            "PAYBATCH_DB": path("paybatch.sqlite"),
            "FINCH_BASE_URL": server.baseURL.absoluteString, "PAYBATCH_RATE_SCALE": "\(rateScale)",
            "FINCH_CLIENT_ID": Self.clientID, "FINCH_CLIENT_SECRET": "",
        ]
    }

    @discardableResult
    func run(
        _ arguments: [String], stdin: String? = nil, without: [String] = [], extra: [String: String] = [:]
    ) async throws -> PaybatchBinary.Result {
        var env = environment.merging(extra) { $1 }
        for name in without { env[name] = "" }
        let result = try await Self.offPool(arguments, env, stdin.map { Data($0.utf8) }, folder)
        outputs.append(result.stdout + result.stderr)
        return result
    }

    /// Runs the binary (PaybatchBinary waits on a thread of its own, off the cooperative pool).
    static func offPool(
        _ arguments: [String], _ env: [String: String], _ stdin: Data?, _ folder: URL
    ) async throws -> PaybatchBinary.Result {
        try await PaybatchBinary.run(arguments, environment: env, stdin: stdin, currentDirectory: folder)
    }

    /// Everything every command printed, for the secret scan.
    var outputs: [String] = []

    /// The store file and its WAL, as bytes.
    func storeBytes() -> Data {
        var data = FileManager.default.contents(atPath: path("paybatch.sqlite")) ?? Data()
        data.append(FileManager.default.contents(atPath: path("paybatch.sqlite-wal")) ?? Data())
        return data
    }

    /// Checks that no sandbox token, not the client secret and no key (its bytes, base64 or hex)
    /// appear in the store and its WAL, any file written in the folder, or anything printed.
    func expectNoSecrets(sourceLocation: SourceLocation = #_sourceLocation) {
        let printed = Data(outputs.joined(separator: "\n").utf8)
        let written = [("store", storeBytes()), ("printed", printed)] + writtenFiles()
        for (label, secret) in secretForms() {
            for (name, bytes) in written {
                #expect(!bytes.holds(secret), "\(label) in \(name)", sourceLocation: sourceLocation)
            }
        }
    }
}

@Suite("The built binary: keys, roster, status, backup", .serialized)
struct RosterEndToEndTests {
    @Test func newUserImportsListsAndChecksStatus() async throws {
        let work = try await RosterWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let initialized = try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        #expect(initialized.exitCode == 0)

        let imported = try await work.run([
            "--verbose", "--log-format", "json", "roster", "import", work.rosterFile,
        ])
        #expect(imported.exitCode == 3)
        #expect(imported.stdout.contains("Imported 12 new connection(s)"))
        #expect(imported.stdout.contains("Rejected by Finch: 1 token(s)"))
        #expect(imported.stderr.contains(#""message":"introspect refused the token""#))
        // Every introspect is in the request log with Finch's request id (the store opens keyless).
        let store = try SQLiteStore.open(path: work.path("paybatch.sqlite"), keys: nil, mode: .readOnly)
        let logged = try store.requestLog()
        #expect(logged.count == 13)
        #expect(logged.allSatisfy { $0.endpoint == "/introspect" && $0.requestID != nil })
        let again = try await work.run(["roster", "import", work.rosterFile])
        #expect(again.exitCode == 0)
        #expect(again.stdout.contains("13 token(s) already in the roster were skipped"))

        let listed = try await work.run(["roster", "list"], without: ["PAYBATCH_KEY_FILE"])
        #expect(listed.exitCode == 0)
        for connection in work.server.world.connections {
            #expect(listed.stdout.contains(connection.connectionID))
        }
        let json = try await work.run(["--db", work.path("paybatch.sqlite"), "roster", "list", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["connections"] as? [Any])?.count == 13)

        let status = try await work.run(["status"], without: ["PAYBATCH_KEY_FILE"])
        #expect(status.exitCode == 0)
        let reauth = try #require(work.server.world.connections.first { $0.scenario == .reauth })
        #expect(status.stdout.contains("paybatch reauth \(reauth.connectionID)"))
        #expect(try await work.run(["status", "--check"]).exitCode == 3)

        let backup = work.path("backup.sqlite")
        #expect(try await work.run(["backup", backup]).exitCode == 0)
        #expect(try await work.run(["backup", backup]).exitCode == 73)
        work.expectNoSecrets()
    }

    @Test func badRosterExits65AndImportsNothing() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        let bad = work.path("bad.csv")
        try Data("customer_id,customer_name,access_token\ncust-1,Acme,tok_one\ncust-2,\"Beta,tok_two\n".utf8)
            .write(to: URL(fileURLWithPath: bad))
        let result = try await work.run(["roster", "import", bad])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("bad.csv, line 3, column 8"))
        #expect(work.server.counters().endpoints["GET /introspect"] == nil)
        #expect(try await work.run(["roster", "import", work.path("missing.csv")]).exitCode == 65)
        let noKey = try await work.run(["roster", "import", work.rosterFile], without: ["PAYBATCH_KEY_FILE"])
        #expect(noKey.exitCode == 78)
    }

    @Test func disconnectIsSafeToRepeat() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        let id = try #require(work.server.world.connections.first { $0.scenario == .normal }).connectionID
        let first = try await work.run(["roster", "disconnect", id])
        #expect(first.exitCode == 0)
        #expect(first.stdout.contains("Disconnected \(id)"))
        let second = try await work.run(["roster", "disconnect", id])
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("already disconnected"))
        #expect(work.server.counters().endpoints["POST /disconnect"]?.calls == 1)
        #expect(try await work.run(["roster", "disconnect", "no-such-connection"]).exitCode == 65)
        #expect(try await work.run(["reauth", "no-such-connection", "--no-wait"]).exitCode == 64)

        // Another key cannot decrypt the store: 77, and the file is left as it was.
        try await work.run(["keys", "init", "--key-file", work.path("other.key")])
        let before = work.storeBytes()
        let wrongKey = try await work.run(
            ["roster", "refresh"], extra: ["PAYBATCH_KEY_FILE": work.path("other.key")])
        #expect(wrongKey.exitCode == 77)
        #expect(work.storeBytes() == before)
        #expect(
            try await work.run(["roster", "list"], extra: ["PAYBATCH_KEY_FILE": work.path("other.key")])
                .exitCode == 77)
        work.expectNoSecrets()
    }

    @Test func disconnectEntityChecksTheIdsFirstAndIsSafeToRepeat() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        let id = try #require(work.server.world.connections.first { $0.scenario == .normal }).connectionID
        // A mistyped id calls nothing, and the error lists the connection's entities.
        let typo = try await work.run(["roster", "disconnect-entity", id, "no-such-entity"])
        #expect(typo.exitCode == 64)
        #expect(typo.stderr.contains("no-such-entity is not an entity of connection \(id)"))
        let listed = try #require(
            typo.stderr.firstMatch(of: /Its entities: ([0-9a-f-]+) \(([^,]+), connected\)/))
        let entity = String(listed.1)
        #expect(work.server.counters().endpoints["POST /disconnect-entity"] == nil)

        let first = try await work.run(["roster", "disconnect-entity", id, entity, entity])
        #expect(first.exitCode == 0)
        #expect(first.stdout.contains("Disconnected entity \(entity) of \(id) at Finch (request "))
        #expect(first.stdout.contains("has no entity left"))
        // The token goes on working: the second introspects and finds the entity gone.
        let second = try await work.run(["roster", "disconnect-entity", id, entity])
        #expect(second.exitCode == 0)
        #expect(second.stdout.contains("already disconnected; nothing to do"))
        #expect(work.server.counters().endpoints["POST /disconnect-entity"]?.calls == 1)
        #expect(
            try await work.run(["roster", "disconnect-entity", "no-such-connection", entity]).exitCode == 65)
        work.expectNoSecrets()
    }
}
