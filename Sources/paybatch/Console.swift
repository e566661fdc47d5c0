import Foundation
import Logging
import PaybatchKit

/// Standard output for results, standard error for everything else, unbuffered. In the json log
/// format every line it writes on stderr is one JSON object. Every line goes through one
/// `ConsoleOutput`, which clears the progress line before it and draws it again after.
struct Console: Sendable {
    var format: LogFormat = .text
    /// The command's log context: a failure printed here carries its metadata (`run_id`) too.
    let context = LogContext()
    let output: ConsoleOutput

    init(
        format: LogFormat = .text, writer: any ConsoleWriter = StandardStreams(),
        stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1
    ) {
        self.format = format
        output = ConsoleOutput(writer: writer, stderrIsTerminal: stderrIsTerminal)
    }

    func out(_ line: String) { output.outputLine(line) }
    /// One line on stderr, as given (a log line already formatted).
    func error(_ line: String) { output.errorLine(line) }
    var stderrIsTerminal: Bool { output.stderrIsTerminal }

    /// A failure that ends the command: `paybatch: message` and its remedy indented below in
    /// text; one error event with `remedy` and `exit_code` fields in json.
    func failure(_ message: String, remedy: String?, exitCode: Int32) {
        switch format {
        case .text:
            error("paybatch: \(message)")
            if let remedy { error("  \(remedy)") }
        case .json:
            var metadata = context.metadata
            metadata["exit_code"] = .stringConvertible(Int(exitCode))
            if let remedy { metadata["remedy"] = .string(remedy) }
            error(
                PaybatchLogHandler.line(
                    format: .json, time: Date(), level: .error, message: message, metadata: metadata))
        }
    }

    /// A message for a person watching (`Waiting for the redirect…`): as is in text, a notice
    /// event in json.
    func notice(_ message: String) {
        switch format {
        case .text: error(message)
        case .json:
            error(
                PaybatchLogHandler.line(
                    format: .json, time: Date(), level: .notice, message: message, metadata: context.metadata)
            )
        }
    }

    /// A `label done/total` counter redrawn in place on stderr, with the time left when
    /// `remaining` estimates it; nil when stderr is not a terminal (SPEC §1: progress only on a
    /// terminal) or the log format is json (every line JSON). Elapsed time counts from this call.
    func progress(_ label: String, remaining: RemainingTime? = nil) -> (@Sendable (Int, Int) -> Void)? {
        guard stderrIsTerminal, format == .text else { return nil }
        let (output, started) = (output, ContinuousClock.now)
        return { done, total in
            let elapsed = ContinuousClock.now - started
            let seconds = remaining?.seconds(
                elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                done: done, total: total)
            output.progress(ProgressLine(label: label, done: done, total: total, remainingSeconds: seconds))
        }
    }

    /// Ends a progress line the command left short of its total, so what follows starts below it.
    func endProgress() { output.endProgress() }
}
