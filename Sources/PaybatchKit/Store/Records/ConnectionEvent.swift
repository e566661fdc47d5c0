import Foundation

/// One status change of a connection, with its time and cause; reconciliation reads this history.
public struct ConnectionEvent: Sendable, Equatable {
    public var connectionID: ConnectionID
    public var time: Date
    /// nil for the first event (the connection was added).
    public var from: ConnectionStatus?
    public var to: ConnectionStatus
    public var source: ConnectionEventSource
    /// True when the time is an estimate (a rejection noticed later than it happened).
    public var estimated: Bool
    public var note: String?

    public init(
        connectionID: ConnectionID, time: Date, from: ConnectionStatus?, to: ConnectionStatus,
        source: ConnectionEventSource, estimated: Bool = false, note: String? = nil
    ) {
        self.connectionID = connectionID
        self.time = time
        self.from = from
        self.to = to
        self.source = source
        self.estimated = estimated
        self.note = note
    }
}
