/// The layout of one report: sheet name, CSV file name and columns in order, read from a JSON
/// template (Templates/README.md says how to write one).
public struct ReportTemplate<Field: ReportField>: Sendable, Equatable {
    /// The XLSX sheet name (at most 31 characters; a spill adds ` (2)`…).
    public var sheet: String
    /// The CSV file written for this report, when the report has one.
    public var file: String?
    public var columns: [TemplateColumn<Field>]

    public init(sheet: String, file: String?, columns: [TemplateColumn<Field>]) {
        self.sheet = sheet
        self.file = file
        self.columns = columns
    }

    /// The template file's name: `employees.json`.
    public static var fileName: String { "\(Field.reportName).json" }

    /// The default template embedded in the binary (the same bytes as `Templates/NAME.json`).
    public static var embedded: ReportTemplate {
        // The embedded text is tested to parse, so failing here is a build defect, not user input.
        try! parse(embeddedText, file: "(embedded) \(fileName)")
    }

    /// The embedded JSON text of the default template.
    public static var embeddedText: String { EmbeddedTemplates.files[fileName]! }

    /// Parses a template's JSON text; `file` names it in errors. Throws `TemplateFailure` (exit 65).
    public static func parse(_ text: String, file: String) throws(TemplateFailure) -> ReportTemplate {
        let root: PositionedJSON.Node
        do {
            root = try PositionedJSON.parse(text)
        } catch {
            throw TemplateFailure(
                file: file, line: error.position.line,
                problem: "not valid JSON at column \(error.position.column): \(error.message)")
        }
        return try TemplateReader<Field>(file: file).template(from: root)
    }
}
