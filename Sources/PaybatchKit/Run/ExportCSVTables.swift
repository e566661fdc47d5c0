/// The four row-heavy CSV reports, each streamed from the spool in SPEC §8's order.
struct ExportCSVTables {
    let folder: OutputFolder
    let templates: ReportTemplates
    let profile: CSVProfile

    /// Writes every file and renames it into place.
    func write(from spool: RowSpool.Reader) throws -> [WrittenFile] {
        [
            try write(templates.employees, .employees, spool),
            try write(templates.payments, .payments, spool),
            try write(templates.payStatements, .payStatements, spool),
            try write(templates.payStatementLines, .payStatementLines, spool),
        ]
    }

    private func write<F: ReportField>(
        _ template: ReportTemplate<F>, _ report: RowSpool.Report, _ spool: RowSpool.Reader
    ) throws -> WrittenFile {
        let file = try folder.create(template.file ?? "\(F.reportName).csv")
        do {
            let writer = try CSVTableWriter(template: template, profile: profile, sink: file)
            try spool.forEach(report, template: template) { try writer.appendColumns($0) }
            return try file.commit(rows: try writer.finish())
        } catch {
            file.abandon()
            throw error
        }
    }
}
