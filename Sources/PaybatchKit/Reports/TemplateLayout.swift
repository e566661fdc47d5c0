/// Where a template puts its report (sheet and CSV file), to check that templates edited one by
/// one still fit together in one workbook and one folder.
struct TemplateLayout {
    var path: String
    var sheet: String
    var file: String?
    /// Whether the report belongs to the export (else to the reconciliation).
    var export: Bool

    /// Sheets paybatch writes itself beside the templates' ones.
    static let exportSheets = ["Summary", "Run Info"]
    static let reconciliationSheets = ["Summary", "Inputs"]

    /// Refuses two sheets or two files of the same name in one output (Excel compares sheet names
    /// without case), and an export file named like the reconciliation's, which exports never touch.
    static func checkNames(_ layouts: [TemplateLayout]) throws(TemplateFailure) {
        for export in [true, false] {
            var sheets: [String: String] = [:]
            for reserved in export ? exportSheets : reconciliationSheets {
                sheets[reserved.lowercased()] = "paybatch"
            }
            var files: [String: String] = [:]
            for layout in layouts where layout.export == export {
                if let other = sheets[layout.sheet.lowercased()] {
                    // Blame the user's file rather than an embedded default.
                    let (blamed, by) =
                        layout.path.hasPrefix("(embedded)") && other != "paybatch"
                        ? (other, layout.path) : (layout.path, other)
                    throw TemplateFailure(
                        file: blamed, line: nil,
                        problem: "sheet name \"\(layout.sheet)\" is also used by \(by); choose another")
                }
                sheets[layout.sheet.lowercased()] = layout.path
                guard let file = layout.file else { continue }
                if let other = files[file] {
                    throw TemplateFailure(
                        file: layout.path, line: nil,
                        problem: "file name \"\(file)\" is also used by \(other)")
                }
                if export && file.hasPrefix("reconciliation") {
                    throw TemplateFailure(
                        file: layout.path, line: nil,
                        problem:
                            "an export file may not be named \"\(file)\": reconciliation* files belong to reconcile"
                    )
                }
                files[file] = layout.path
            }
        }
    }
}
