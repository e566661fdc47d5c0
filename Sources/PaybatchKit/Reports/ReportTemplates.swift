import Foundation

/// Every report's template: the embedded defaults, each replaced by a file of the same name in
/// `--templates DIR` when there is one.
public struct ReportTemplates: Sendable, Equatable {
    public var connections: ReportTemplate<ConnectionsField>
    public var employees: ReportTemplate<EmployeesField>
    public var payments: ReportTemplate<PaymentsField>
    public var payStatements: ReportTemplate<PayStatementsField>
    public var payStatementLines: ReportTemplate<PayStatementLinesField>
    public var dataQuality: ReportTemplate<DataQualityField>
    /// `--include benefits` only.
    public var benefits: ReportTemplate<BenefitsField>
    public var benefitEnrollments: ReportTemplate<BenefitEnrollmentsField>
    public var reconciliationCompanies: ReportTemplate<ReconciliationCompaniesField>
    public var reconciliationConnections: ReportTemplate<ReconciliationConnectionsField>

    /// The template file names paybatch knows, in report order.
    public static let fileNames: [String] = [
        ReportTemplate<ConnectionsField>.fileName, ReportTemplate<EmployeesField>.fileName,
        ReportTemplate<PaymentsField>.fileName, ReportTemplate<PayStatementsField>.fileName,
        ReportTemplate<PayStatementLinesField>.fileName, ReportTemplate<BenefitsField>.fileName,
        ReportTemplate<BenefitEnrollmentsField>.fileName, ReportTemplate<DataQualityField>.fileName,
        ReportTemplate<ReconciliationCompaniesField>.fileName,
        ReportTemplate<ReconciliationConnectionsField>.fileName,
    ]

    /// The embedded defaults.
    public static var defaults: ReportTemplates {
        // Cannot fail: loading without a folder reads only the embedded, tested texts.
        try! load(overridesIn: nil)
    }

    /// Loads the defaults, overridden by the `*.json` files of `directory`. A file there whose name
    /// is not a report's is an error (it is probably misspelt), as is any bad template (exit 65).
    public static func load(overridesIn directory: String?) throws(TemplateFailure) -> ReportTemplates {
        var overrides: [String: (text: String, path: String)] = [:]
        if let directory {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory)
            } catch {
                throw TemplateFailure(
                    file: directory, line: nil,
                    problem: "the templates folder cannot be read (\(error.localizedDescription))")
            }
            for name in names.sorted() where name.hasSuffix(".json") {
                let path = (directory as NSString).appendingPathComponent(name)
                guard fileNames.contains(name) else {
                    throw TemplateFailure(
                        file: path, line: nil, problem: "no report is called \(name)",
                        suggestion: EditDistance.nearest(to: name, in: fileNames))
                }
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else { throw TemplateFailure(file: path, line: nil, problem: "cannot be read as UTF-8 text") }
                overrides[name] = (text, path)
            }
        }
        var layouts: [TemplateLayout] = []
        func one<F: ReportField>(_: F.Type, export: Bool = true) throws(TemplateFailure) -> ReportTemplate<F>
        {
            let name = ReportTemplate<F>.fileName
            let path = overrides[name]?.path ?? "(embedded) \(name)"
            let template = try ReportTemplate<F>.parse(
                overrides[name]?.text ?? ReportTemplate<F>.embeddedText, file: path)
            layouts.append(
                TemplateLayout(path: path, sheet: template.sheet, file: template.file, export: export))
            return template
        }
        let templates = ReportTemplates(
            connections: try one(ConnectionsField.self), employees: try one(EmployeesField.self),
            payments: try one(PaymentsField.self), payStatements: try one(PayStatementsField.self),
            payStatementLines: try one(PayStatementLinesField.self),
            dataQuality: try one(DataQualityField.self),
            benefits: try one(BenefitsField.self), benefitEnrollments: try one(BenefitEnrollmentsField.self),
            reconciliationCompanies: try one(ReconciliationCompaniesField.self, export: false),
            reconciliationConnections: try one(ReconciliationConnectionsField.self, export: false))
        try TemplateLayout.checkNames(layouts)
        return templates
    }
}
