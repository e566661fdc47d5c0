import Foundation

/// `roster list`: one row per connection, tokens only as their last four characters. Needs no
/// key: nothing is decrypted.
public struct RosterListing: Sendable, Encodable {
    public struct Row: Sendable, Encodable, Equatable {
        public var customerID: String
        public var customerName: String
        public var connectionID: String
        public var companyID: String?
        public var providerID: String?
        public var clientType: String?
        public var assisted: Bool?
        public var status: String
        public var lastSuccessfulSync: String?
        public var createdAt: String?
        public var disconnectedAt: String?
        public var disconnectTimeEstimated: Bool
        public var token: String

        enum CodingKeys: String, CodingKey {
            case status, assisted, token
            case customerID = "customer_id"
            case customerName = "customer_name"
            case connectionID = "connection_id"
            case companyID = "company_id"
            case providerID = "provider_id"
            case clientType = "client_type"
            case lastSuccessfulSync = "last_successful_sync"
            case createdAt = "created_at"
            case disconnectedAt = "disconnected_at"
            case disconnectTimeEstimated = "disconnect_time_estimated"
        }
    }

    public var connections: [Row]

    public init(store: any PaybatchStore) async throws {
        let names = Dictionary(
            uniqueKeysWithValues: try await store.customers().map { ($0.customerID, $0.name) })
        connections = try await store.connections(includingDisconnected: true).map { record in
            Row(
                customerID: record.customerID.rawValue, customerName: names[record.customerID] ?? "",
                connectionID: record.connectionID.rawValue, companyID: record.details.companyID?.rawValue,
                providerID: record.details.providerID?.rawValue, clientType: record.details.clientType,
                assisted: record.details.assisted, status: record.status.rawValue,
                lastSuccessfulSync: record.details.lastSuccessfulSync, createdAt: record.createdAt,
                disconnectedAt: record.disconnectedAt.map(StoreTimestamp.text),
                disconnectTimeEstimated: record.disconnectTimeEstimated, token: record.tokenHint ?? "…")
        }
    }

    /// An aligned text table with a header.
    public var lines: [String] {
        let header = ["CUSTOMER", "NAME", "CONNECTION", "PROVIDER", "TYPE", "STATUS", "LAST SYNC", "TOKEN"]
        let rows = connections.map { row -> [String] in
            var status = row.status
            if row.disconnectTimeEstimated { status += " (time estimated)" }
            return [
                row.customerID, row.customerName, row.connectionID, row.providerID ?? "",
                row.clientType ?? "",
                status, row.lastSuccessfulSync ?? "", row.token,
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return [line(header)] + rows.map(line) + ["\(connections.count) connection(s)."]
    }

    /// The rows as one JSON document, keys in a stable order.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
