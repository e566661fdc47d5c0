import CXLSXWriter

/// One report table in a workbook: bold header, frozen pane, autofilter, fitted widths, ids as
/// text with Excel's warning off; past the row limit it continues on `Name (2)`, `Name (3)`…
public final class XLSXTableSheet<Field: ReportField> {
    let template: ReportTemplate<Field>
    private unowned let workbook: XLSXWorkbook
    private var sheet: XLSXSheetWriter
    private var part = 1
    private let fields: [Field]
    private let asText: [Bool]
    private let columnFormats: [XLSXFormats.Format?]
    private let idColumns: [Int]
    private var finished = false
    /// Data rows written, over all its parts.
    public private(set) var rows = 0

    init(template: ReportTemplate<Field>, workbook: XLSXWorkbook) throws {
        self.template = template
        self.workbook = workbook
        fields = template.columns.map(\.field)
        asText = template.columns.map(\.type.isTextual)
        columnFormats = template.columns.map { column in
            column.format.map { workbook.formats.numberFormat($0) }
        }
        idColumns = template.columns.indices.filter { template.columns[$0].type == .id }
        sheet = try workbook.makeSheet(named: template.sheet)
        try startPart()
    }

    private func startPart() throws(XLSXFailure) {
        let headers = template.columns.map(\.header)
        try sheet.writeRow({ .text(headers[$0]) }, count: headers.count, bold: true)
        sheet.freezeHeader()
    }

    /// Appends one row; `cell` gives the value of each field the template shows.
    public func append(_ cell: (Field) -> Cell) throws {
        try appendColumns { cell(fields[$0]) }
    }

    /// Appends one row; `cell` gives the value of each template column by its position.
    public func appendColumns(_ cell: (Int) -> Cell) throws {
        if Int(sheet.nextRow) >= workbook.rowLimit {
            // `Name (2)` must come right after `Name`: a table with sheets after it cannot go on.
            guard workbook.isLastSheet(sheet.name) else { throw XLSXTableFull(sheet: sheet.name) }
            try finishPart()
            truncatedInEarlierParts += sheet.truncatedCells
            part += 1
            sheet = try workbook.makeSheet(named: "\(template.sheet) (\(part))")
            try startPart()
        }
        // Columns with a template format use it; the others take their cell's own format.
        let formats = columnFormats
        try sheet.writeRow(
            cell, count: fields.count, asText: asText,
            formats: formats.contains { $0 != nil } ? formats : nil)
        rows += 1
    }

    /// Appends one row.
    public func append<Row: ReportRow>(_ row: Row) throws where Row.Field == Field {
        try append { row.cell($0) }
    }

    /// Cells longer than Excel's 32,767 characters that were cut, over all parts so far.
    public var truncatedCells: Int { truncatedInEarlierParts + sheet.truncatedCells }
    private var truncatedInEarlierParts = 0

    private func finishPart() throws(XLSXFailure) {
        try sheet.finish(fixedWidths: template.columns.map(\.width), table: true, idColumns: idColumns)
    }

    /// Finishes the sheet; called by the workbook when the next sheet is added or on close.
    func finish() throws {
        guard !finished else { return }
        finished = true
        try finishPart()
    }
}
