/// What to write on stderr so that one progress line stays at the bottom of a terminal, under
/// the log lines: before any other text the line is cleared, after it the line is drawn again.
/// Pure; `ConsoleOutput` runs it under its lock and writes what it returns.
public struct ProgressLineStateMachine: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        /// stderr is not a terminal (cron, a pipe, a file): no progress line, text goes out as is.
        case notTerminal
        /// No progress line on screen.
        case idle
        /// This line is on the terminal's last line, the cursor after it.
        case shown(ProgressLine)
    }

    /// Carriage return, then erase-line (ECMA-48 EL, whole line): the cursor at the start of an
    /// empty line, whatever the line held (a shorter text must not leave the tail of a longer one).
    public static let clearLine = "\r\u{1B}[2K"

    public private(set) var state: State

    public init(stderrIsTerminal: Bool) { state = stderrIsTerminal ? .idle : .notTerminal }

    /// Draws `line` over the one shown. The final line ends with a newline and stays above
    /// whatever follows it.
    public mutating func draw(_ line: ProgressLine) -> String {
        switch state {
        case .notTerminal:
            return ""
        case .idle, .shown:
            guard !line.isFinal else {
                state = .idle
                return Self.clearLine + line.text + "\n"
            }
            state = .shown(line)
            return Self.clearLine + line.text
        }
    }

    /// What goes around other text written while a line is shown: the clearing before it and
    /// the same line drawn again after it; both empty when no line is shown.
    public func around() -> (before: String, after: String) {
        guard case .shown(let line) = state else { return ("", "") }
        return (Self.clearLine, line.text)
    }

    /// Ends a line that never reached its total (the command stopped): it stays on screen with
    /// its count, without an estimate that no longer holds, and what follows goes below it.
    public mutating func end() -> String {
        guard case .shown(var line) = state else { return "" }
        state = .idle
        line.remainingSeconds = nil
        return Self.clearLine + line.text + "\n"
    }
}
