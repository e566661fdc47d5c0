/// The four row-heavy CSV reports, written side by side in one pass over the connections.
final class ExportCSVTables {
    private let employees: (file: AtomicFile, writer: CSVTableWriter<EmployeesField>)
    private let payments: (file: AtomicFile, writer: CSVTableWriter<PaymentsField>)
    private let statements: (file: AtomicFile, writer: CSVTableWriter<PayStatementsField>)
    private let lines: (file: AtomicFile, writer: CSVTableWriter<PayStatementLinesField>)

    init(folder: OutputFolder, templates: ReportTemplates, profile: CSVProfile) throws {
        func open<F>(_ template: ReportTemplate<F>) throws -> (AtomicFile, CSVTableWriter<F>) {
            let file = try folder.create(template.file ?? "\(F.reportName).csv")
            return (file, try CSVTableWriter(template: template, profile: profile, sink: file))
        }
        employees = try open(templates.employees)
        payments = try open(templates.payments)
        statements = try open(templates.payStatements)
        lines = try open(templates.payStatementLines)
    }

    func append(_ report: ConnectionReport) throws {
        for row in report.employees { try employees.writer.append(row) }
        for row in report.payments { try payments.writer.append(row) }
        for row in report.statements { try statements.writer.append(row) }
        for row in report.lines { try lines.writer.append(row) }
    }

    /// Finishes every file and renames it into place.
    func finish() throws -> [WrittenFile] {
        [
            try employees.file.commit(rows: try employees.writer.finish()),
            try payments.file.commit(rows: try payments.writer.finish()),
            try statements.file.commit(rows: try statements.writer.finish()),
            try lines.file.commit(rows: try lines.writer.finish()),
        ]
    }

    deinit {
        for file in [employees.file, payments.file, statements.file, lines.file] { file.abandon() }
    }
}
