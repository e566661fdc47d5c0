/// An input CSV that cannot be read (exit 65): names the file, the line and the column, 1-based.
public struct CSVReadFailure: PaybatchFailure, Equatable {
    public var file: String
    public var line: Int
    /// The character position in the line, 1-based; nil when the whole line or file is at fault.
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int, column: Int?, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var exitStatus: ExitStatus { .dataError }
    public var message: String {
        let place = column.map { "line \(line), column \($0)" } ?? "line \(line)"
        return "\(file), \(place): \(problem)."
    }
    public var remedy: String? {
        "Fix the file (RFC 4180 CSV, UTF-8, a header row; quote fields that hold commas, quotes or line breaks)."
    }
}
