import Foundation

/// What one `paybatch refresh` came to, connection by connection, and its exit code: 0 when every
/// job completed (or, without `--wait`, started); 75 when something means "later" (a spent quota,
/// a job still running, a transient failure), saying when; else 3 when a person is needed (a
/// job's `reauth_error` or `permissions_error`, an assisted connection, a refused call).
public struct RefreshReport: Sendable {
    /// One connection's refresh.
    public struct Entry: Sendable {
        public var customerID: CustomerID
        public var job: RefreshJobRecord
        /// The call failed for a reason that may pass (5xx, timeouts after retries).
        public var transient: Bool
        /// What to do about it, when a person must act.
        public var remedy: String?

        public init(
            customerID: CustomerID, job: RefreshJobRecord, transient: Bool = false, remedy: String? = nil
        ) {
            self.customerID = customerID
            self.job = job
            self.transient = transient
            self.remedy = remedy
        }

        /// Whether it means "run again later".
        public func isLater(waited: Bool) -> Bool {
            switch job.status {
            case .quotaSpent, .error: true
            case .failed: transient
            default: waited && job.status.isRunning
            }
        }

        /// Whether a person must act.
        public var needsPerson: Bool { job.status.needsPerson || (job.status == .failed && !transient) }
    }

    public var entries: [Entry]
    /// Whether the jobs were followed (`--wait`).
    public var waited: Bool

    public init(entries: [Entry], waited: Bool) {
        self.entries = entries
        self.waited = waited
    }

    /// The earliest `retry_at` among spent quotas.
    public var earliestRetry: String? {
        entries.filter { $0.job.status == .quotaSpent }.compactMap(\.job.retryTime).min()
            .map { UTCTimestamp($0).description }
    }

    /// The connections whose job still runs, with the job's id (`export --refresh-first` exports
    /// them `pending`).
    public var stillSyncing: [ConnectionID: String] {
        var syncing: [ConnectionID: String] = [:]
        for entry in entries where entry.job.status.isRunning {
            if let job = entry.job.jobID { syncing[entry.job.connectionID] = job }
        }
        return syncing
    }

    public var exitStatus: ExitStatus {
        if entries.contains(where: { $0.isLater(waited: waited) }) { return .temporary }
        return entries.contains(where: \.needsPerson) ? .partial : .ok
    }

    public var lines: [String] {
        let counts = Dictionary(grouping: entries, by: \.job.status.rawValue).mapValues(\.count)
        var lines = [
            "Refresh of \(entries.count) connection(s)"
                + (entries.isEmpty
                    ? "."
                    : ": "
                        + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                        .joined(separator: ", ") + ".")
        ]
        for entry in entries {
            let job = entry.job
            var line = "  \(job.connectionID)  \(entry.customerID)  \(job.status)"
            if let id = job.jobID { line += "  job \(id)" }
            if let remaining = job.remainingRefreshes {
                line +=
                    "  (\(remaining) of \(job.allowedRefreshes.map(String.init) ?? "?") refreshes left this hour)"
            }
            lines.append(line)
        }
        let people = entries.filter(\.needsPerson)
        if !people.isEmpty {
            lines.append("Needs a person: \(people.count):")
            lines += people.map { entry in
                let id = entry.job.connectionID.rawValue
                let why = [
                    entry.job.message, entry.remedy?.replacingOccurrences(of: "CONNECTION_ID", with: id),
                ]
                .compactMap { $0 }.joined(separator: " ")
                return "  \(id) (customer \(entry.customerID)): \(entry.job.status)"
                    + (why.isEmpty ? "" : " — \(why)")
            }
        }
        let later = entries.filter { $0.isLater(waited: waited) }
        if !later.isEmpty {
            var line =
                "Try later: \(later.count) connection(s) (\(later.map(\.job.connectionID.rawValue).joined(separator: ", ")))"
            if let retry = earliestRetry {
                line += "; Finch allows the next refresh at \(retry): run `paybatch refresh` again after it."
            } else {
                line += ": run `paybatch refresh --wait 10m` again in a few minutes."
            }
            lines.append(line)
        }
        return lines
    }
}
