/// A table writer that takes a row as the cell of each template column by position: a CSV file's
/// or a workbook sheet's.
protocol ColumnSink {
    func appendColumns(_ cell: (Int) -> Cell) throws
}

extension CSVTableWriter: ColumnSink {}
extension XLSXTableSheet: ColumnSink {}
