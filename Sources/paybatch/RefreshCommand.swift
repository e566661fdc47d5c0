import ArgumentParser
import PaybatchKit

/// `paybatch refresh [--only ID...] [--wait DURATION]`.
struct RefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Ask Finch to sync every connection now (a data_sync_all job each), before an export.",
        discussion: """
            Calls POST /jobs/automated for each live connection and keeps Finch's quota (a few \
            forced refreshes per connection per hour): a connection whose quota is spent is not \
            asked again before the time Finch gave. Assisted connections are skipped (Finch \
            refuses them; they sync on their own). With --wait the jobs are followed until they \
            end or the time is up. Exits 0 when every job completed (without --wait: started), \
            75 when a spent quota, a job still running or a transient failure means "later" (the \
            message says when), else 3 when a person is needed (reauthentication, permissions, \
            an assisted connection). `paybatch status` shows each connection's latest refresh.

            Example:
              paybatch refresh --wait 10m
              paybatch refresh --only cust-042
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .upToNextOption, help: "Refresh only these customer or connection ids.") var only:
        [String] = []
    @Option(help: "Follow the jobs until they end, up to this long: 90s, 10m, 1h.") var wait: String?

    func validate() throws {
        if let wait, ConnectFlowOptions.duration(wait) == nil {
            throw ValidationError("--wait takes a duration such as 90s, 10m or 1h.")
        }
    }

    func run() async throws {
        try await withContext(global) { context in
            try await context.withWritableStore { store, client in
                let refresher = DataRefresher(
                    store: store, client: client, clock: SystemClock(), wallClock: context.wallClock)
                let report = try await refresher.run(
                    RefreshOptions(only: only, wait: wait.flatMap(ConnectFlowOptions.duration)))
                report.lines.forEach(context.console.out)
                for entry in report.entries {
                    let event = RefreshEvents.outcome(entry)
                    context.logger.info("\(event.message)", metadata: event.metadata)
                }
                let summary = RefreshEvents.summary(report)
                context.logger.notice("\(summary.message)", metadata: summary.metadata)
                return report.exitStatus
            }
        }
    }
}
