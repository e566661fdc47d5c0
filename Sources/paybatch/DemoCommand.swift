import ArgumentParser
import FinchSandbox
import Foundation
import Logging
import PaybatchKit

/// `paybatch demo`: the whole product on the built-in sandbox, with nothing to configure.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run paybatch end to end on the built-in sandbox and show where the reports are.",
        discussion: """
            Starts the sandbox in this process on a free loopback port, creates a temporary key and \
            store, imports the sandbox's roster, exports the last complete month of the sandbox's \
            clock and reconciles the sandbox's sample invoice. Needs no network, no configuration \
            and no input; PAYBATCH_*, FINCH_* and paybatch.toml are ignored. The temporary key and \
            store are deleted at the end; the reports stay in --out.

            Example:
              paybatch demo
              paybatch demo --out /tmp/paybatch-demo --companies 40
            """)

    @Option(help: "Where the reports go (default ./paybatch-demo).") var out = "paybatch-demo"
    @Option(help: "Companies the sandbox generates (8 or more show every scenario).") var companies = 12
    @Option(help: "The sandbox's seed.") var seed: UInt64 = 1

    func validate() throws {
        guard companies >= 1 else { throw ValidationError("--companies must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let sandbox = SandboxServer(
                options: SandboxOptions(seed: seed, companies: companies, environment: [:]))
            _ = try await sandbox.start(port: 0)
            let work = FileManager.default.temporaryDirectory.appendingPathComponent(
                "paybatch-demo-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: work) }
            do {
                let status = try await DemoRun(sandbox: sandbox, work: work, out: out).run()
                await sandbox.stop()
                return status
            } catch {
                await sandbox.stop()
                throw error
            }
        }
    }
}

/// The demo's steps, in a scratch folder of its own.
struct DemoRun {
    let sandbox: SandboxServer
    let work: URL
    let out: String

    func run() async throws -> ExitStatus {
        try FileManager.default.createDirectory(
            at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let keyPath = work.appendingPathComponent("paybatch.key").path
        _ = try KeyFile.create(at: keyPath)
        let environment = [
            "PAYBATCH_KEY_FILE": keyPath, "FINCH_BASE_URL": sandbox.baseURL.absoluteString,
            "FINCH_CLIENT_ID": sandbox.engine.options.clientID,
        ]
        let settings = try SettingsResolver(
            flags: ["db": work.appendingPathComponent("paybatch.sqlite").path, "rate_scale": "0"],
            environment: environment
        ).resolve { _ in nil }
        let console = Console()
        let context = CommandContext(
            settings: settings, environment: environment,
            logger: Logger(label: "paybatch") { _ in SwiftLogNoOpLogHandler() }, console: console,
            logContext: console.context, startedAt: Date())
        let world = sandbox.world
        let period = Period(world.lastCompletePeriod)!

        let roster = try RosterFileReader.read(data: Data(world.rosterCSV().utf8), name: "sandbox-roster.csv")
        let imported = try await context.withWritableStore(creatingStore: true) { store, client in
            try await RosterImporter(store: store, introspector: TokenIntrospector(client: client)).run(
                roster
            ).exitStatus
        }
        var options = ExportOptions(period: period, outputRoot: out, outputMode: settings.outputMode)
        options.keepRuns = 1
        let exported = try await context.withStore { store in
            try await ExportRunner(
                options: options, store: RunStore(store: store),
                makeClient: { cache, observer in context.finchClient(observer: observer, cache: cache) },
                wallClock: SystemWallClock(), logger: context.logger
            ).run()
        }

        let invoicePath = work.appendingPathComponent("invoice-\(period).csv").path
        let connectionsPath = work.appendingPathComponent("connections.csv").path
        try Data((world.invoiceCSV(period: period.description) ?? "").utf8).write(
            to: URL(fileURLWithPath: invoicePath))
        try Data(world.connectionsCSV().utf8).write(to: URL(fileURLWithPath: connectionsPath))
        let reconciled = try await ReconcileJob(
            period: period, invoicePath: invoicePath, connectionsPath: connectionsPath, unitPrice: nil,
            tolerance: Cents(1), outputRoot: out, outputMode: settings.outputMode,
            writer: ReconciliationWriter(csvProfile: .excel), invoiceProfile: .embedded,
            connectionsProfile: .embedded
        ).run {
            try await context.withStore(mode: .readOnly, keys: .keyless) { store in
                let connections = try await RosterConnection.all(in: store)
                return (connections, RosterSource(path: "the demo's roster", connections: connections.count))
            }
        }
        DemoTable(period: period, imported: imported, export: exported, reconciliation: reconciled).lines
            .forEach(console.out)
        return .ok
    }
}

/// The short table the demo ends with.
struct DemoTable {
    let period: Period
    let imported: ExitStatus
    let export: ExportResult
    let reconciliation: ReconcileJob.Outcome

    var lines: [String] {
        var lines = ["paybatch demo — the built-in sandbox, period \(period)", ""]
        // A multi-entity connection counts once, as bad as its worst entity.
        let byStatus = Dictionary(grouping: ConnectionOutcome.connectionStatuses(export.outcomes), by: { $0 })
        lines.append("Export (exit \(export.exitStatus.rawValue)):")
        for status in ExportStatus.allCases {
            guard let group = byStatus[status] else { continue }
            lines.append(
                "  \(status.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(Wording.count(group.count, "connection"))"
            )
        }
        lines.append("  \(export.totalsLine)")
        lines.append("")
        lines.append("Reconciliation (exit \(reconciliation.reconciliation.exitStatus.rawValue)):")
        lines += ReconcileReport.lines(reconciliation).dropLast().map { "  " + $0 }
        lines.append("")
        lines.append("Files:")
        lines.append("  \(export.folder)/paybatch-\(period).xlsx   (open this first: its Summary sheet)")
        lines.append(
            "  \(export.folder)/ — connections, employees, payments, pay statements, lines, data quality (CSV), run.json"
        )
        lines.append(
            "  \(reconciliation.folder)/reconciliation-\(period).xlsx, reconciliation.csv, reconciliation.json"
        )
        return lines
    }
}
