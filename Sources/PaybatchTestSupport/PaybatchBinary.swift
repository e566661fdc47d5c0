import Foundation

/// Runs the built `paybatch` executable as a user would, for end-to-end tests.
public enum PaybatchBinary {
    /// What one invocation printed and how it exited.
    public struct Result: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable next to the test bundle in the build folder.
    public static var url: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("paybatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return RepoPaths.root.appendingPathComponent(".build/debug/paybatch")
    }

    /// Runs `paybatch` with `arguments`, an environment and optional standard input; waits for it.
    /// `clearing` names variables of this process's environment the child must not see.
    /// The waiting happens off the cooperative pool (see `awaitBlocking`).
    public static func run(
        _ arguments: [String], environment: [String: String] = [:], clearing: [String] = [],
        stdin: Data? = nil,
        currentDirectory: URL? = nil
    ) async throws -> Result {
        try await awaitBlocking {
            try runBlocking(
                arguments, environment: environment, clearing: clearing, stdin: stdin,
                currentDirectory: currentDirectory)
        }
    }

    private static func runBlocking(
        _ arguments: [String], environment: [String: String], clearing: [String], stdin: Data?,
        currentDirectory: URL?
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in clearing { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        // This thread waits for the child's exit, so it may be the parent the signal watches.
        ParentDeathSignal.arm(process)
        let run = try CapturedRun.run(process, stdin: stdin ?? Data())
        return Result(exitCode: run.exitCode, stdout: run.output, stderr: run.errors)
    }
}
