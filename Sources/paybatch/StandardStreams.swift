import Foundation
import PaybatchKit

/// The process's stdout and stderr, unbuffered.
struct StandardStreams: ConsoleWriter {
    // A closed pipe must not crash the command mid-run: the write fails quietly, and the SIGPIPE
    // it raises interrupts the run cleanly (`SignalInterruption`).
    func writeOutput(_ text: String) { try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) }
    func writeError(_ text: String) { try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) }
}
