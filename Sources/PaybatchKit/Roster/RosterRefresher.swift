import Foundation

/// `roster refresh`: introspects every connection not yet disconnected and records each status
/// change as an event (source `refresh`). A token Finch now rejects marks its connection
/// disconnected at the time it was found so, flagged `disconnect_time_estimated`.
public struct RosterRefresher {
    /// What one refresh found.
    public struct Report: Sendable {
        public var checked = 0
        public var changes: [ConnectionEvent] = []
        public var rejected: [RosterProblem] = []
        public var failed: [RosterProblem] = []

        /// 0; 3 when some tokens were rejected; 69 when Finch could not answer for some.
        public var exitStatus: ExitStatus {
            if !failed.isEmpty { return .unavailable }
            return rejected.isEmpty ? .ok : .partial
        }

        public var lines: [String] {
            var lines = ["Checked \(checked) connection(s); \(changes.count) status change(s)."]
            lines += changes.map {
                "  \($0.connectionID): \($0.from?.rawValue ?? "new") → \($0.to.rawValue)"
                    + ($0.to.needsReauthentication ? " — run `paybatch reauth \($0.connectionID)`" : "")
            }
            if !rejected.isEmpty {
                lines.append(
                    "Rejected by Finch, now marked disconnected (time estimated): \(rejected.count):")
                lines += rejected.map { "  \($0)" }
            }
            if !failed.isEmpty {
                lines.append("Not checked, Finch did not answer: \(failed.count) (run refresh again):")
                lines += failed.map { "  \($0)" }
            }
            return lines
        }
    }

    public let store: any PaybatchStore
    public let introspector: TokenIntrospector
    public let now: () -> Date

    public init(
        store: any PaybatchStore, introspector: TokenIntrospector, now: @escaping () -> Date = Date.init
    ) {
        self.store = store
        self.introspector = introspector
        self.now = now
    }

    public func run() async throws -> Report {
        var report = Report()
        let records = try await store.connections(includingDisconnected: false)
        var tokens: [(token: AccessToken, connectionID: ConnectionID?)] = []
        for record in records {
            tokens.append(
                (
                    token: try await store.decryptAccessToken(for: record.connectionID),
                    connectionID: record.connectionID
                ))
        }
        let (outcomes, stop) = await introspector.introspect(tokens)
        for (record, outcome) in zip(records, outcomes) {
            guard let outcome else { continue }
            report.checked += 1
            let id = record.connectionID
            func problem(_ failure: FinchFailure) -> RosterProblem {
                RosterProblem(
                    connectionID: id, tokenHint: record.tokenHint ?? "…", reason: "\(failure)",
                    requestID: failure.requestID)
            }
            switch outcome {
            case .introspected(let introspection):
                let details = ConnectionDetails(
                    introspection: introspection, fallbackProvider: record.details.providerID)
                if let event = try await store.updateDetails(id, details, source: .refresh) {
                    report.changes.append(event)
                }
            case .needsEmployer(let status, let failure):
                var details = record.details
                details.status = status
                details.statusMessage = failure.message
                if let event = try await store.updateDetails(id, details, source: .refresh) {
                    report.changes.append(event)
                }
            case .rejected(let failure):
                report.rejected.append(problem(failure))
                try await store.markDisconnected(id, at: now(), source: .refresh, estimated: true)
            case .failed(let failure):
                report.failed.append(problem(failure))
            }
        }
        if let stop { throw stop }
        return report
    }
}
