import ArgumentParser
import PaybatchKit

/// The `paybatch` command line: parses flags, builds the live environment, prints, exits.
/// Only commands that work end to end are registered here.
@main
struct Paybatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paybatch",
        abstract: "Export Finch payroll and HR data for every connection, and reconcile Finch's invoice.",
        discussion: """
            paybatch reads a roster of Finch access tokens, fetches directory and payroll data \
            through Finch's batch endpoints within its rate limits, and writes CSV and XLSX reports.
            """,
        version: PaybatchVersion.current,
        subcommands: [
            DemoCommand.self, ExportCommand.self, ReconcileCommand.self, KeysCommand.self, RosterCommand.self,
            ConfigCommand.self, ConnectCommand.self, ReauthCommand.self, StatusCommand.self,
            DoctorCommand.self,
            BackupCommand.self, SandboxCommand.self,
        ]
    )

    static func main() async {
        AllocatorTuning.apply()
        let arguments = GlobalOptionHoisting.hoist(Array(CommandLine.arguments.dropFirst()))
        // The sandbox is meant to be stopped by a signal, and handles its own.
        guard arguments.first != SandboxCommand.configuration.commandName else {
            return await main(arguments)
        }
        let command = Task { await main(arguments) }
        let interruption = SignalInterruption.install { command.cancel() }
        await command.value
        interruption.cancel()
    }
}
