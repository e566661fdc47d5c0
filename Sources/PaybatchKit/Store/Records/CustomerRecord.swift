import Foundation

/// One of our company's customers, owner of one or more connections.
public struct CustomerRecord: Sendable, Equatable {
    public var customerID: CustomerID
    public var name: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(customerID: CustomerID, name: String, createdAt: Date, updatedAt: Date? = nil) {
        self.customerID = customerID
        self.name = name
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
