import ArgumentParser
import PaybatchKit

/// `paybatch status [--json] [--check]`.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Runs and their outcome, connections needing reauthentication, key ids in use.",
        discussion: """
            Reads the store only; no key is needed. With --check the command exits 3 when \
            anything needs attention (a connection to reauthenticate, an employer to finish \
            connecting, a last run that failed, was partial or was interrupted), for monitoring. A run \
            whose process is gone (a signal, a crash) shows as interrupted. On a PostgreSQL store it \
            also shows the latest shared export run: its workers, their claims and leases, the \
            renderer and whether the files are published (`shared_run` in --json).

            Example:
              paybatch status
              paybatch status --check --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One JSON document on standard output.") var json = false
    @Flag(help: "Exit 3 when anything needs attention.") var check = false

    func run() async throws {
        try await withContext(global) { context in
            let report = try await context.withStore(mode: .readOnly, keys: .ifConfigured) { store in
                try await RosterStatusReport(store: store, lock: try await context.storeLockState())
            }
            if json {
                context.console.out(try report.json())
            } else {
                report.lines.forEach(context.console.out)
            }
            return check && report.needsAttention ? .partial : .ok
        }
    }
}
