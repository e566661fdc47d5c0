import Foundation
import PaybatchTestSupport
import Testing

@Suite("The command line")
struct CommandLineTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "paybatch-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func helpListsOnlyCommandsThatWork() async throws {
        let result = try await PaybatchBinary.run(["--help"])
        #expect(result.exitCode == 0)
        let listed = result.stdout.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // Two-space indented names are the subcommands; wrapped abstracts are indented further.
        let names = Set(
            listed.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
                .compactMap { $0.split(separator: " ").first.map(String.init) })
        // Exactly the commands that work end to end: a half-built one must stay out of --help.
        let working: Set = [
            "demo", "export", "refresh", "reconcile", "keys", "roster", "config", "connect", "reauth",
            "status",
            "doctor",
            "backup", "store", "sandbox",
        ]
        #expect(names.subtracting(["See"]) == working)
    }

    @Test func keysInitWritesAnOwnerOnlyFileAndNeverOverwrites() async throws {
        let folder = try temporaryFolder()
        let first = try await PaybatchBinary.run(["keys", "init"], currentDirectory: folder)
        #expect(first.exitCode == 0)
        #expect(first.stdout.contains("PAYBATCH_KEY_FILE"))
        let path = folder.appendingPathComponent("paybatch.key").path
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let key = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!first.stdout.contains(key.split(separator: ":").last.map(String.init) ?? "unreachable"))
        let second = try await PaybatchBinary.run(["keys", "init"], currentDirectory: folder)
        #expect(second.exitCode == 73)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == key)
    }

    @Test func globalOptionsWorkBeforeAndAfterTheCommand() async throws {
        let folder = try temporaryFolder()
        let env = ["PAYBATCH_KEY_FILE": folder.appendingPathComponent("missing.key").path]
        for arguments in [["--db", "x.sqlite", "keys", "status"], ["keys", "status", "--db", "x.sqlite"]] {
            let result = try await PaybatchBinary.run(arguments, environment: env, currentDirectory: folder)
            // 64 would mean --db was not understood; the key file is what is missing.
            #expect(result.exitCode == 65 || result.exitCode == 78, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("paybatch:"))
        }
    }

    @Test func missingKeyExits78WithTheRemedy() async throws {
        let result = try await PaybatchBinary.run(
            ["keys", "status"], clearing: ["PAYBATCH_KEY", "PAYBATCH_KEY_FILE"],
            currentDirectory: try temporaryFolder())
        #expect(result.exitCode == 78)
        #expect(result.stderr.contains("paybatch keys init"))
    }

    /// Issue 19, item 12: a key file others may write is refused (78); one they may read is used
    /// with a warning naming the fix, for a plain file and for a Kubernetes secret volume.
    @Test func aKeyFileOthersMayWriteIsRefusedAndOneTheyMayReadIsWarnedAbout() async throws {
        let folder = try temporaryFolder()
        let key = folder.appendingPathComponent("paybatch.key").path
        let env = [
            "PAYBATCH_KEY_FILE": key, "PAYBATCH_KEY": "",
            "PAYBATCH_DB": folder.appendingPathComponent("p.sqlite").path,
        ]
        _ = try await PaybatchBinary.run(["keys", "init"], currentDirectory: folder)
        let created = try await PaybatchBinary.run(
            ["config", "set-client-secret", "--stdin"], environment: env, stdin: Data("a-secret-value".utf8),
            currentDirectory: folder)
        #expect(created.exitCode == 0, "\(created.stderr)")

        for mode in [0o620, 0o602, 0o660] {
            chmod(key, mode_t(mode))
            let refused = try await PaybatchBinary.run(
                ["keys", "status"], environment: env, currentDirectory: folder)
            #expect(refused.exitCode == 78, "mode \(String(mode, radix: 8)): \(refused.stderr)")
            #expect(refused.stderr.contains("chmod 600 \(key)"), "\(refused.stderr)")
        }
        chmod(key, 0o640)
        let warned = try await PaybatchBinary.run(
            ["keys", "status"], environment: env, currentDirectory: folder)
        #expect(warned.exitCode == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("chmod 600 \(key)"), "\(warned.stderr)")
        #expect(warned.stderr.contains("defaultMode: 0400"), "\(warned.stderr)")
        chmod(key, 0o600)
        let quiet = try await PaybatchBinary.run(
            ["keys", "status"], environment: env, currentDirectory: folder)
        #expect(quiet.exitCode == 0 && !quiet.stderr.contains("chmod"), "\(quiet.stderr)")
    }

    @Test(arguments: [
        ["export", "--period", "2026-13"], ["export", "--period", "2026-10", "--formats", "pdf"],
    ])
    func usageErrorsExit64(arguments: [String]) async throws {
        let result = try await PaybatchBinary.run(arguments)
        #expect(result.exitCode == 64)
    }

    @Test func aSecretInTheConfigFileIsRefusedNamingTheLine() async throws {
        let folder = try temporaryFolder()
        try "db = \"x.sqlite\"\nclient_secret = \"hunter2-secret\"\n".write(
            to: folder.appendingPathComponent("paybatch.toml"), atomically: true, encoding: .utf8)
        let result = try await PaybatchBinary.run(["keys", "status"], currentDirectory: folder)
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("paybatch.toml:2:1"))
        #expect(!result.stderr.contains("hunter2"))
    }
}

@Suite("paybatch demo")
struct DemoTests {
    @Test func runsEndToEndWithNothingConfigured() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "paybatch-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Configuration in the environment and a config file must be ignored.
        try "db = \"elsewhere.sqlite\"\n".write(
            to: folder.appendingPathComponent("paybatch.toml"), atomically: true, encoding: .utf8)
        let result = try await PaybatchBinary.run(
            ["demo"], environment: ["FINCH_BASE_URL": "http://127.0.0.1:9", "PAYBATCH_RATE_SCALE": "1"],
            clearing: ["PAYBATCH_KEY_FILE", "PAYBATCH_KEY"], currentDirectory: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.contains("reauth_required  1 connection\n"))
        #expect(result.stdout.contains("billed_not_in_roster: 1"))
        let period = try #require(result.stdout.split(separator: "\n").first?.split(separator: " ").last)
        let reports = folder.appendingPathComponent("paybatch-demo/\(period)")
        for name in ["paybatch-\(period).xlsx", "run.json", "employees.csv", "reconciliation.json"] {
            #expect(
                FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), "\(name)")
        }
        #expect(
            !FileManager.default.fileExists(atPath: folder.appendingPathComponent("elsewhere.sqlite").path))
    }
}

extension CommandLineTests {
    /// Issue 22: SQLite's online backup has nothing to copy on PostgreSQL; pg_dump does it, and
    /// the command line it gives is ready to run (the password stays where pg_dump finds it).
    @Test func backupOfAPostgresStorePointsToPgDump() async throws {
        let folder = try temporaryFolder()
        let result = try await PaybatchBinary.run(
            [
                "backup", "--db", "postgres://payroll@db.example.com:5433/paybatch?sslmode=require",
                "it's.dump",
            ],
            environment: ["PGPASSWORD": "never-shown-0123"], clearing: ["PAYBATCH_DB"],
            currentDirectory: folder)
        #expect(result.exitCode == 64, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                #"pg_dump --format=custom --file 'it'\''s.dump' 'postgres://payroll@db.example.com:5433/paybatch?sslmode=require'"#
            ), "\(result.stderr)")
        #expect(!result.stderr.contains("never-shown-0123"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("it's.dump").path))
    }
}
