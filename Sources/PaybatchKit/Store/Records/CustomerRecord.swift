import Foundation

/// One of our company's customers, owner of one or more connections.
public struct CustomerRecord: Sendable, Equatable {
    public var customerID: CustomerID
    public var name: String
    public var createdAt: Date
    public var updatedAt: Date
}
