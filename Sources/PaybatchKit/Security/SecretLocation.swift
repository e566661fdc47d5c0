/// Where a ciphertext lives: its table, column and the row's stable key. Bound into the
/// associated data, so a ciphertext copied to another row, column or table fails to decrypt.
public struct SecretLocation: Sendable, Hashable, CustomStringConvertible {
    public var table: String
    public var column: String
    /// The row's stable key (a connection id, `application`, a response's key), never a rowid
    /// SQLite may reassign.
    public var rowID: String

    public init(table: String, column: String, rowID: String) {
        self.table = table
        self.column = column
        self.rowID = rowID
    }

    /// SPEC §7: `v1|kid|table|column|rowid`, UTF-8. The row key comes last, so a `|` inside it
    /// cannot shift the other fields (table and column are our own names, kids are hex).
    public func associatedData(version: UInt8, kid: String) -> [UInt8] {
        Array("v\(version)|\(kid)|\(table)|\(column)|\(rowID)".utf8)
    }

    /// `secrets.access_token of conn_123`: names the place, never the value.
    public var description: String { "\(table).\(column) of \(rowID)" }
}
