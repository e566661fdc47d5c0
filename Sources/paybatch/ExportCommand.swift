import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch export`: every live connection's directory and payroll for a period, as CSV files,
/// one workbook and run.json.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Fetch, normalize and write the reports of a period for every live connection.",
        discussion: """
            Writes connections.csv, employees.csv, payments.csv, pay_statements.csv, \
            pay_statement_lines.csv, data_quality.csv, paybatch-YYYY-MM.xlsx and run.json into \
            OUT/YYYY-MM/, each file atomically. Every answer from Finch is kept encrypted in the \
            store, so an interrupted export of the same period resumes where it stopped; --fresh \
            starts over. Running it again after a finished run fetches again only connections \
            that synced since, or were not ok; --offline renders the latest run again \
            from the store. Exits 0 when every connection is ok, 3 when some need attention (the \
            reports say which), 75 when one failed for a transient reason (the next run fetches it \
            again). A month that has not ended exits 64 unless --allow-open-period. \
            --refresh-first asks Finch to sync each connection first and waits up to \
            --refresh-wait; a connection still syncing then is exported pending.

            Example:
              paybatch export --period 2026-10 --out out
              paybatch export --period 2026-10 --only cust-042 --formats csv
              paybatch export --period 2026-10 --offline
              paybatch export --period 2026-10 --refresh-first --refresh-wait 15m
              paybatch export --period 2026-10 --include benefits
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The month to export, YYYY-MM.") var period: String
    @Option(help: "The folder that holds the period folders (env PAYBATCH_OUT; default ./out).") var out:
        String?
    @Option(help: "Which files to write: csv, xlsx or both (csv,xlsx).") var formats = "csv,xlsx"
    @Option(parsing: .upToNextOption, help: "Fetch only these customer or connection ids.") var only:
        [String] = []
    @Flag(help: "Ignore an interrupted run of the period and start over.") var fresh = false
    @Flag(help: "Render the period's latest stored run again, without the network.") var offline = false
    @Flag(
        help:
            "Print the plan (connections, calls per bucket, the time the limits imply); fetch and write nothing."
    )
    var dryRun = false
    @Option(help: "excel (UTF-8 BOM, formula guard; default) or rfc (text exactly as it came).")
    var csvProfile: CSVProfile = .excel
    @Option(
        help: """
            A folder of report templates (one JSON file per report, named after it: sheet, columns, \
            header, field, type, format, width) overriding the built-in ones.
            """)
    var templates: String?
    @Flag(help: "Ask Finch for SSNs (never requested otherwise).") var includeSSN = false
    @Option(
        help: """
            Add to the export: benefits (benefits.csv, benefit_enrollments.csv, and each regular \
            paycheck's deductions checked against today's benefit configuration). Default: the \
            config file's include.
            """)
    var include: [ExportInclusion] = []
    @Option(help: "People per directory page (default 5000).") var directoryPageSize = 5000
    @Option(help: "Keep the stored answers of this many latest runs of the period (default 2).")
    var keepRuns = 2
    @Flag(help: "Export a month that has not ended (UTC) yet; the run is marked and never reused.")
    var allowOpenPeriod = false
    @Option(
        help:
            "A change from the previous month's completed run beyond this percentage is a finding (default 30; 12.5 allowed)."
    )
    var changeThreshold = "30"

    @Option(
        help: """
            On a PostgreSQL store, a worker arriving less than this after the period's shared run was \
            published exits with its code and does nothing: 90s, 10m, 1h (default 10m).
            """)
    var joinWindow = "10m"

    @Flag(help: "First ask Finch to sync each connection (as `paybatch refresh` does) and wait for it.")
    var refreshFirst = false
    @Option(help: "With --refresh-first, how long to wait for the syncs: 90s, 10m, 1h (default 10m).")
    var refreshWait = "10m"

    /// `--join-window` (validated).
    var joinWindowDuration: Duration { ConnectFlowOptions.duration(joinWindow) ?? .seconds(600) }

    func validate() throws {
        guard ConnectFlowOptions.duration(joinWindow) != nil else {
            throw ValidationError("--join-window takes a duration such as 90s, 10m or 1h.")
        }
        guard ConnectFlowOptions.duration(refreshWait) != nil else {
            throw ValidationError("--refresh-wait takes a duration such as 90s, 10m or 1h.")
        }
        guard !refreshFirst || (!offline && !dryRun) else {
            throw ValidationError("--refresh-first asks Finch to sync: it takes no --offline or --dry-run")
        }
        guard Period(period) != nil else {
            throw ValidationError("--period must be YYYY-MM, such as 2026-10")
        }
        let parts = Set(formats.split(separator: ",").map(String.init))
        guard !parts.isEmpty, parts.isSubset(of: ["csv", "xlsx"]) else {
            throw ValidationError("--formats takes csv, xlsx or csv,xlsx")
        }
        guard (1...5000).contains(directoryPageSize) else {
            throw ValidationError("--directory-page-size must be between 1 and 5000")
        }
        guard keepRuns >= 1 else { throw ValidationError("--keep-runs must be at least 1") }
        guard let threshold = Cents(decimal: changeThreshold), threshold.value >= 0 else {
            throw ValidationError("--change-threshold takes a percentage such as 30 or 12.5")
        }
        guard !offline || (only.isEmpty && !fresh && !dryRun) else {
            throw ValidationError(
                "--offline renders what is stored: it takes no --only, --fresh or --dry-run")
        }
    }

    func run() async throws {
        try await withContext(global) { context in
            var options = ExportOptions(
                period: Period(period)!,
                outputRoot: out ?? context.environment["PAYBATCH_OUT"] ?? context.settings.outputFolder,
                outputMode: context.settings.outputMode)
            let parts = Set(formats.split(separator: ",").map(String.init))
            options.writeCSV = parts.contains("csv")
            options.writeXLSX = parts.contains("xlsx")
            options.only = only
            options.fresh = fresh
            options.offline = offline
            options.csvProfile = csvProfile
            options.templatesFolder = templates
            options.includeSSN = includeSSN
            options.includeBenefits = (include.isEmpty ? context.settings.include : Set(include))
                .contains(.benefits)
            options.keepRuns = keepRuns
            options.allowOpenPeriod = allowOpenPeriod
            // A percentage with two decimals is a whole number of basis points, as Cents are of a unit.
            options.changeThresholdBasisPoints = Cents(decimal: changeThreshold)!.value
            try options.requireEndedPeriod(now: context.wallClock.now())
            options.limits = FinchBatchLimits(directoryPageSize: directoryPageSize)
            if dryRun {
                return try await context.withStore { store in
                    context.console.out(
                        try await plan(
                            RunStore(store: store), period: options.period,
                            includeBenefits: options.includeBenefits, context: context
                        ).text)
                    return .ok
                }
            }
            // Shared: on PostgreSQL, the workers of one export run together (issue 22).
            return try await context.withStore(lock: .shared) { opened in
                if refreshFirst {
                    let refreshed = try await refreshBeforeExport(opened, context)
                    options.syncing = refreshed.stillSyncing
                    options.refreshJobs = refreshed.entries.map(\.job)
                }
                let store = RunStore(store: opened)
                let exportPlan = try await plan(
                    store, period: options.period, includeBenefits: options.includeBenefits, context: context)
                // SPEC §3: the run's retry budget is 50 plus 20 % of the calls it plans.
                let planned = exportPlan.totals.values.reduce(0, +)
                // On PostgreSQL, every worker of the store shares the run and one rate budget.
                let shared = opened as? PostgresStore
                let budget: (any RateBudget)? =
                    offline
                    ? nil
                    : try await shared?.rateBudget(
                        configuration: context.settings.rateLimits, clock: SystemClock())
                var runner = ExportRunner(
                    options: options, store: store,
                    makeClient: { cache, observer in
                        context.finchClient(
                            observer: observer, plannedCalls: planned, cache: cache, budget: budget)
                    },
                    wallClock: context.wallClock, logger: context.logger)
                if !offline, let shared {
                    runner.coordinator = try await shared.runCoordinator()
                    runner.joinWindow = joinWindowDuration
                }
                runner.progress = context.console.progress(
                    "connections fetched", remaining: RemainingTime(plan: exportPlan))
                runner.runStarted = { context.logContext["run_id"] = .string($0) }
                let result: ExportResult
                do {
                    result = try await runner.run()
                } catch {
                    context.console.endProgress()
                    try await stopped(by: error, store: store, context: context)
                }
                context.console.out(ExportSummary(result).text)
                context.logger.notice(
                    "\(ExportSummaryEvent.message)", metadata: ExportSummaryEvent.metadata(result))
                return result.exitStatus
            }
        }
    }

    /// Prints the failure that stopped the run, then the run's summary event, so that the last
    /// line of every export is its summary; ends the command with the failure's exit code.
    private func stopped(by error: any Error, store: RunStore, context: CommandContext) async throws -> Never
    {
        let interrupted = Task.isCancelled || error is CancellationError
        guard let code = FailureReport.report(error, on: context.console) else { throw error }
        var tally: CallTally?
        if case .string(let runID) = context.logContext["run_id"] {
            tally = try? await store.loggedTally(runID: runID)
        }
        context.logger.notice(
            "\(ExportSummaryEvent.message)",
            metadata: ExportSummaryEvent.metadata(
                exitCode: code, status: interrupted ? "interrupted" : "failed", tally: tally))
        throw ExitCode(code)
    }

    /// `--refresh-first`: a forced sync of the connections the export fetches, followed up to
    /// `--refresh-wait`; returns those whose job still runs (the export makes them `pending`).
    private func refreshBeforeExport(
        _ store: any PaybatchStore, _ context: CommandContext
    ) async throws -> RefreshReport {
        let report = try await context.withLoggedClient(store) { client in
            try await DataRefresher(
                store: store, client: client, clock: SystemClock(), wallClock: context.wallClock
            )
            .run(RefreshOptions(only: only, wait: ConnectFlowOptions.duration(refreshWait)))
        }
        report.lines.forEach(context.console.out)
        return report
    }

    /// The calls an export of `period` plans (the last stored counts, else one per bucket).
    private func plan(
        _ store: RunStore, period: Period, includeBenefits: Bool, context: CommandContext
    ) async throws -> ExportPlan {
        let connections = try await store.exportableConnections().map(\.record).filter {
            only.isEmpty || only.contains($0.connectionID.rawValue) || only.contains($0.customerID.rawValue)
        }
        return ExportPlan(
            period: period, connections: connections,
            storedCounts: try await store.latestCallCounts(period: period),
            limits: context.settings.rateLimits, includeBenefits: includeBenefits)
    }
}

extension CSVProfile: ExpressibleByArgument {}
extension ExportInclusion: ExpressibleByArgument {}

/// The few lines `export` prints on stdout: where the files are and what needs attention.
struct ExportSummary {
    let result: ExportResult
    init(_ result: ExportResult) { self.result = result }

    var text: String {
        if result.renderedElsewhere {
            return
                "Run \(result.runID) of the export was rendered by another worker into \(result.folder)/; it ended with exit \(result.exitStatus.rawValue)."
        }
        var lines = ["Wrote \(result.files.count) files to \(result.folder)/ (run \(result.runID))."]
        lines.append("Connections: \(result.statusLine).")
        lines.append("Totals: \(result.totalsLine).")
        for outcome in result.outcomes where outcome.status != .ok {
            lines.append(
                "  \(outcome.identity.connectionID)\(outcome.entity.map { " entity \($0.id)" } ?? "")"
                    + " (\(outcome.identity.customerID)): \(outcome.status.rawValue)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
