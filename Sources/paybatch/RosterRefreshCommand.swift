import ArgumentParser
import PaybatchKit

/// `paybatch roster refresh`.
struct RosterRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Ask Finch about every connection again and record status changes.",
        discussion: """
            Calls /introspect for each connection not disconnected; every status change is kept \
            with its time. A token Finch now rejects marks its connection disconnected (time \
            estimated) and the command exits 3.

            Example:
              paybatch roster refresh
            """)

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await withContext(global) { context in
            try await context.withWritableStore { store, client in
                let refresher = RosterRefresher(store: store, introspector: context.introspector(client))
                let report = try await refresher.run()
                report.lines.forEach(context.console.out)
                return report.exitStatus
            }
        }
    }
}
