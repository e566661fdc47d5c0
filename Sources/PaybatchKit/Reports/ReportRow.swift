/// A row of a report: the cell of each field, so a writer can stream rows it never holds together.
public protocol ReportRow<Field> {
    associatedtype Field: ReportField
    func cell(_ field: Field) -> Cell
}
