import Foundation

/// Turns one row of named values (from a CSV record or a JSON line) into a `RosterEntry`, and
/// catches duplicates across the whole file. Shared by both formats so they accept the same data.
struct RosterRowValidator {
    /// Where a value sits, for messages: CSV field number, or the JSON value's character column.
    struct Cell {
        var value: String
        var column: Int?
    }

    static let required = ["customer_id", "customer_name", "access_token"]
    static let optional = ["connection_id", "provider_id", "created_at"]

    let file: String
    private var tokenLines: [String: Int] = [:]
    private var connectionLines: [String: Int] = [:]

    init(file: String) { self.file = file }

    private func fail(_ line: Int, _ name: String, _ cell: Cell?, _ problem: String) -> RosterFileFailure {
        RosterFileFailure(file: file, line: line, column: cell?.column, columnName: name, problem: problem)
    }

    /// Validates one row; `cells` holds the columns present, by lower-cased name.
    mutating func entry(line: Int, cells: [String: Cell]) throws(RosterFileFailure) -> RosterEntry {
        func text(_ name: String, required: Bool) throws(RosterFileFailure) -> String? {
            let value = cells[name]?.value.trimmingCharacters(in: .whitespaces) ?? ""
            if value.isEmpty {
                if required { throw fail(line, name, cells[name], "\(name) is empty") }
                return nil
            }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw fail(line, name, cells[name], "\(name) holds a control character")
            }
            if value.count > 255 {
                throw fail(line, name, cells[name], "\(name) is longer than 255 characters")
            }
            return value
        }
        let customerID = try text("customer_id", required: true)!
        let customerName = try text("customer_name", required: true)!
        let token = try text("access_token", required: true)!
        // Never echo the token: only say what is wrong with it.
        if token.unicodeScalars.contains(where: { $0.properties.isWhitespace || !$0.isASCII }) {
            throw fail(
                line, "access_token", cells["access_token"],
                "the access token holds a space or a non-ASCII character (was it pasted whole?)")
        }
        let connectionID = try text("connection_id", required: false)
        if let connectionID, connectionID.contains(where: \.isWhitespace) {
            throw fail(line, "connection_id", cells["connection_id"], "connection_id holds a space")
        }
        let createdAtText = try text("created_at", required: false)
        // Stored as canonical UTC text, so every later reader sees one form.
        let createdAt = createdAtText.flatMap(UTCTimestamp.init(iso:))?.description
        if let createdAtText, createdAt == nil {
            throw fail(
                line, "created_at", cells["created_at"],
                "created_at `\(createdAtText)` is not \(UTCTimestamp.acceptedForms)")
        }
        if let first = tokenLines[token] {
            throw fail(
                line, "access_token", cells["access_token"],
                "the same access token as line \(first) (each token may appear once)")
        }
        tokenLines[token] = line
        if let connectionID {
            if let first = connectionLines[connectionID] {
                throw fail(
                    line, "connection_id", cells["connection_id"],
                    "connection \(connectionID) also appears on line \(first) with another token")
            }
            connectionLines[connectionID] = line
        }
        return RosterEntry(
            line: line, customerID: CustomerID(customerID), customerName: customerName,
            token: AccessToken(token), connectionID: connectionID.map(ConnectionID.init),
            providerID: try text("provider_id", required: false).map(ProviderID.init), createdAt: createdAt)
    }
}
