/// The registry: every report an export writes, in SPEC §8's order (the CSV files' and the
/// workbook's sheets' between the Summary and Run Info).
enum ExportReports {
    static let nullProfileSheet = "Null Profile"

    static func all(_ templates: ReportTemplates) -> [any ExportReport] {
        // data_quality.csv is one file; the workbook puts its findings (failed checks, data notes,
        // period changes) first, on the template's sheet (`Findings`), and the null profile — most
        // of its rows, rarely read — apart, on `Null Profile`, with the same columns (SPEC §8).
        var dataQuality = CarriedReport(templates.dataQuality) { $0.quality }
        var nullProfile = templates.dataQuality
        nullProfile.sheet = nullProfileSheet
        dataQuality.sheets = [
            .init(template: templates.dataQuality, keeps: \.isFinding),
            .init(template: nullProfile, keeps: { !$0.isFinding }),
        ]
        return [
            CarriedReport(templates.connections) { [$0.outcome] },
            SpooledReport(template: templates.employees),
            SpooledReport(template: templates.payments),
            SpooledReport(template: templates.payStatements),
            SpooledReport(template: templates.payStatementLines),
            dataQuality,
        ]
    }
}
