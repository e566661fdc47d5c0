import Foundation

/// A child left running while a test talks to it (a sandbox serving, `connect` waiting for its
/// browser): started and waited for on a thread of its own, which keeps the thread that
/// `ParentDeathSignal` ties the child to alive exactly as long as the child.
public final class BackgroundProcess: Sendable {
    private let process: Process
    private let exit: Task<Int32, Never>

    private init(process: Process, exit: Task<Int32, Never>) {
        self.process = process
        self.exit = exit
    }

    /// Starts `process`, configured but not started, tied to this test process with SIGKILL.
    public static func start(_ process: Process) async throws -> BackgroundProcess {
        ParentDeathSignal.arm(process)
        let (exits, exited) = AsyncStream<Int32>.makeStream()
        try await withCheckedThrowingContinuation { (started: CheckedContinuation<Void, any Error>) in
            Thread {
                do { try process.run() } catch {
                    started.resume(throwing: error)
                    return
                }
                started.resume()
                process.waitUntilExit()
                exited.yield(process.terminationStatus)
                exited.finish()
            }.start()
        }
        let exit = Task { await exits.first { _ in true } ?? -1 }
        return BackgroundProcess(process: process, exit: exit)
    }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// Sends it SIGTERM, unless it has exited (its pid may be another process's by now).
    public func terminate() { if process.isRunning { process.terminate() } }

    /// Its exit status, once it has exited.
    public func exitCode() async -> Int32 { await exit.value }
}
