import Foundation

/// What `paybatch status` shows of the latest shared export run on a PostgreSQL store (issue 22):
/// its workers and when each was last seen, the connections each holds with its lease, how many
/// are done, claimed and pending, the renderer, and whether the files are published. Durations are
/// on the database's clock (as leases are), so hosts whose clocks disagree still read them right.
public struct SharedRunReport: Sendable, Encodable, Equatable {
    public struct Worker: Sendable, Encodable, Equatable {
        public var id: String
        public var host: String
        public var joinedAt: String
        public var lastSeenSecondsAgo: Int
        public var claims: [Claim]

        enum CodingKeys: String, CodingKey {
            case id, host, claims
            case joinedAt = "joined_at"
            case lastSeenSecondsAgo = "last_seen_seconds_ago"
        }
    }

    /// A connection a worker holds, not done yet; a lease left below zero has run out.
    public struct Claim: Sendable, Encodable, Equatable {
        public var connectionID: String
        public var attempt: Int
        public var leaseLeftSeconds: Int?

        enum CodingKeys: String, CodingKey {
            case attempt
            case connectionID = "connection_id"
            case leaseLeftSeconds = "lease_left_seconds"
        }
    }

    public struct Counts: Sendable, Encodable, Equatable {
        public var total: Int
        public var done: Int
        public var claimed: Int
        public var pending: Int

        public init(total: Int, done: Int, claimed: Int, pending: Int) {
            (self.total, self.done, self.claimed, self.pending) = (total, done, claimed, pending)
        }
    }

    public var runID: String
    public var period: String
    public var startedAt: String
    /// Whether the run's connections were recorded yet (by its first worker).
    public var seeded: Bool
    public var connections: Counts
    public var workers: [Worker]
    public var renderer: String?
    /// Whether the renderer published the files (then `exitCode` is the run's code).
    public var published: Bool
    public var publishedAt: String?
    public var exitCode: Int32?

    enum CodingKeys: String, CodingKey {
        case period, seeded, connections, workers, renderer, published
        case runID = "run_id"
        case startedAt = "started_at"
        case publishedAt = "published_at"
        case exitCode = "exit_code"
    }

    public init(_ status: RunCoordinationStatus) {
        runID = status.runID
        period = status.period.description
        startedAt = StoreTimestamp.text(status.startedAt)
        seeded = status.progress.seeded
        workers = status.workers.map { worker in
            Worker(
                id: worker.id.rawValue, host: worker.id.host, joinedAt: StoreTimestamp.text(worker.joinedAt),
                lastSeenSecondsAgo: Int(worker.silentFor.rounded()),
                claims: worker.claims.map {
                    Claim(
                        connectionID: $0.connection.rawValue, attempt: $0.attempt,
                        leaseLeftSeconds: $0.leaseLeft.map { Int($0.rounded()) })
                })
        }
        let (total, done) = (status.progress.total, status.progress.done)
        let claimed = workers.map(\.claims.count).reduce(0, +)
        connections = Counts(
            total: total, done: done, claimed: claimed, pending: max(0, total - done - claimed))
        renderer = status.renderer?.rawValue
        publishedAt = status.publishedAt.map(StoreTimestamp.text)
        published = publishedAt != nil
        exitCode = status.exitStatus?.rawValue
    }

    public var lines: [String] {
        let counts =
            seeded
            ? "\(connections.done) done, \(connections.claimed) claimed, \(connections.pending) pending of \(connections.total)"
            : "connections not recorded yet"
        var lines = ["Shared run of \(period) (\(runID), started \(startedAt)): \(counts)"]
        for worker in workers {
            lines.append(
                "  worker \(worker.id) on \(worker.host), last seen \(worker.lastSeenSecondsAgo)s ago, "
                    + "\(worker.claims.count) claimed")
            for claim in worker.claims {
                let lease = claim.leaseLeftSeconds.map {
                    $0 >= 0 ? "lease ends in \($0)s" : "lease ended \(-$0)s ago"
                }
                lines.append(
                    "    \(claim.connectionID)  claim \(claim.attempt)\(lease.map { ", \($0)" } ?? "")")
            }
        }
        let published = publishedAt.map { "published \($0), exit \(exitCode.map(String.init) ?? "?")" }
        lines.append("  renderer: \(renderer ?? "none yet"); \(published ?? "not published")")
        return lines
    }
}
