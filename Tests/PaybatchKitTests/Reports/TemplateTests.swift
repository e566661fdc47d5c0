import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

@Suite("Report templates")
struct TemplateTests {
    @Test("every embedded template equals its file under Templates/ byte for byte")
    func embeddedEqualsFiles() throws {
        let folder = RepoPaths.root.appendingPathComponent("Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(Set(files) == Set(EmbeddedTemplates.files.keys))
        #expect(Set(files) == Set(ReportTemplates.fileNames))
        for name in files {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(
                Data(EmbeddedTemplates.files[name, default: ""].utf8) == onDisk,
                "\(name) differs from its embedded copy: run sh Templates/embed.sh")
        }
    }

    @Test("the default templates give SPEC §4's columns in order, as the catalogue defines them")
    func defaultsFollowTheCatalogue() {
        let t = ReportTemplates.defaults
        func names<F>(_ template: ReportTemplate<F>) -> [String] { template.columns.map(\.header) }
        #expect(names(t.connections) == ConnectionsField.allCases.map(\.rawValue))
        #expect(names(t.employees) == EmployeesField.allCases.map(\.rawValue))
        #expect(names(t.payments) == PaymentsField.allCases.map(\.rawValue))
        #expect(names(t.payStatements) == PayStatementsField.allCases.map(\.rawValue))
        #expect(names(t.payStatementLines) == PayStatementLinesField.allCases.map(\.rawValue))
        // `message` is added by an export with --include benefits, not by the default template.
        #expect(names(t.dataQuality) == DataQualityField.allCases.filter { $0 != .message }.map(\.rawValue))
        #expect(names(t.benefits) == BenefitsField.allCases.map(\.rawValue))
        #expect(names(t.benefitEnrollments) == BenefitEnrollmentsField.allCases.map(\.rawValue))
        #expect(names(t.reconciliationCompanies) == ReconciliationCompaniesField.allCases.map(\.rawValue))
        #expect(names(t.reconciliationConnections) == ReconciliationConnectionsField.allCases.map(\.rawValue))
        #expect(
            names(t.payments) == [
                "customer_id", "customer_name", "company_id", "connection_id", "entity_id", "entity_name",
                "provider_id", "payment_id",
                "pay_date",
                "debit_date",
                "period_start", "period_end", "currency", "gross_pay", "net_pay", "employer_taxes",
                "employee_taxes",
                "company_debit", "individual_count", "pay_frequencies", "pay_statements_status",
            ])
        #expect(t.payments.columns.allSatisfy { $0.type == $0.field.type })
        #expect(t.employees.sheet == "Employees" && t.employees.file == "employees.csv")
        #expect(t.payStatementLines.sheet == "Pay Statement Lines")
        #expect(t.reconciliationCompanies.file == "reconciliation.csv")
        #expect(t.reconciliationConnections.file == nil)
    }

