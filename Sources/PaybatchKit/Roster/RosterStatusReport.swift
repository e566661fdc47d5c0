import Foundation

/// `paybatch status`: runs and their outcome (latest first), connections by status with those
/// needing the employer first (each with its `paybatch reauth ID`), and the key ids in use.
/// Reads the store only and decrypts nothing.
public struct RosterStatusReport: Sendable, Encodable {
    public struct Run: Sendable, Encodable {
        public var runID: String
        public var command: String
        public var period: String
        public var startedAt: String
        public var finishedAt: String?
        public var status: String
        public var exitCode: Int32?

        enum CodingKeys: String, CodingKey {
            case command, period, status
            case runID = "run_id"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
            case exitCode = "exit_code"
        }
    }

    public struct Connection: Sendable, Encodable {
        public var connectionID: String
        public var customerID: String
        public var status: String
        public var action: String?

        enum CodingKeys: String, CodingKey {
            case status, action
            case connectionID = "connection_id"
            case customerID = "customer_id"
        }
    }

    /// A connection's latest forced refresh (`paybatch refresh`).
    public struct Refresh: Sendable, Encodable {
        public var connectionID: String
        public var status: String
        public var jobID: String?
        public var requestedAt: String
        public var updatedAt: String
        public var remainingRefreshes: Int?
        public var retryAt: String?
        public var message: String?

        enum CodingKeys: String, CodingKey {
            case status, message
            case connectionID = "connection_id"
            case jobID = "job_id"
            case requestedAt = "requested_at"
            case updatedAt = "updated_at"
            case remainingRefreshes = "remaining_refreshes"
            case retryAt = "retry_at"
        }
    }

    public var runs: [Run]
    /// Each connection's latest refresh, by connection id.
    public var refreshes: [Refresh]
    /// Connections needing attention first, then the others; by connection id within a group.
    public var connections: [Connection]
    public var statusCounts: [String: Int]
    /// Rows encrypted under each key id.
    public var keys: [String: Int]
    /// One line per thing that needs a person: `--check` exits 3 when there is any.
    public var attention: [String]
    /// The latest shared export run and its workers, on a PostgreSQL store where one ran (issue
    /// 22); absent otherwise, from the JSON too, so a SQLite store's status reads as before.
    public var sharedRun: SharedRunReport?

    enum CodingKeys: String, CodingKey {
        case runs, connections, keys, attention, refreshes
        case statusCounts = "status_counts"
        case sharedRun = "shared_run"
    }

    /// Statuses where the employer (or whoever connected) must act before data flows.
    static let employerStatuses: Set<ConnectionStatus> = [.reauth, .errorNoAccountSetup, .errorPermissions]

