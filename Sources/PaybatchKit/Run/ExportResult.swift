import Foundation

/// What an export wrote, and how it ended.
public struct ExportResult: Sendable {
    public var runID: String
    public var exitStatus: ExitStatus
    public var folder: String
    public var files: [WrittenFile]
    public var outcomes: [ConnectionOutcome]
    /// Calls, retries and limiter waits per bucket, as run.json has them.
    public var tally: CallTally
    /// A worker of a run shared by workers (issue 22) that did not render it: another one wrote
    /// the files, and this one exits with the run's code.
    public var renderedElsewhere = false
}
