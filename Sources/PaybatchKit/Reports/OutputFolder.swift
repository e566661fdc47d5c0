/// The folder a command writes its files into (`out/2026-10/`), created with the output mode;
/// every file goes in atomically.
public struct OutputFolder: Sendable {
    public let path: String
    public let mode: OutputMode
    let fileSystem: any OutputFileSystem

    /// Creates the folder and its parents when missing. A parent that is a regular file, or a
    /// folder that cannot be created, is an `OutputFailure` (exit 73) naming the path.
    public init(
        path: String, mode: OutputMode = .owner, fileSystem: any OutputFileSystem = PosixOutputFileSystem()
    ) throws(OutputFailure) {
        self.path = path
        self.mode = mode
        self.fileSystem = fileSystem
        do { try fileSystem.createFolder(path, mode: mode.folder) } catch { throw OutputFailure(error) }
    }

    /// Starts writing `name` under a temporary name; `commit` renames it into place.
    public func create(_ name: String) throws(OutputFailure) -> AtomicFile {
        try AtomicFile(name: name, folder: path, fileSystem: fileSystem, mode: mode.file)
    }

    /// Writes a whole CSV report from `rows` and renames it into place; nothing is left on failure.
    public func writeCSV<Field: ReportField, Rows: Sequence>(
        _ template: ReportTemplate<Field>, profile: CSVProfile, rows: Rows, fileName: String? = nil
    ) throws -> WrittenFile where Rows.Element: ReportRow<Field> {
        guard let name = fileName ?? template.file else {
            throw OutputFailure(path: path, reason: "the \(Field.reportName) template names no CSV file")
        }
        let file = try create(name)
        let writer = try CSVTableWriter(template: template, profile: profile, sink: file)
        for row in rows { try writer.append(row) }
        return try file.commit(rows: try writer.finish())
    }

    /// Writes a workbook through `body` and renames it into place; nothing is left on failure.
    /// libxlsxwriter's own temporary files go into this folder too (and are unlinked at once).
    public func writeWorkbook(
        _ name: String, properties: WorkbookProperties, rowLimit: Int = XLSXWorkbook.excelRowLimit,
        _ body: (XLSXWorkbook) throws -> Void
    ) throws -> WrittenFile {
        let (file, workbook) = try openWorkbook(name, properties: properties, rowLimit: rowLimit)
        return try commitWorkbook(file, workbook, written: Result { try body(workbook) })
    }

    /// Closes `workbook` and commits its file, once its sheets are `written`; when that or the
    /// closing failed, discards the workbook, then abandons the file, and throws the failure.
    func commitWorkbook(
        _ file: AtomicFile, _ workbook: XLSXWorkbook, written: Result<Void, any Error>
    ) throws -> WrittenFile {
        let sealed = try sealWorkbook(file, workbook, written: written)
        try file.publish()
        return sealed
    }

    /// `commitWorkbook` without the rename: the file waits under its temporary name (`AtomicFile.seal`).
    func sealWorkbook(
        _ file: AtomicFile, _ workbook: XLSXWorkbook, written: Result<Void, any Error>
    ) throws -> WrittenFile {
        do {
            try written.get()
            try workbook.close()
        } catch {
            workbook.discard()
            file.abandon()
            throw error
        }
        return try file.seal(rows: workbook.dataRows)
    }

    /// A workbook under a temporary name: close it, then commit the file (or discard it, then
    /// abandon the file, in that order: closing writes to the temporary path).
    func openWorkbook(
        _ name: String, properties: WorkbookProperties, rowLimit: Int = XLSXWorkbook.excelRowLimit
    ) throws -> (file: AtomicFile, workbook: XLSXWorkbook) {
        let file = try create(name)
        let workbook = try XLSXWorkbook(
            path: try file.releaseForExternalWriter(), properties: properties, temporaryFolder: path,
            rowLimit: rowLimit)
        return (file, workbook)
    }
}
