/// Writes a reconciliation into its period folder (`out/YYYY-MM/`) through the report writers:
/// `reconciliation-YYYY-MM.xlsx` (Summary, Companies, Connections, Inputs), `reconciliation.csv`
/// (the Companies sheet) and `reconciliation.json`. The CSV and JSON hold no time, so the same
/// inputs give the same bytes.
public struct ReconciliationWriter {
    public var companies: ReportTemplate<ReconciliationCompaniesField>
    public var connections: ReportTemplate<ReconciliationConnectionsField>
    public var csvProfile: CSVProfile
    public var toolVersion: String

    public init(
        templates: ReportTemplates = .defaults, csvProfile: CSVProfile = .excel,
        toolVersion: String = PaybatchVersion.current
    ) {
        companies = templates.reconciliationCompanies
        connections = templates.reconciliationConnections
        self.csvProfile = csvProfile
        self.toolVersion = toolVersion
    }

    /// The workbook's name for `period`.
    public static func workbookName(_ period: Period) -> String { "reconciliation-\(period).xlsx" }

    /// Writes the three files and returns them in the order written.
    public func write(
        _ r: Reconciliation, inputs: [ReconcileInputFile], roster: RosterSource, to folder: OutputFolder
    ) throws -> [WrittenFile] {
        let csv = try folder.writeCSV(
            companies, profile: csvProfile, rows: r.companies,
            fileName: companies.file ?? "reconciliation.csv")
        let json = try folder.create("reconciliation.json")
        let text = ReconciliationJSON.document(r, inputs: inputs, roster: roster)
        try Array(text.utf8).withUnsafeBytes { try json.write($0) }
        let jsonFile = try json.commit(rows: r.companies.count)
        let workbook = try folder.writeWorkbook(
            Self.workbookName(r.period),
            properties: .reconciliation(period: r.period, toolVersion: toolVersion)
        ) { book in
            try book.addFreeSheet(ReconciliationSheets.summary(r))
            let companySheet = try book.addTable(companies)
            for row in r.companies { try companySheet.append(row) }
            let connectionSheet = try book.addTable(connections)
            for row in r.connections { try connectionSheet.append(row) }
            try book.addFreeSheet(
                ReconciliationSheets.inputs(r, files: inputs, roster: roster, toolVersion: toolVersion))
        }
        return [workbook, csv, jsonFile]
    }
}
