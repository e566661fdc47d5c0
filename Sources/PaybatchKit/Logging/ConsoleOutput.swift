import Foundation

/// The one owner of what the command line writes on its terminal: lines on stdout and stderr,
/// and the progress line, which every other line clears first and draws again after, so a log
/// line printed while it is shown never lands in the middle of it. One per command.
///
/// `@unchecked Sendable`, and safe: the only mutable state, `machine`, is read and changed under
/// `lock` alone, and every use of `writer` happens under it too, so two lines never interleave
/// with a redraw; the other properties are `let`s. An `NSLock`, not `Synchronization.Mutex`: the
/// log lines of every thread contend for it, and the thread sanitizer cannot see a contended
/// `Mutex` handed over in the kernel (FinchSandbox's `Locked`).
public final class ConsoleOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var machine: ProgressLineStateMachine
    private let writer: any ConsoleWriter
    public let stderrIsTerminal: Bool

    public init(writer: any ConsoleWriter, stderrIsTerminal: Bool) {
        self.writer = writer
        self.stderrIsTerminal = stderrIsTerminal
        machine = ProgressLineStateMachine(stderrIsTerminal: stderrIsTerminal)
    }

    /// One line on stderr (a log line, a failure, a notice), under the progress line's redraw.
    public func errorLine(_ line: String) {
        lock.withLock {
            let (before, after) = machine.around()
            writer.writeError(before + line + "\n" + after)
        }
    }

    /// One line on stdout. The progress line is cleared around it too, since stdout is most
    /// often the same terminal.
    public func outputLine(_ line: String) {
        lock.withLock {
            let (before, after) = machine.around()
            if !before.isEmpty { writer.writeError(before) }
            writer.writeOutput(line + "\n")
            if !after.isEmpty { writer.writeError(after) }
        }
    }

    /// Draws the progress line in place; nothing where stderr is not a terminal.
    public func progress(_ line: ProgressLine) {
        lock.withLock {
            let text = machine.draw(line)
            if !text.isEmpty { writer.writeError(text) }
        }
    }

    /// Leaves a progress line that did not reach its total on screen, ended by a newline.
    public func endProgress() {
        lock.withLock {
            let text = machine.end()
            if !text.isEmpty { writer.writeError(text) }
        }
    }
}