    /// `lock` is the store lock as `StoreLockState.read` finds it: a run still `running` is
    /// shown `interrupted` unless a live process holds the lock, and then only the latest such
    /// run can be its (one writer at a time).
    public init(store: any PaybatchStore, lock: StoreLockState = .free) async throws {
        let records = try await store.allRuns()
        let live = lock == .free ? nil : records.first { $0.status == .running }?.runID
        runs = records.map {
            Run(
                runID: $0.runID, command: $0.command, period: $0.period.description,
                startedAt: StoreTimestamp.text($0.startedAt),
                finishedAt: $0.finishedAt.map(StoreTimestamp.text),
                status: ($0.status == .running && $0.runID != live ? RunRecord.Status.interrupted : $0.status)
                    .rawValue,
                exitCode: $0.exitCode)
        }
        let connectionRecords = try await store.connections(includingDisconnected: true)
        statusCounts = Dictionary(grouping: connectionRecords, by: \.status.rawValue).mapValues(\.count)
        keys = try await store.keyUsage().mapValues(\.total)
        var attention: [String] = []
        var first: [Connection] = []
        var rest: [Connection] = []
        for record in connectionRecords {
            let id = record.connectionID
            var row = Connection(
                connectionID: id.rawValue, customerID: record.customerID.rawValue,
                status: record.status.rawValue)
            if record.isDisconnected {
                rest.append(row)
            } else if record.status.needsReauthentication {
                row.action = "paybatch reauth \(id)"
                attention.append(
                    "\(id) (customer \(record.customerID)) needs reauthentication: run `paybatch reauth \(id)`"
                )
                first.append(row)
            } else if Self.employerStatuses.contains(record.status) {
                row.action = "ask the employer to finish connecting (Finch says \(record.status))"
                attention.append("\(id) (customer \(record.customerID)): \(row.action!)")
                first.append(row)
            } else {
                rest.append(row)
            }
        }
        connections = first + rest
        // The latest run of each command and period tells whether that period is in good shape.
        var seen: Set<String> = []
        for run in runs where seen.insert(run.command + "|" + run.period).inserted {
            if run.status == RunRecord.Status.interrupted.rawValue {
                attention.append(
                    "the last `\(run.command)` for \(run.period) was interrupted (its process is gone): run the same command again to resume"
                )
            } else if run.status == RunRecord.Status.failed.rawValue
                || run.status == RunRecord.Status.partial.rawValue
            {
                attention.append(
                    "the last `\(run.command)` for \(run.period) is \(run.status) (exit \(run.exitCode.map(String.init) ?? "?"))"
                )
            }
        }
        refreshes = try await store.latestRefreshJobs().map {
            Refresh(
                connectionID: $0.connectionID.rawValue, status: $0.status.rawValue, jobID: $0.jobID,
                requestedAt: StoreTimestamp.text($0.requestedAt),
                updatedAt: StoreTimestamp.text($0.updatedAt),
                remainingRefreshes: $0.remainingRefreshes, retryAt: $0.retryAt, message: $0.message)
        }
        let disconnected = Set(connectionRecords.filter(\.isDisconnected).map(\.connectionID.rawValue))
        for refresh in refreshes where !disconnected.contains(refresh.connectionID) {
            if refresh.status == RefreshJobStatus.reauthError.rawValue
                || refresh.status == RefreshJobStatus.permissionsError.rawValue
            {
                attention.append(
                    "\(refresh.connectionID): its last refresh ended \(refresh.status) (\(refresh.updatedAt)): a person must act before Finch can sync it"
                )
            }
        }
        self.attention = attention
        sharedRun = try await (store as? PostgresStore)?.latestSharedRun().map(SharedRunReport.init)
    }

    public var needsAttention: Bool { !attention.isEmpty }

    public var lines: [String] {
        var lines = ["Runs (latest first):"]
        if runs.isEmpty { lines.append("  none yet") }
        for run in runs.prefix(20) {
            let exit = run.exitCode.map { ", exit \($0)" } ?? ""
            lines.append(
                "  \(run.startedAt)  \(run.command) \(run.period)  \(run.status)\(exit)  \(run.runID)")
        }
        let total = statusCounts.values.reduce(0, +)
        lines.append(
            "Connections: \(total)"
                + (total == 0
                    ? ""
                    : " — "
                        + statusCounts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                            separator: ", ")))
        for row in connections where row.action != nil {
            lines.append("  \(row.connectionID)  \(row.customerID)  \(row.status)  → \(row.action!)")
        }
        if !refreshes.isEmpty {
            lines.append("Latest refresh per connection:")
            for refresh in refreshes {
                var line = "  \(refresh.connectionID)  \(refresh.status)  \(refresh.updatedAt)"
                if let job = refresh.jobID { line += "  job \(job)" }
                if let retry = refresh.retryAt, refresh.remainingRefreshes == 0 {
                    line += "  next refresh at \(retry)"
                }
                lines.append(line)
            }
        }
        lines += sharedRun?.lines ?? []
        lines.append(
            "Key ids in use: "
                + (keys.isEmpty
                    ? "none"
                    : keys.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value) rows)" }.joined(
                        separator: ", ")))
        lines.append(attention.isEmpty ? "Nothing needs attention." : "Needs attention: \(attention.count).")
        return lines
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
