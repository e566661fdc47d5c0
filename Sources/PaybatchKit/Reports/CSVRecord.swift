/// One record of an input CSV, with the line it started on for error messages.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based line where the record begins (a quoted field may span several lines).
    public var line: Int
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// The field at `index`, or nil past the end.
    public subscript(index: Int?) -> String? {
        guard let index, index < fields.count else { return nil }
        return fields[index]
    }
}
