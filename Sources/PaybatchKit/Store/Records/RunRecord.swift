import Foundation

/// One invocation of a period command (`export`, `reconcile`), its outcome and its options.
public struct RunRecord: Sendable, Equatable {
    /// `running` until finished; then SPEC §2's `complete`, `partial` or `failed`.
    public struct Status: StringIdentifier {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public static let running: Status = "running"
        public static let complete: Status = "complete"
        public static let partial: Status = "partial"
        public static let failed: Status = "failed"
        /// Never stored: what `status` shows for a run still `running` whose process is gone
        /// (a signal, a crash); the next run of its command and period resumes it.
        public static let interrupted: Status = "interrupted"
    }

    public var runID: String
    public var period: Period
    public var command: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var exitCode: Int32?
    /// The options as JSON text: an export's `--only` and the shape of its requests (`ExportRunOptions`).
    public var options: String

    /// Whether the run began after its period ended (SPEC §2). A run made while the month was
    /// still in progress is never reused nor resumed once the month is over: its answers may lack
    /// the month's last payments.
    public var periodComplete: Bool { startedAt >= period.endInstant }

    public init(
        runID: String, period: Period, command: String, startedAt: Date, finishedAt: Date? = nil,
        status: Status = .running, exitCode: Int32? = nil, options: String = "{}"
    ) {
        self.runID = runID
        self.period = period
        self.command = command
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.exitCode = exitCode
        self.options = options
    }
}
