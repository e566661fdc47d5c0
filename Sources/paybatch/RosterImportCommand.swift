import ArgumentParser
import PaybatchKit

/// `paybatch roster import FILE`.
struct RosterImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import access tokens from a CSV or JSON-lines roster file.",
        discussion: """
            The file is checked completely first: any error names its line and column and nothing \
            is imported. Tokens already in the roster are skipped; each new one is checked with \
            Finch's /introspect and stored encrypted. Exits 3 when Finch rejected some tokens \
            (each is listed with its line); a rejected token whose line names its connection_id \
            is kept as disconnected, with the time marked as estimated.

            CSV header: customer_id,customer_name,access_token (optional: connection_id, \
            provider_id, created_at). JSON lines: one object a line with the same keys.

            Example:
              PAYBATCH_KEY_FILE=paybatch.key paybatch roster import roster.csv
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The roster file (.csv, or .jsonl for JSON lines).") var file: String

    func run() async throws {
        try await withContext(global) { context in
            let entries = try RosterFileReader.read(path: file)
            return try await context.withWritableStore(creatingStore: true) { store, client in
                let importer = RosterImporter(
                    store: store, introspector: context.introspector(client), logger: context.logger)
                let report = try await importer.run(entries)
                report.lines.forEach(context.console.out)
                return report.exitStatus
            }
        }
    }
}
