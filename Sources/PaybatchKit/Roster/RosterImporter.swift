import Foundation
import Logging

/// `roster import` after the file was validated: skips tokens already stored, introspects the
/// new ones, and stores what Finch says. A rejected token whose file line names a connection the
/// store does not hold is stored as disconnected with `disconnect_time_estimated` (SPEC §8
/// billing window: the time paybatch first found it rejected); without a connection id there is
/// nothing to key it on, so it is only reported.
public struct RosterImporter {
    public let store: any PaybatchStore
    public let introspector: TokenIntrospector
    public let now: () -> Date
    /// Each token's outcome, with its line, connection, token hint and request id as metadata.
    public let logger: Logger

    public init(
        store: any PaybatchStore, introspector: TokenIntrospector, now: @escaping () -> Date = Date.init,
        logger: Logger = Logger(label: "paybatch.roster", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.store = store
        self.introspector = introspector
        self.now = now
        self.logger = logger
    }

    /// Imports `entries` (already validated as a whole). Throws a run-wide stop after storing
    /// what was introspected before it.
    public func run(_ entries: [RosterEntry]) async throws -> RosterImportReport {
        var report = RosterImportReport()
        var fresh: [RosterEntry] = []
        for entry in entries {
            if try await store.connectionID(forToken: entry.token) != nil {
                report.alreadyPresent += 1
            } else {
                fresh.append(entry)
            }
        }
        let (outcomes, stop) = await introspector.introspect(fresh.map { ($0.token, $0.connectionID) })
        for (entry, outcome) in zip(fresh, outcomes) {
            guard let outcome else { continue }
            try await record(entry, outcome, into: &report)
        }
        if let stop { throw stop }
        return report
    }

    private func problem(
        _ entry: RosterEntry, _ id: ConnectionID?, _ reason: String, _ request: RequestID?
    )
        -> RosterProblem
    {
        RosterProblem(
            line: entry.line, connectionID: id, tokenHint: entry.token.redacted, reason: reason,
            requestID: request)
    }

    private func record(
        _ entry: RosterEntry, _ outcome: TokenIntrospector.Outcome, into report: inout RosterImportReport
    )
        async throws
    {
        log(entry, outcome)
        switch outcome {
        case .introspected(let introspection):
            guard let id = introspection.connectionID.map(ConnectionID.init) ?? entry.connectionID else {
                report.failed.append(
                    problem(entry, nil, "Finch's introspect answer names no connection_id", nil))
                return
            }
            let details = ConnectionDetails(introspection: introspection, fallbackProvider: entry.providerID)
            try await add(entry, id, details, into: &report)
        case .needsEmployer(let status, let failure):
            guard let id = entry.connectionID else {
                report.rejected.append(
                    problem(
                        entry, nil, "\(failure) (add connection_id to the file to keep it)", failure.requestID
                    ))
                return
            }
            let details = ConnectionDetails(
                providerID: entry.providerID, status: status, statusMessage: failure.message)
            try await add(entry, id, details, into: &report)
        case .rejected(let failure):
            report.rejected.append(problem(entry, entry.connectionID, "\(failure)", failure.requestID))
            guard let id = entry.connectionID, try await store.connection(id) == nil else { return }
            let details = ConnectionDetails(
                providerID: entry.providerID, status: .rejected, statusMessage: failure.message)
            _ = try await store.addConnection(
                connection(entry, id, details, disconnectedAt: now()), source: .import)
            report.rejectedStored += 1
        case .failed(let failure):
            report.failed.append(problem(entry, entry.connectionID, "\(failure)", failure.requestID))
        }
    }

    private func add(
        _ entry: RosterEntry, _ id: ConnectionID, _ details: ConnectionDetails,
        into report: inout RosterImportReport
    ) async throws {
        switch try await store.addConnection(connection(entry, id, details), source: .import) {
        case .added:
            report.added.append((entry.line, id, details.status))
        case .tokenAlreadyPresent:
            report.alreadyPresent += 1
        case .connectionExists(let existing):
            let hint = try await store.connection(existing)?.tokenHint ?? "…"
            report.conflicts.append(
                problem(
                    entry, existing,
                    "the roster already holds connection \(existing) with token \(hint); to replace its token run `paybatch reauth \(existing)`",
                    nil))
        }
    }

    /// The file line's connection as the store takes it.
    private func connection(
        _ entry: RosterEntry, _ id: ConnectionID, _ details: ConnectionDetails, disconnectedAt: Date? = nil
    ) -> NewConnection {
        NewConnection(
            id: id, customerID: entry.customerID, customerName: entry.customerName, details: details,
            token: entry.token, createdAt: entry.createdAt, disconnectedAt: disconnectedAt)
    }

    private func log(_ entry: RosterEntry, _ outcome: TokenIntrospector.Outcome) {
        var metadata: Logger.Metadata = ["line": "\(entry.line)", "token": "\(entry.token.redacted)"]
        switch outcome {
        case .introspected(let introspection):
            metadata["connection_id"] = "\(introspection.connectionID ?? "?")"
            metadata["status"] = "\(introspection.connectionStatus?.status?.rawValue ?? "?")"
            logger.debug("introspected", metadata: metadata)
        case .needsEmployer(_, let failure), .rejected(let failure), .failed(let failure):
            metadata["connection_id"] = "\(entry.connectionID?.rawValue ?? "?")"
            metadata["code"] = "\(failure.code)"
            metadata["request_id"] = "\(failure.requestID?.rawValue ?? "none")"
            logger.warning("introspect refused the token", metadata: metadata)
        }
    }
}
