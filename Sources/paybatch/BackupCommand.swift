import ArgumentParser
import PaybatchKit

/// `paybatch backup FILE`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file with SQLite's online backup.",
        discussion: """
            Consistent even while another paybatch writes; takes no lock and only reads the \
            store. The copy is mode 0600 and checked with SQLite's integrity check; an existing \
            FILE is never overwritten (exit 73). Tokens stay encrypted: back the key up apart.

            Example:
              paybatch backup /var/backups/paybatch-$(date +%F).sqlite
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write.") var file: String

    func run() async throws {
        try await withContext(global) { context in
            switch try context.storeLocation() {
            case .sqlite(let path):
                try SQLiteStore.open(path: path, keys: try context.optionalKeyRing(), mode: .readOnly)
                    .backup(to: file)
                context.console.out("Backed up \(path) to \(file).")
            case .postgres(let url):
                throw PostgresBackupRefused(url: url, file: file)
            }
            return .ok
        }
    }
}
