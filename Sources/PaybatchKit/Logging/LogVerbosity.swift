import Logging

/// Which log lines reach stderr (SPEC §1's `--quiet` and `--verbose`). Cron mails every line a
/// job prints, so text written where nobody watches (stderr not a terminal) keeps only warnings,
/// errors and the run's summary (a notice); `--verbose` brings the rest back. JSON lines are
/// read by programs, which filter for themselves: they keep every event from info up.
public struct LogVerbosity: Sendable, Equatable {
    public var quiet: Bool
    public var verbose: Bool
    public var format: LogFormat
    public var stderrIsTerminal: Bool

    public init(quiet: Bool, verbose: Bool, format: LogFormat, stderrIsTerminal: Bool) {
        self.quiet = quiet
        self.verbose = verbose
        self.format = format
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// The lowest level written.
    public var level: Logger.Level {
        if quiet { return .error }
        if verbose { return .debug }
        if format == .text && !stderrIsTerminal { return .notice }
        return .info
    }
}
