import ArgumentParser
import Foundation
import PaybatchKit

/// Runs a command's body and turns what it throws into SPEC §2's exit codes: a
/// `PaybatchFailure` prints its message and remedy; anything unexpected is a bug (70). Whatever
/// a command stopped by a signal throws (`SignalInterruption` cancels it) is its interruption.
/// With `--log-format json` the failure is one JSON line like every other line on stderr.
func reportingFailures(_ console: Console = Console(), _ body: () async throws -> ExitStatus) async throws {
    let status: ExitStatus
    do {
        status = try await body()
    } catch {
        // A progress line the failure cut short stays above the failure's message.
        console.endProgress()
        guard let code = FailureReport.report(error, on: console) else { throw error }
        throw ExitCode(code)
    }
    if status != .ok { throw ExitCode(status.rawValue) }
}

/// Builds the command's context and runs `body` with it, reporting failures of either.
func withContext(_ global: GlobalOptions, _ body: (CommandContext) async throws -> ExitStatus) async throws {
    let console = Console(format: global.logFormat.format)
    try await reportingFailures(console) { try await body(try CommandContext.make(global, console: console)) }
}

/// What a failure says to the person (or the log reader) and the exit code it ends with.
enum FailureReport {
    /// Prints `error`'s message and remedy and returns its exit code; nil for what
    /// ArgumentParser reports itself (a usage error, an exit code already decided and printed).
    static func report(_ error: any Error, on console: Console) -> Int32? {
        switch error {
        case is ExitCode, is ValidationError:
            return nil
        case _ where Task.isCancelled, is CancellationError:
            let code = ExitStatus.temporary.rawValue
            console.failure("interrupted; run the same command again to resume.", remedy: nil, exitCode: code)
            return code
        case let failure as any PaybatchFailure:
            console.failure(failure.message, remedy: failure.remedy, exitCode: failure.exitStatus.rawValue)
            return failure.exitStatus.rawValue
        default:
            let code = ExitStatus.software.rawValue
            console.failure(
                "internal error: \(SecretScrubber.scrub(String(describing: error)))",
                remedy: "This is a bug in paybatch; please report it with the command you ran.",
                exitCode: code)
            return code
        }
    }
}
