/// What `roster import` did, for the summary and the exit code.
public struct RosterImportReport: Sendable {
    /// Connections stored as live, by file line.
    public var added: [(line: Int, connectionID: ConnectionID, status: ConnectionStatus)] = []
    /// Tokens already in the store: nothing written, nothing called.
    public var alreadyPresent = 0
    /// Tokens Finch refused. Stored as disconnected (time estimated) when the file gave a new
    /// connection id, else not stored.
    public var rejected: [RosterProblem] = []
    /// How many of `rejected` were stored as disconnected.
    public var rejectedStored = 0
    /// Tokens whose connection is already stored with another token: nothing written.
    public var conflicts: [RosterProblem] = []
    /// Tokens Finch could not be asked about (server errors, no answer): not stored; run again.
    public var failed: [RosterProblem] = []

    public init() {}

    /// SPEC §2: 0; 3 when some tokens were rejected or clash with stored ones; 69 when Finch
    /// could not answer for some (a second import picks them up).
    public var exitStatus: ExitStatus {
        if !failed.isEmpty { return .unavailable }
        return rejected.isEmpty && conflicts.isEmpty ? .ok : .partial
    }

    /// The summary: counts, then each problem on its own line.
    public var lines: [String] {
        let live = added.filter { $0.status != .rejected }
        var lines = [
            "Imported \(live.count) new connection(s); \(alreadyPresent) token(s) already in the roster were skipped."
        ]
        let byStatus = Dictionary(grouping: live, by: \.status).mapValues(\.count)
        if !byStatus.isEmpty {
            lines.append(
                "  by status: "
                    + byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                        separator: ", "))
        }
        for id in live.filter({ $0.status.needsReauthentication }).map(\.connectionID) {
            lines.append("  needs reauthentication: \(id) — run `paybatch reauth \(id)`")
        }
        if !rejected.isEmpty {
            lines.append(
                "Rejected by Finch: \(rejected.count) token(s) (\(rejectedStored) stored as disconnected, time estimated):"
            )
            lines += rejected.map { "  \($0)" }
        }
        if !conflicts.isEmpty {
            lines.append("Not imported, the connection is stored with another token: \(conflicts.count):")
            lines += conflicts.map { "  \($0)" }
        }
        if !failed.isEmpty {
            lines.append("Not imported, Finch did not answer: \(failed.count) (run the same import again):")
            lines += failed.map { "  \($0)" }
        }
        return lines
    }
}
