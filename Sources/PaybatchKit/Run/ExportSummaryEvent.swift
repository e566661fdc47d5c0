import Logging

/// The one event an export ends with, finished or stopped: its exit code and status, connections
/// by export status, calls, retries and limiter waits per bucket, and the files written — as
/// fields, so a monitor reads the run from one line.
public enum ExportSummaryEvent {
    public static let message = "export finished"

    /// The event of an export that returned `result`.
    public static func metadata(_ result: ExportResult) -> Logger.Metadata {
        let byStatus = ConnectionOutcome.connectionStatuses(result.outcomes).reduce(into: [String: Int]()) {
            $0[$1.rawValue, default: 0] += 1
        }
        var metadata = metadata(
            exitCode: result.exitStatus.rawValue, status: result.exitStatus == .ok ? "complete" : "partial",
            tally: result.tally)
        metadata["connections"] = .dictionary(byStatus.mapValues { .stringConvertible($0) })
        metadata["files"] = .stringConvertible(result.files.count)
        metadata["folder"] = .string(result.folder)
        return metadata
    }

    /// The event of an export stopped by a failure (nothing written), with what the run's
    /// request log says of its calls when it got that far.
    public static func metadata(exitCode: Int32, status: String, tally: CallTally?) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "event": "run_summary",
            "exit_code": .stringConvertible(Int(exitCode)),
            "status": .string(status),
            "files": .stringConvertible(0),
            "connections": .dictionary([:]),
        ]
        if let tally {
            metadata["calls"] = .dictionary(tally.calls.mapValues { .stringConvertible($0) })
            metadata["retries"] = .dictionary(tally.retries.mapValues { .stringConvertible($0) })
            metadata["limiter_wait_s"] = .dictionary(
                tally.limiterWaitSeconds.mapValues { .stringConvertible($0) })
        }
        return metadata
    }
}
