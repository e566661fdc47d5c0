import Foundation

/// A connection to add to the roster, with its customer and token (`RosterStore.addConnection`).
public struct NewConnection: Sendable {
    public var id: ConnectionID
    public var customerID: CustomerID
    public var customerName: String
    public var details: ConnectionDetails
    public var token: AccessToken
    /// The roster file's `created_at`, as written there.
    public var createdAt: String?
    /// Set for a connection kept only for the record (an import's refused token): it is marked
    /// disconnected at this time, estimated, in the same transaction.
    public var disconnectedAt: Date?

    public init(
        id: ConnectionID, customerID: CustomerID, customerName: String, details: ConnectionDetails,
        token: AccessToken, createdAt: String? = nil, disconnectedAt: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.customerName = customerName
        self.details = details
        self.token = token
        self.createdAt = createdAt
        self.disconnectedAt = disconnectedAt
    }
}
