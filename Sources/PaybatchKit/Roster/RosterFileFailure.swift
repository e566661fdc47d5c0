/// A roster file that cannot be imported (exit 65): the file, line and column, and what is wrong.
/// Never quotes a token: a value in the token column is named by its column only.
public struct RosterFileFailure: PaybatchFailure, Equatable {
    public var file: String
    public var line: Int
    /// 1-based; for CSV the field number (with its name), for JSON lines the character position.
    public var column: Int?
    public var columnName: String?
    public var problem: String

    public init(file: String, line: Int, column: Int? = nil, columnName: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.problem = problem
    }

    public var exitStatus: ExitStatus { .dataError }
    public var message: String {
        var place = "line \(line)"
        if let column { place += ", column \(column)" }
        if let columnName { place += " (\(columnName))" }
        return "\(file), \(place): \(problem). Nothing was imported."
    }
    public var remedy: String? {
        "Fix the file: CSV with the header customer_id,customer_name,access_token (optional connection_id, provider_id, created_at), or JSON lines with the same keys."
    }
}
