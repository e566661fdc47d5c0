import Foundation

/// What reconciliation needs to know of one roster connection: a plain value, so the engine is
/// tested with values and reads the store in one place (`RosterConnection.all(in:)`).
public struct RosterConnection: Sendable, Equatable {
    public var connectionID: ConnectionID
    public var customerID: CustomerID?
    /// The customer's name in the roster, so the reconciliation names customers, not only ids.
    public var customerName: String?
    public var companyID: CompanyID?
    public var providerID: ProviderID?
    /// `production`, `development` or `sandbox`; nil when unknown (counted as production).
    public var clientType: String?
    public var status: ConnectionStatus
    public var assisted: Bool
    /// Finch's creation time from the roster file's `created_at`; nil when unknown.
    public var createdAt: UTCTimestamp?
    public var disconnectedAt: UTCTimestamp?
    public var disconnectSource: ConnectionEventSource?
    /// The disconnect time is when paybatch first found the token rejected (SPEC §8).
    public var disconnectTimeEstimated: Bool
    /// The entities its last introspection listed (issue 21); billing stays per connection.
    public var entities: [ConnectionEntity] = []

    public init(
        connectionID: ConnectionID, customerID: CustomerID? = nil, customerName: String? = nil,
        companyID: CompanyID? = nil,
        providerID: ProviderID? = nil, clientType: String? = "production",
        status: ConnectionStatus = .connected,
        assisted: Bool = false, createdAt: UTCTimestamp? = nil, disconnectedAt: UTCTimestamp? = nil,
        disconnectSource: ConnectionEventSource? = nil, disconnectTimeEstimated: Bool = false
    ) {
        self.connectionID = connectionID
        self.customerID = customerID
        self.customerName = customerName
        self.companyID = companyID
        self.providerID = providerID
        self.clientType = clientType
        self.status = status
        self.assisted = assisted
        self.createdAt = createdAt
        self.disconnectedAt = disconnectedAt
        self.disconnectSource = disconnectSource
        self.disconnectTimeEstimated = disconnectTimeEstimated
    }

    /// A stored connection and its history. A connection whose token was found rejected but that
    /// was never marked disconnected takes the first rejection as its estimated disconnect time.
    public init(record: ConnectionRecord, events: [ConnectionEvent], customerName: String? = nil) {
        self.init(
            connectionID: record.connectionID, customerID: record.customerID, customerName: customerName,
            companyID: record.details.companyID,
            providerID: record.details.providerID, clientType: record.details.clientType,
            status: record.status,
            assisted: record.details.assisted ?? false,
            createdAt: record.createdAt.flatMap(UTCTimestamp.init(iso:)),
            disconnectedAt: record.disconnectedAt.map(UTCTimestamp.init),
            disconnectSource: record.disconnectSource,
            disconnectTimeEstimated: record.disconnectTimeEstimated)
        entities = record.details.entities
        if disconnectedAt == nil, let rejected = events.first(where: { $0.to == .rejected }) {
            disconnectedAt = UTCTimestamp(rejected.time)
            disconnectSource = rejected.source
            disconnectTimeEstimated = true
        }
    }

    /// Every connection of the store, disconnected ones included, with its history. Reads only:
    /// no token is decrypted, so no key is needed. A stored `created_at` that cannot be read
    /// stops reconcile (65): read as "unknown" it would count as added before every period.
    public static func all(in store: any PaybatchStore) async throws -> [RosterConnection] {
        let history = Dictionary(grouping: try await store.events(for: nil), by: \.connectionID)
        let names = Dictionary(
            try await store.customers().map { ($0.customerID, $0.name) }, uniquingKeysWith: { a, _ in a })
        return try await store.connections(includingDisconnected: true).map { record in
            if let text = record.createdAt, UTCTimestamp(iso: text) == nil {
                throw RunStop(
                    .dataError,
                    "Connection \(record.connectionID) has a stored created_at `\(text)` that is not a time.",
                    remedy:
                        "Import the roster again with created_at written as \(UTCTimestamp.acceptedForms); `paybatch doctor` lists every such connection."
                )
            }
            return RosterConnection(
                record: record, events: history[record.connectionID] ?? [],
                customerName: names[record.customerID])
        }
    }

    /// Production, or of unknown type (Finch's production Dashboard lists it).
    public var isProduction: Bool { clientType.map { $0.lowercased() == "production" } ?? true }
}