    @Test("Templates/README.md lists every field of every report")
    func catalogueDocumentsEveryField() throws {
        let readme = try String(
            contentsOf: RepoPaths.root.appendingPathComponent("Templates/README.md"), encoding: .utf8)
        func check<F: ReportField>(_: F.Type) {
            for field in F.allCases {
                #expect(
                    readme.contains("| `\(field.rawValue)` | \(field.type.rawValue) |"),
                    "\(F.reportName).\(field.rawValue)")
            }
        }
        check(ConnectionsField.self)
        check(EmployeesField.self)
        check(PaymentsField.self)
        check(PayStatementsField.self)
        check(PayStatementLinesField.self)
        check(DataQualityField.self)
        check(BenefitsField.self)
        check(BenefitEnrollmentsField.self)
        check(ReconciliationCompaniesField.self)
        check(ReconciliationConnectionsField.self)
    }

    @Test("a template may reorder, relabel, retype as text and size columns")
    func customTemplate() throws {
        let text = """
            {
              "sheet": "Pay",
              "file": "pay.csv",
              "columns": [
                {"field": "gross_pay", "header": "Gross", "format": "0.00", "width": 12},
                {"field": "payment_id", "header": "Payment"},
                {"field": "net_pay", "type": "text"}
              ]
            }
            """
        let t = try ReportTemplate<PaymentsField>.parse(text, file: "pay.json")
        #expect(t.columns.map(\.field) == [.grossPay, .paymentID, .netPay])
        #expect(t.columns.map(\.header) == ["Gross", "Payment", "net_pay"])
        #expect(t.columns.map(\.type) == [.money, .id, .text])
        #expect(t.columns[0].format == "0.00" && t.columns[0].width == 12)
    }

    @Test(
        "a bad template is exit 65 naming the file, the line and the nearest name",
        arguments: [
            (
                "{\n  \"sheet\": \"P\",\n  \"columns\": [\n    {\"field\": \"gross_pay\"},\n    {\"field\": \"gros_pay\"}\n  ]\n}",
                5, "gross_pay"
            ),
            (
                "{\n  \"sheet\": \"P\",\n  \"columns\": [\n    {\"field\": \"net_pay\",\n     \"type\": \"mony\"}\n  ]\n}",
                5, "money"
            ),
            ("{\n  \"sheet\": \"P\",\n  \"colums\": []\n}", 3, "columns"),
            (
                "{\n  \"sheet\": \"P\",\n  \"columns\": [\n    {\"field\": \"net_pay\", \"widht\": 3}\n  ]\n}",
                4, "width"
            ),
        ])
    func badTemplate(text: String, line: Int, suggestion: String) {
        #expect {
            try ReportTemplate<PaymentsField>.parse(text, file: "custom/payments.json")
        } throws: { error in
            guard let f = error as? TemplateFailure else { return false }
            return f.exitStatus == .dataError && f.line == line && f.suggestion == suggestion
                && f.message.hasPrefix("custom/payments.json, line \(line):")
                && f.description.contains("Did you mean \"\(suggestion)\"?")
        }
    }

    @Test("bad JSON and a type a field cannot take name their line")
    func badJSONAndWrongType() {
        let badJSON =
            "{\n  \"sheet\": \"P\",\n  \"columns\": [\n    {\"field\": \"net_pay\"}\n    {\"field\": \"gross_pay\"}\n  ]\n}"
        #expect(throws: TemplateFailure.self) {
            try ReportTemplate<PaymentsField>.parse(badJSON, file: "p.json")
        }
        do {
            _ = try ReportTemplate<PaymentsField>.parse(badJSON, file: "p.json")
        } catch {
            #expect(error.line == 5)
            #expect(error.message.contains("not valid JSON"))
        }
        let wrongType = "{\"sheet\": \"P\",\n\"columns\": [{\"field\": \"payment_id\", \"type\": \"money\"}]}"
        do {
            _ = try ReportTemplate<PaymentsField>.parse(wrongType, file: "p.json")
            Issue.record("an id shown as money was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.problem.contains("cannot be shown as money"))
        }
    }

    @Test("--templates DIR overrides one report and refuses an unknown file name")
    func overridesFolder() throws {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeEmployees(
            #"{"sheet": "Leute", "file": "people.csv", "columns": [{"field": "last_name"}]}"#, in: folder)
        try "ignored".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        let t = try ReportTemplates.load(overridesIn: folder)
        #expect(t.employees.sheet == "Leute" && t.employees.columns.map(\.field) == [.lastName])
        #expect(t.payments == ReportTemplates.defaults.payments)
        try "{}".write(toFile: folder + "/employes.json", atomically: true, encoding: .utf8)
        let error = try #require(loadFailure(folder), "a misspelt template file was accepted")
        #expect(error.suggestion == "employees.json" && error.exitStatus == .dataError)
    }

    private func writeEmployees(_ json: String, in folder: String) throws {
        try json.write(toFile: folder + "/employees.json", atomically: true, encoding: .utf8)
    }

    private func loadFailure(_ folder: String) -> TemplateFailure? {
        do {
            _ = try ReportTemplates.load(overridesIn: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test("templates that clash on a sheet or file name are refused, naming the file")
    func clashingNames() throws {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeEmployees(
            #"{"sheet": "payments", "file": "x.csv", "columns": [{"field": "last_name"}]}"#, in: folder)
        let error = try #require(loadFailure(folder), "two sheets named Payments were accepted")
        #expect(error.file == folder + "/employees.json")
        #expect(error.problem.contains("also used by (embedded) payments.json"))
        try writeEmployees(#"{"sheet": "Run info", "columns": [{"field": "last_name"}]}"#, in: folder)
        #expect(throws: TemplateFailure.self) { try ReportTemplates.load(overridesIn: folder) }
        try writeEmployees(
            #"{"sheet": "E", "file": "reconciliation.csv", "columns": [{"field": "last_name"}]}"#, in: folder)
        #expect(throws: TemplateFailure.self) { try ReportTemplates.load(overridesIn: folder) }
    }
}
