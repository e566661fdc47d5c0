/// An invoice, Dashboard export or column profile that reconcile cannot use (exit 65): names the
/// file, the line and the column (its position in the record and its header name).
public struct ReconcileInputFailure: PaybatchFailure, Equatable {
    public var file: String
    /// 1-based line; nil when the whole file is at fault.
    public var line: Int?
    /// 1-based position of the field in its record (column A is 1), as a spreadsheet counts.
    public var column: Int?
    /// The column's header name, when known.
    public var columnName: String?
    public var problem: String
    public var remedy: String?

    public init(
        file: String, line: Int?, column: Int? = nil, columnName: String? = nil, problem: String,
        remedy: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.problem = problem
        self.remedy =
            remedy ?? "Fix the file, or describe its columns with a profile (Templates/invoice/README.md)."
    }

    public var exitStatus: ExitStatus { .dataError }

    public var message: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column {
            place += ", column \(column)"
            if let columnName { place += " (\(columnName))" }
        } else if let columnName {
            place += ", column \(columnName)"
        }
        return "\(place): \(problem)."
    }
}
