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
}
