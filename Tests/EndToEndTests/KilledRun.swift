import Foundation
import PaybatchTestSupport

/// The built binary started in the background and killed with SIGKILL — no chance to clean up —
/// the moment a condition holds, as a power cut or an OOM killer would.
enum KilledRun {
    /// How one started run ended.
    enum Ending: Equatable {
        case killed
        case exited(Int32)
    }

    /// Runs `paybatch arguments` in `work`'s folder and environment and kills it once `when`
    /// returns true (polled every millisecond on a Dispatch thread, so the in-process sandbox
    /// keeps its cooperative threads); returns how it ended. `signal` SIGTERM or SIGINT lets it
    /// stop as a user's Ctrl-C or a service manager would; its stderr goes to `stderr` if given.
    static func run(
        _ arguments: [String], in work: RosterWorkspace, extra: [String: String] = [:],
        signal: Int32 = SIGKILL, stderr: String? = nil,
        when condition: @escaping @Sendable (_ elapsed: Duration) -> Bool
    ) async throws -> Ending {
        let process = Process()
        process.executableURL = PaybatchBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(work.environment) { $1 }
            .merging(extra) { $1 }
        process.currentDirectoryURL = work.folder
        process.standardOutput = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        process.standardInput = FileHandle.nullDevice
        // Started by the polling thread, which lives until the child has exited: the parent that
        // the death signal watches.
        ParentDeathSignal.arm(process)
        let box = UncheckedProcess(process)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do { try box.process.run() } catch {
                    continuation.resume(throwing: error)
                    return
                }
                let clock = ContinuousClock()
                let start = clock.now
                while box.process.isRunning {
                    if condition(clock.now - start) {
                        kill(box.process.processIdentifier, signal)
                        box.process.waitUntilExit()
                        let ending: Ending =
                            box.process.terminationReason == .uncaughtSignal
                            ? .killed : .exited(box.process.terminationStatus)
                        continuation.resume(returning: ending)
                        return
                    }
                    usleep(1000)
                }
                box.process.waitUntilExit()
                continuation.resume(returning: .exited(box.process.terminationStatus))
            }
        }
    }
}

/// `Process` is not Sendable; only the polling thread touches it once configured.
private struct UncheckedProcess: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}
