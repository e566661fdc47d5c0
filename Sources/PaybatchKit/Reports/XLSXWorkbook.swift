import CXLSXWriter
import Foundation

/// A workbook written by libxlsxwriter in constant-memory mode: sheets are added in the order they
/// appear and each is written top to bottom, so memory stays flat whatever the row count. Several
/// sheets may be open at once (each has its own temporary file); a table continues on a sheet of
/// its own past the row limit only while it is the last sheet.
/// Not Sendable: one workbook belongs to one task at a time.
public final class XLSXWorkbook {
    /// Excel's rows per sheet, header included.
    public static let excelRowLimit = 1_048_576

    let path: String
    let rowLimit: Int
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    let formats: XLSXFormats
    /// C strings libxlsxwriter keeps pointers to until the workbook is closed.
    private var ownedStrings: [UnsafeMutablePointer<CChar>] = []
    /// Finishes the tables still open (widths, filters), at close.
    private var openTables: [() throws -> Void] = []
    /// Each table's data rows so far.
    private var tableRows: [() -> Int] = []
    /// Data rows of every table sheet so far (free sheets are not counted).
    public var dataRows: Int { tableRows.reduce(0) { $0 + $1() } }
    /// Sheet names in order, spills included.
    public private(set) var sheetNames: [String] = []

    /// Opens a workbook that will be written to `path` on `close()`; libxlsxwriter's temporary
    /// files go to `temporaryFolder` (else the system's). `rowLimit` is injectable for tests.
    public init(
        path: String, properties: WorkbookProperties, temporaryFolder: String? = nil,
        rowLimit: Int = XLSXWorkbook.excelRowLimit
    ) throws(XLSXFailure) {
        self.path = path
        self.rowLimit = max(2, min(rowLimit, Self.excelRowLimit))
        var options = lxw_workbook_options()
        options.constant_memory = 1
        if let temporaryFolder {
            let owned = strdup(temporaryFolder)!
            ownedStrings.append(owned)
            options.tmpdir = owned
        }
        guard let workbook = workbook_new_opt(path, &options) else {
            for s in ownedStrings { free(s) }
            throw XLSXFailure(path: path, operation: "create", error: LXW_ERROR_MEMORY_MALLOC_FAILED)
        }
        self.workbook = workbook
        formats = XLSXFormats(workbook: workbook)
        var props = lxw_doc_properties()
        props.title = own(properties.title)
        props.subject = own(properties.subject)
        props.comments = own(properties.comments)
        props.author = own(properties.author)
        // A fixed time keeps docProps/core.xml stable; 0 asks libxlsxwriter for the current time.
        props.created = properties.created.map { time_t($0.timeIntervalSince1970) } ?? 0
        let error = workbook_set_properties(workbook, &props)
        guard error == LXW_NO_ERROR else {
            discard()
            throw XLSXFailure(path: path, operation: "set document properties", error: error)
        }
    }

    deinit { discard() }

    private func own(_ text: String) -> UnsafeMutablePointer<CChar> {
        let owned = strdup(text)!
        ownedStrings.append(owned)
        return owned
    }

    /// Adds a sheet for a report table; append its rows, until close.
    public func addTable<Field: ReportField>(
        _ template: ReportTemplate<Field>
    ) throws -> XLSXTableSheet<Field> {
        let sheet = try XLSXTableSheet(template: template, workbook: self)
        openTables.append { try sheet.finish() }
        tableRows.append { sheet.rows }
        return sheet
    }

    /// After this, distinct table sheets may take rows on distinct threads: libxlsxwriter's
    /// worksheets share nothing but the formats, whose style numbers are given here, once, instead
    /// of at their first use. Only the last sheet may then go past the row limit (a new sheet
    /// changes the workbook), and no sheet may be added meanwhile.
    public func prepareForConcurrentTables() { formats.numberAll() }

    /// Adds and writes a whole free-form sheet (Summary, Run Info…).
    public func addFreeSheet(_ sheet: FreeSheet) throws {
        try reserveFreeSheet(named: sheet.name).write(sheet)
    }

    /// Adds a free-form sheet here, to be written later (a Summary first, once what it sums is known).
    public func reserveFreeSheet(named name: String) throws -> XLSXFreeSheet {
        XLSXFreeSheet(writer: try makeSheet(named: name))
    }

    /// Whether `name` is the last sheet so far (a table may continue on a new sheet only then).
    func isLastSheet(_ name: String) -> Bool { sheetNames.last == name }
}

extension XLSXWorkbook {
    func makeSheet(named name: String) throws(XLSXFailure) -> XLSXSheetWriter {
        guard let workbook else {
            throw XLSXFailure(
                path: path, operation: "add a sheet after close", error: LXW_ERROR_PARAMETER_VALIDATION)
        }
        let sheet = try XLSXSheetWriter(workbook: workbook, name: name, formats: formats, path: path)
        sheetNames.append(name)
        return sheet
    }

    /// Finishes the open tables and writes the file.
    public func close() throws {
        let tables = openTables
        openTables = []
        for finish in tables { try finish() }
        guard let workbook else { return }
        self.workbook = nil
        let error = workbook_close(workbook)
        for s in ownedStrings { free(s) }
        ownedStrings = []
        guard error == LXW_NO_ERROR else { throw XLSXFailure(path: path, operation: "close", error: error) }
    }

    /// Frees everything without a usable file (after a failure; the caller removes the file).
    public func discard() {
        openTables = []
        if let workbook {
            self.workbook = nil
            // libxlsxwriter has no abort: closing is the only way to free it; its result is moot.
            _ = workbook_close(workbook)
        }
        for s in ownedStrings { free(s) }
        ownedStrings = []
    }
}
