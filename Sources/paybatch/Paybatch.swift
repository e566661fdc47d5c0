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
            DemoCommand.self, ExportCommand.self, RefreshCommand.self, ReconcileCommand.self,
            KeysCommand.self,
            RosterCommand.self,
            ConfigCommand.self, ConnectCommand.self, ReauthCommand.self, StatusCommand.self,
            DoctorCommand.self,
            BackupCommand.self, StoreCommand.self, SandboxCommand.self,
        ]
    )

    static func main() async {
        AllocatorTuning.apply()
        // Before any command can write a workbook: decides the zip level its parts get.
        _ = WorkbookZipLevel.check
        let arguments = GlobalOptionHoisting.hoist(Array(CommandLine.arguments.dropFirst()))
        // The sandbox is meant to be stopped by a signal, and handles its own.
        guard arguments.first != SandboxCommand.configuration.commandName else {
            return await parseAndRun(arguments)
        }
        let command = Task { await parseAndRun(arguments) }
        let interruption = SignalInterruption.install { command.cancel() }
        await command.value
        interruption.cancel()
    }

    /// ArgumentParser's own `main`, except that with `--log-format json` a usage error is one
    /// JSON line on stderr like every other line (help and `--version` still go to stdout).
    static func parseAndRun(_ arguments: [String]) async {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code != .success, LogFormatOption.requested(in: arguments) == .json {
                let message = fullMessage(for: error)
                if !message.isEmpty {
                    var console = Console()
                    console.format = .json
                    console.failure(message, remedy: nil, exitCode: code.rawValue)
                }
                exit(withError: ExitCode(code.rawValue))
            }
            exit(withError: error)
        }
    }
}
