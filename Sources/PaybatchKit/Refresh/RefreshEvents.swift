import Logging

/// What `paybatch refresh` logs, as fields a log shipper can filter on: one `refresh_outcome`
/// event per connection, then one `refresh_summary` with the exit code and the count by status.
public enum RefreshEvents {
    /// The event of one connection's refresh.
    public static func outcome(_ entry: RefreshReport.Entry) -> (message: String, metadata: Logger.Metadata) {
        let job = entry.job
        var metadata: Logger.Metadata = [
            "event": "refresh_outcome", "connection_id": "\(job.connectionID)",
            "customer_id": "\(entry.customerID)", "status": "\(job.status)",
        ]
        if let id = job.jobID { metadata["job_id"] = "\(id)" }
        if let id = job.requestID { metadata["request_id"] = "\(id.rawValue)" }
        if let remaining = job.remainingRefreshes {
            metadata["remaining_refreshes"] = .stringConvertible(remaining)
        }
        if let retry = job.retryAt { metadata["retry_at"] = "\(retry)" }
        return ("refresh \(job.connectionID): \(job.status)", metadata)
    }

    /// The event the command ends with.
    public static func summary(_ report: RefreshReport) -> (message: String, metadata: Logger.Metadata) {
        let byStatus = report.entries.reduce(into: [String: Int]()) {
            $0[$1.job.status.rawValue, default: 0] += 1
        }
        var metadata: Logger.Metadata = [
            "event": "refresh_summary", "exit_code": .stringConvertible(Int(report.exitStatus.rawValue)),
            "connections": .dictionary(byStatus.mapValues { .stringConvertible($0) }),
        ]
        if let retry = report.earliestRetry { metadata["retry_at"] = "\(retry)" }
        return ("refresh finished", metadata)
    }
}
