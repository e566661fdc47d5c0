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
    /// keeps its cooperative threads); returns how it ended.
    static func run(
        _ arguments: [String], in work: RosterWorkspace, extra: [String: String] = [:],
        when condition: @escaping @Sendable (_ elapsed: Duration) -> Bool
    ) async throws -> Ending {
        let process = Process()
        process.executableURL = PaybatchBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(work.environment) { $1 }
            .merging(extra) { $1 }
        process.currentDirectoryURL = work.folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let box = UncheckedProcess(process)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let clock = ContinuousClock()
                let start = clock.now
                while box.process.isRunning {
                    if condition(clock.now - start) {
                        kill(box.process.processIdentifier, SIGKILL)
                        box.process.waitUntilExit()
                        continuation.resume(returning: .killed)
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

/// `Process` is not Sendable; only the polling thread touches it after launch.
private struct UncheckedProcess: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}
