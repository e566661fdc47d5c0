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
    }

    public var runID: String
    public var period: Period
    public var command: String
    public var startedAt: Date
    public var finishedAt: Date?
    public var status: Status
    public var exitCode: Int32?
    /// The options as JSON text (for resume: same `--only`, same formats).
    public var options: String

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
