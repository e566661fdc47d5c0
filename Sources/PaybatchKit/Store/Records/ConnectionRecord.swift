import Foundation

/// One stored connection. Holds no token: only its fingerprint and its last four characters.
public struct ConnectionRecord: Sendable, Equatable {
    public var connectionID: ConnectionID
    public var customerID: CustomerID
    public var details: ConnectionDetails
    /// Finch's creation time (roster file or Dashboard `created_at`), as it came; nil = unknown.
    public var createdAt: String?
    /// When paybatch first stored it.
    public var addedAt: Date
    public var updatedAt: Date
    public var disconnectedAt: Date?
    public var disconnectSource: ConnectionEventSource?
    /// True when `disconnectedAt` is when paybatch first found the token rejected (SPEC §8).
    public var disconnectTimeEstimated: Bool
    public var tokenFingerprint: TokenFingerprint?
    /// `…abcd`: the token's last four characters, for listings that must not decrypt.
    public var tokenHint: String?

    public init(
        connectionID: ConnectionID, customerID: CustomerID, details: ConnectionDetails,
        createdAt: String? = nil,
        addedAt: Date, updatedAt: Date? = nil, disconnectedAt: Date? = nil,
        disconnectSource: ConnectionEventSource? = nil, disconnectTimeEstimated: Bool = false,
        tokenFingerprint: TokenFingerprint? = nil, tokenHint: String? = nil
    ) {
        self.connectionID = connectionID
        self.customerID = customerID
        self.details = details
        self.createdAt = createdAt
        self.addedAt = addedAt
        self.updatedAt = updatedAt ?? addedAt
        self.disconnectedAt = disconnectedAt
        self.disconnectSource = disconnectSource
        self.disconnectTimeEstimated = disconnectTimeEstimated
        self.tokenFingerprint = tokenFingerprint
        self.tokenHint = tokenHint
    }

    public var status: ConnectionStatus { details.status }
    public var isDisconnected: Bool { disconnectedAt != nil }
}
