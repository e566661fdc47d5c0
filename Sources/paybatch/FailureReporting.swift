import ArgumentParser
import Foundation
import PaybatchKit

/// Runs a command's body and turns what it throws into SPEC §2's exit codes: a
/// `PaybatchFailure` prints its message and remedy; anything unexpected is a bug (70). Whatever
/// a command stopped by a signal throws (`SignalInterruption` cancels it) is its interruption.
func reportingFailures(_ console: Console = Console(), _ body: () async throws -> ExitStatus) async throws {
    let status: ExitStatus
    do {
        status = try await body()
    } catch  where Task.isCancelled {
        console.error("paybatch: interrupted; run the same command again to resume.")
        throw ExitCode(ExitStatus.temporary.rawValue)
    } catch let failure as any PaybatchFailure {
        console.error("paybatch: \(failure.message)")
        if let remedy = failure.remedy { console.error("  \(remedy)") }
        throw ExitCode(failure.exitStatus.rawValue)
    } catch is CancellationError {
        console.error("paybatch: interrupted; run the same command again to resume.")
        throw ExitCode(ExitStatus.temporary.rawValue)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        console.error("paybatch: internal error: \(SecretScrubber.scrub(String(describing: error)))")
        console.error("  This is a bug in paybatch; please report it with the command you ran.")
        throw ExitCode(ExitStatus.software.rawValue)
    }
    if status != .ok { throw ExitCode(status.rawValue) }
}

/// Builds the command's context and runs `body` with it, reporting failures of either.
func withContext(_ global: GlobalOptions, _ body: (CommandContext) async throws -> ExitStatus) async throws {
    try await reportingFailures { try await body(try CommandContext.make(global)) }
}
