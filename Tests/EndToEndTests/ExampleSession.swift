import Foundation
import PaybatchTestSupport

/// Runs README commands in one bash session, as a reader pasting them into a terminal would: in an
/// empty folder, `paybatch` on PATH as the built binary, and no PAYBATCH_* or FINCH_* variable of
/// this process's environment. It records each command's exit status; background jobs the
/// commands start (the sandbox) are stopped when the session ends.
final class ExampleSession {
    let root: URL
    let commands: [ShellExamples.Command]
    var folder: URL { root.appendingPathComponent("work") }
    var statusFile: URL { root.appendingPathComponent("statuses") }
    var outputFile: URL { root.appendingPathComponent("output.txt") }

    init(commands: [ShellExamples.Command]) throws {
        self.commands = commands
        root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "paybatch-readme-\(UUID().uuidString)")
        let bin = root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: bin.appendingPathComponent("paybatch"), withDestinationURL: PaybatchBinary.url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The script: each command as written, then its status appended to `statusFile`; a marker
    /// line before each (both outputs go to one file), so the transcript shows who printed what.
    var script: String {
        var lines = [
            "cd \(quoted(folder.path))",
            // Ends the sandboxes the examples start in the background, and waits for them.
            "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT",
            "trap 'exit 143' TERM",
        ]
        for (number, command) in commands.enumerated() {
            lines.append("echo '### command \(number + 1) (README.md:\(command.line))'")
            lines.append(command.text)
            lines.append("echo $? >> \(quoted(statusFile.path))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the script (at most 10 minutes) and returns the exit status of each command that ran.
    func execute() async throws -> [Int32] {
        let scriptFile = root.appendingPathComponent("examples.sh")
        try Data(script.utf8).write(to: scriptFile)
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["timeout", "-k", "10", "600", "bash", scriptFile.path]
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("PAYBATCH_") && !$0.key.hasPrefix("FINCH_")
        }
        let bin = root.appendingPathComponent("bin").path
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        // If this test process dies, `timeout` gets SIGTERM and passes it to the whole session
        // (its process group): the bash trap then ends the sandboxes the examples started.
        ParentDeathSignal.arm(process, signal: "TERM")
        let child = process
        try await awaitBlocking {
            try child.run()
            child.waitUntilExit()
        }
        let statuses = (try? String(contentsOf: statusFile, encoding: .utf8)) ?? ""
        return statuses.split(separator: "\n").compactMap { Int32($0) }
    }

    /// Everything the commands printed, for a failure message.
    func transcript() -> String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "(no output)"
    }

    private func quoted(_ path: String) -> String {
        "'" + path.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
