/// A report whose rows each rendered connection carries (`RenderedConnection`): a few per
/// connection, so they are never spooled. One report may fill several sheets, each with the
/// rows it keeps: data quality puts its findings on one sheet and its null profile on another.
struct CarriedReport<Row: ReportRow & Sendable>: ExportReport {
    /// The report's template: its CSV file's, and its first sheet's.
    let template: ReportTemplate<Row.Field>
    /// A connection's rows of this report.
    let rows: @Sendable (RenderedConnection) -> [Row]
    /// The workbook's sheets, in order.
    var sheets: [Sheet]

    /// One sheet: its template (the sheet's name) and the rows it keeps.
    struct Sheet: Sendable {
        var template: ReportTemplate<Row.Field>
        var keeps: @Sendable (Row) -> Bool = { _ in true }
    }

    init(_ template: ReportTemplate<Row.Field>, rows: @escaping @Sendable (RenderedConnection) -> [Row]) {
        self.template = template
        self.rows = rows
        sheets = [Sheet(template: template)]
    }

    var fileName: String { template.file ?? "\(Row.Field.reportName).csv" }

    func csvTable(_ sink: any ByteSink, profile: CSVProfile) throws -> any CSVReportTable {
        Table(
            template: template, rows: rows, keeps: { _ in true },
            sink: try CSVTableWriter(template: template, profile: profile, sink: sink))
    }

    func sheets(in workbook: XLSXWorkbook) throws -> [any ReportTable] {
        try sheets.map { sheet in
            Table(
                template: sheet.template, rows: rows, keeps: sheet.keeps,
                sink: try workbook.addTable(sheet.template))
        }
    }

    var isSpooled: Bool { false }

    func spooledRows(in spool: ReportSpool.Reader) throws -> Int? { nil }

    fileprivate struct Table<Sink: ColumnSink>: ReportTable {
        let template: ReportTemplate<Row.Field>
        let rows: (RenderedConnection) -> [Row]
        let keeps: (Row) -> Bool
        let sink: Sink

        func append(
            _ connections: ArraySlice<RenderedConnection>, at range: Range<Int>, from spool: some SpoolRows
        ) throws {
            let fields = template.columns.map(\.field)
            for connection in connections {
                for row in rows(connection) where keeps(row) {
                    try sink.appendColumns { row.cell(fields[$0]) }
                }
            }
        }
    }
}

extension CarriedReport.Table: CSVReportTable where Sink == CSVTableWriter<Row.Field> {
    func finish() throws -> Int { try sink.finish() }
}
