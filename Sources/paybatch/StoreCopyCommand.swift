import ArgumentParser
import PaybatchKit

/// `paybatch store copy --to TARGET`.
struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every row of the store into a new SQLite file or an empty PostgreSQL database.",
        discussion: """
            The store named by --db (PAYBATCH_DB) is read under its exclusive lock, so nothing \
            changes it meanwhile, and left as it was. TARGET is a PostgreSQL URL (the password from \
            PGPASSWORD or .pgpass) or the path of a new SQLite file. Row ids are kept and the \
            ciphertexts copied as stored, so the copy opens with the same key; every one of them is \
            decrypted through the copy before it is trusted. A SQLite file that exists, or a \
            PostgreSQL database that already holds a store, is refused (exit 73); a failed copy \
            to SQLite leaves no file.

            Example:
              paybatch store copy --to postgres://paybatch@db.internal:5432/paybatch
              paybatch --db postgres://paybatch@db.internal/paybatch store copy --to paybatch.sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "A PostgreSQL URL or the path of a new SQLite file.") var to: String

    func run() async throws {
        try await withContext(global) { context in
            let target = try StoreLocation(to, environment: context.environment)
            guard target != (try context.storeLocation()) else {
                throw RunStop(
                    .usage, "--to names the store itself; store copy needs another place.",
                    remedy: "Name a new SQLite file or an empty PostgreSQL database.")
            }
            let ring = try context.keyRing()
            let (from, report) = try await context.withStore(
                mode: .readOnly, keys: .ring(ring), lock: .exclusive
            ) { source in
                (
                    source.place,
                    try await context.withCopyTarget(target, keys: ring) {
                        try await StoreCopy.run(from: source, to: $0)
                    }
                )
            }
            report.lines(from: from, to: target.place).forEach(context.console.out)
            return .ok
        }
    }
}

extension CommandContext {
    /// Runs `body` on `store copy`'s target: a new SQLite file that exists only once `body`
    /// succeeded, or a PostgreSQL database (made a store when empty) under the exclusive lock.
    func withCopyTarget<T: Sendable>(
        _ target: StoreLocation, keys: KeyRing, _ body: (any PaybatchStore) async throws -> T
    ) async throws -> T {
        switch target {
        case .sqlite(let path):
            return try await NewSQLiteStoreFile.writing(at: path, keys: keys) { try await body($0) }
        case .postgres:
            return try await withStore(at: target, keys: .ring(keys), creating: true, lock: .exclusive, body)
        }
    }
}
