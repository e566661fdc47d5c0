/// One file written into place: what run.json's `files` lists.
public struct WrittenFile: Sendable, Equatable, Codable {
    /// The file's name relative to the output folder (`employees.csv`).
    public var path: String
    /// Data rows (header excluded; for a workbook, the sum over its data sheets).
    public var rows: Int
    public var bytes: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, rows: Int, bytes: Int, sha256: String) {
        self.path = path
        self.rows = rows
        self.bytes = bytes
        self.sha256 = sha256
    }
}
