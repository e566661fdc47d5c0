import Foundation

/// A CSV input whose columns were found through a profile: records come with their fields
/// looked up by profile column, and every error names the file, line and column.
struct ProfiledCSV<Column: ProfileColumn> {
    let name: String
    let header: [String]
    private let reader: CSVReader
    private let positions: [Column: Int]

    init(data: Data, name: String, profile: ColumnProfile<Column>) throws(ReconcileInputFailure) {
        self.name = name
        do { reader = try CSVReader(data: data, name: name) } catch { throw Self.converted(error) }
        header = reader.header
        positions = try profile.locate(in: reader.header, file: name)
    }

    func has(_ column: Column) -> Bool { positions[column] != nil }

    /// The next record, or nil at the end.
    func next() throws(ReconcileInputFailure) -> ProfiledRecord<Column>? {
        let record: CSVRecord?
        do { record = try reader.next() } catch { throw Self.converted(error) }
        return record.map { ProfiledRecord(record: $0, csv: self) }
    }

    fileprivate func position(_ column: Column) -> Int? { positions[column] }

    /// A header that lacks a needed column: says which names were looked for.
    func missing(_ column: Column, or other: Column? = nil) -> ReconcileInputFailure {
        let wanted = ([column] + (other.map { [$0] } ?? [])).map { $0.rawValue }.joined(separator: " or ")
        return ReconcileInputFailure(
            file: name, line: 1,
            problem:
                "the header has no \(wanted) column (it has: \(header.joined(separator: ", ")))",
            remedy:
                "Add the column, or map your header names to paybatch's in a profile (Templates/invoice/README.md)."
        )
    }

    /// A syntax error of the CSV itself: its column is the character position in the line.
    private static func converted(_ error: CSVReadFailure) -> ReconcileInputFailure {
        ReconcileInputFailure(
            file: error.file, line: error.line, column: error.column, problem: error.problem,
            remedy: error.remedy)
    }
}

/// One record of a `ProfiledCSV`.
struct ProfiledRecord<Column: ProfileColumn> {
    let record: CSVRecord
    let csv: ProfiledCSV<Column>

    var line: Int { record.line }

    /// The trimmed text of `column`, or nil when the column is absent or the cell empty.
    func text(_ column: Column) -> String? {
        guard let text = record[csv.position(column)]?.trimmingCharacters(in: .whitespaces), !text.isEmpty
        else {
            return nil
        }
        return text
    }

    /// A failure pointing at `column` of this record.
    func fail(_ column: Column, _ problem: String, remedy: String? = nil) -> ReconcileInputFailure {
        let index = csv.position(column)
        return ReconcileInputFailure(
            file: csv.name, line: record.line, column: index.map { $0 + 1 },
            columnName: index.map { csv.header[$0] } ?? column.rawValue, problem: problem, remedy: remedy)
    }
}
