/// A row-heavy report whose rows wait in the spool's table of its name (`Field.reportName`) from
/// normalizing to writing: employees, payments, pay statements and their lines.
struct SpooledReport<Field: ReportField>: ExportReport {
    let template: ReportTemplate<Field>

    var fileName: String { template.file ?? "\(Field.reportName).csv" }

    func csvTable(_ sink: any ByteSink, profile: CSVProfile) throws -> any CSVReportTable {
        Table(template: template, sink: try CSVTableWriter(template: template, profile: profile, sink: sink))
    }

    func sheets(in workbook: XLSXWorkbook) throws -> [any ReportTable] {
        [Table(template: template, sink: try workbook.addTable(template))]
    }

    var isSpooled: Bool { true }

    func spooledRows(in spool: ReportSpool.Reader) throws -> Int? { try spool.count(Field.self) }

    fileprivate struct Table<Sink: ColumnSink>: ReportTable {
        let template: ReportTemplate<Field>
        let sink: Sink

        func append(
            _ connections: ArraySlice<RenderedConnection>, at range: Range<Int>, from spool: some SpoolRows
        ) throws {
            try spool.forEach(template: template, connections: range) { try sink.appendColumns($0) }
        }
    }
}

extension SpooledReport.Table: CSVReportTable where Sink == CSVTableWriter<Field> {
    func finish() throws -> Int { try sink.finish() }
}
