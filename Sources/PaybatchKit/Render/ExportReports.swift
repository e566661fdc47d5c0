/// The registry: every report an export writes, in SPEC §8's order (the CSV files' and the
/// workbook's sheets' between the Summary and Run Info).
enum ExportReports {
    static let nullProfileSheet = "Null Profile"

    /// `includeBenefits`: benefits.csv and benefit_enrollments.csv after the pay statement lines
    /// (SPEC §8's sheet order), and a `message` column at the end of data_quality, which says
    /// what each benefit finding found and the configuration's date; without it the registry is
    /// what it always was, so an export without benefits writes the same bytes.
    static func all(_ templates: ReportTemplates, includeBenefits: Bool = false) -> [any ExportReport] {
        var templates = templates
        if includeBenefits, !templates.dataQuality.columns.contains(where: { $0.field == .message }) {
            templates.dataQuality.columns.append(TemplateColumn(field: .message, type: .text))
        }
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
        ]
            + (includeBenefits
                ? [
                    CarriedReport(templates.benefits) { $0.benefits },
                    CarriedReport(templates.benefitEnrollments) { $0.enrollments },
                ] : [])
            + [dataQuality]
    }
}
