import ArgumentParser
import PaybatchKit

/// `paybatch store`: the store as a whole, whichever backend keeps it (issue 22).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Copy the store between SQLite and PostgreSQL.",
        discussion: """
            Example:
              paybatch store copy --to postgres://paybatch@db.internal:5432/paybatch
            """,
        subcommands: [StoreCopyCommand.self])
}
