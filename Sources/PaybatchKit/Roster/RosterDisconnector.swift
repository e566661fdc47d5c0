import Foundation

/// `roster disconnect ID`: `POST /disconnect` (which ends Finch's billing for the connection),
/// then marks it disconnected with the time. Safe to repeat: a connection already marked
/// disconnected is left alone and Finch is not called.
public struct RosterDisconnector {
    public enum Outcome: Sendable, Equatable {
        case disconnected(requestID: RequestID?)
        /// Nothing done: it was marked disconnected before, at this time, by this source.
        case alreadyDisconnected(at: Date, source: ConnectionEventSource?, estimated: Bool)
        /// Finch already refused the token; marked disconnected with the time estimated.
        case tokenAlreadyRejected(requestID: RequestID?)
    }

    public let store: any PaybatchStore
    public let client: FinchClient
    public let now: () -> Date

    public init(store: any PaybatchStore, client: FinchClient, now: @escaping () -> Date = Date.init) {
        self.store = store
        self.client = client
        self.now = now
    }

    public func run(_ id: ConnectionID) async throws -> Outcome {
        let record = try await store.existingConnection(id)
        if let at = record.disconnectedAt {
            return .alreadyDisconnected(
                at: at, source: record.disconnectSource, estimated: record.disconnectTimeEstimated)
        }
        let token = try await store.decryptAccessToken(for: id)
        do {
            let response = try await client.send(.disconnect, .bearer(token), connectionID: id)
            try await store.markDisconnected(id, at: now(), source: .disconnect, estimated: false)
            return .disconnected(requestID: response.requestID)
        } catch let failure as FinchFailure {
            guard TokenIntrospector.rejectedCodes.contains(failure.code) else {
                throw RosterCallFailure("the disconnect", connectionID: id, failure: failure)
            }
            try await store.markDisconnected(id, at: now(), source: .refresh, estimated: true)
            return .tokenAlreadyRejected(requestID: failure.requestID)
        }
    }
}
