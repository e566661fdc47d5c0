import Foundation
import PaybatchKit

/// The process's stdout and stderr, unbuffered, and the whole of its stdin.
struct StandardStreams: ConsoleWriter {
    // A closed pipe must not crash the command mid-run: the write fails quietly, and the SIGPIPE
    // it raises interrupts the run cleanly (`SignalInterruption`).
    func writeOutput(_ text: String) { try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) }
    func writeError(_ text: String) { try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) }

    /// Standard input to its end (a piped secret or token). `DescriptorReader`, not Foundation's
    /// `readDataToEndOfFile()`, whose `try!` crashes the command when a signal interrupts the read.
    static func readInput() throws(RunStop) -> Data {
        do {
            return try DescriptorReader.readToEnd(FileHandle.standardInput)
        } catch {
            throw RunStop(
                .usage, "Cannot read standard input: \(error.reason).",
                remedy: "Pipe the value in from a file or another command.")
        }
    }
}
