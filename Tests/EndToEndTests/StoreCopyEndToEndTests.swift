import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `paybatch store copy --to TARGET` with the built binary (issue 22): a copy reads, for every
/// command, as its source does; an existing target is refused unchanged; a failed copy leaves
/// no file.
@Suite("The built binary: store copy", .serialized)
struct StoreCopyEndToEndTests {
    /// A workspace whose store holds an imported roster and its request log.
    static func importedWorkspace() async throws -> RosterWorkspace {
        let work = try await RosterWorkspace(companies: 6)
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        return work
    }

    /// What a user reads of the store at `db`: `roster list` and `status`, as JSON.
    static func views(_ work: RosterWorkspace, db: String) async throws -> [String] {
        var views: [String] = []
        for command in [["roster", "list", "--json"], ["status", "--json"]] {
            let result = try await work.run(["--db", db] + command)
            #expect(result.exitCode == 0, "\(command) on \(db): \(result.stderr)")
            views.append(result.stdout)
        }
        return views
    }

    /// The names in `folder`, to see that a copy left nothing behind.
    static func names(in folder: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder))
    }

    @Test func aSQLiteCopyReadsAsItsSourceAndIsNeverOverwritten() async throws {
        let work = try await Self.importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let original = try await Self.views(work, db: work.path("paybatch.sqlite"))
        let before = try Self.names(in: work.folder.path)
        let copy = work.path("copy.sqlite")

        let copied = try await work.run(["store", "copy", "--to", copy])
        #expect(copied.exitCode == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("Copied \(work.path("paybatch.sqlite")) to \(copy):"))
        #expect(copied.stdout.contains("  connections"))
        #expect(copied.stdout.contains("point --db / PAYBATCH_DB (or db in paybatch.toml) at \(copy)"))
        #expect(try Self.names(in: work.folder.path) == before.union(["copy.sqlite"]))
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try await Self.views(work, db: copy) == original)

        // An existing file is refused (73) and left as it was.
        let bytes = FileManager.default.contents(atPath: copy)
        let again = try await work.run(["store", "copy", "--to", copy])
        #expect(again.exitCode == 73)
        #expect(again.stderr.contains("\(copy) already exists; store copy never overwrites a file."))
        #expect(FileManager.default.contents(atPath: copy) == bytes)

        // A folder that cannot take the file: 73, and nothing made. (Reading the copy above gave
        // it SQLite's -wal and -shm files, as reading any store does.)
        let settled = try Self.names(in: work.folder.path)
        let missing = work.path("no-such-folder/copy.sqlite")
        #expect(try await work.run(["store", "copy", "--to", missing]).exitCode == 73)
        #expect(!FileManager.default.fileExists(atPath: work.path("no-such-folder")))
        #expect(try await work.run(["store", "copy", "--to", work.path("paybatch.sqlite")]).exitCode == 64)
        #expect(try Self.names(in: work.folder.path) == settled)
        work.expectNoSecrets()
    }

    @Test(.needsPostgres) func sqliteToPostgresAndBackReadsAsTheOriginal() async throws {
        let work = try await Self.importedWorkspace()
        defer { Task { [server = work.server] in await server.stop() } }
        let original = try await Self.views(work, db: work.path("paybatch.sqlite"))
        let url = try await TestPostgres.freshDatabase().description

        let there = try await work.run(["store", "copy", "--to", url])
        #expect(there.exitCode == 0, "\(there.stderr)")
        #expect(there.stdout.contains("at \(url) to use the copy"))
        #expect(try await Self.views(work, db: url) == original)
        let back = work.path("back.sqlite")
        let returned = try await work.run(["--db", url, "store", "copy", "--to", back])
        #expect(returned.exitCode == 0, "\(returned.stderr)")
        #expect(try await Self.views(work, db: back) == original)
        // What each copy moved is what the other moved.
        #expect(
            there.stdout.split(separator: "\n").dropFirst().dropLast()
                == returned.stdout.split(separator: "\n").dropFirst().dropLast())

        // A database that already holds a store is refused (73) and keeps its rows.
        let refused = try await work.run(["--db", back, "store", "copy", "--to", url])
        #expect(refused.exitCode == 73)
        #expect(refused.stderr.contains("\(url) already holds a paybatch store"))
        #expect(try await Self.views(work, db: url) == original)
        work.expectNoSecrets()
    }
}
