import Foundation

extension SQLiteStore {
    /// Adds a customer, or renames it when the name changed.
    public func upsertCustomer(_ id: CustomerID, name: String) throws {
        let time = now()
        try database.run(
            """
            INSERT INTO customers (customer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(customer_id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
                WHERE name IS NOT excluded.name
            """, [.text(id.rawValue), .text(name), .time(time), .time(time)])
    }

    public func customer(_ id: CustomerID) throws -> CustomerRecord? {
        try customers(where: "WHERE customer_id = ?", [.text(id.rawValue)]).first
    }

    /// Every customer, by id (bytewise).
    public func customers() throws -> [CustomerRecord] { try customers(where: "", []) }

    private func customers(where clause: String, _ values: [SQLiteValue]) throws -> [CustomerRecord] {
        try database.query(
            "SELECT customer_id, name, created_at, updated_at FROM customers \(clause) ORDER BY customer_id",
            values
        ) {
            CustomerRecord(
                customerID: CustomerID($0.text(0) ?? ""), name: $0.text(1) ?? "",
                createdAt: $0.time(2) ?? .distantPast, updatedAt: $0.time(3) ?? .distantPast)
        }
    }
}
