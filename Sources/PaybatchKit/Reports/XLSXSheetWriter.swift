import CXLSXWriter

/// Writes rows into one worksheet in constant-memory mode (rows strictly in order), tracking each
/// column's widest content so the widths can be fitted when the sheet is finished.
final class XLSXSheetWriter {
    let name: String
    private let worksheet: UnsafeMutablePointer<lxw_worksheet>
    private let formats: XLSXFormats
    private let path: String
    private(set) var nextRow: UInt32 = 0
    private var widths: [Int] = []
    /// Excel's limit on the characters of one cell, which it counts in UTF-16 units; longer text
    /// is cut (and counted).
    static let maxCellCharacters = 32_767
    private(set) var truncatedCells = 0

    init(
        workbook: UnsafeMutablePointer<lxw_workbook>, name: String, formats: XLSXFormats, path: String
    )
        throws(XLSXFailure)
    {
        let valid = workbook_validate_sheet_name(workbook, name)
        guard valid == LXW_NO_ERROR else {
            throw XLSXFailure(path: path, operation: "add sheet \"\(name)\"", error: valid)
        }
        // With a valid name, the only way to fail is the sheet's temporary file (constant memory).
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            throw XLSXFailure(
                path: path, operation: "add sheet \"\(name)\"", error: LXW_ERROR_CREATING_TMPFILE)
        }
        self.name = name
        self.worksheet = sheet
        self.formats = formats
        self.path = path
        try setPrintLayout()
    }

    /// "Print to PDF" gives a readable report, not hundreds of pages: landscape, every column on
    /// one page's width (as many pages down as needed), and the first row — a table's header, a
    /// free sheet's title — repeated on each page.
    private func setPrintLayout() throws(XLSXFailure) {
        worksheet_set_landscape(worksheet)
        worksheet_fit_to_pages(worksheet, 1, 0)
        try check(worksheet_repeat_rows(worksheet, 0, 0), "repeat the header row on printed pages")
    }

    /// Writes one row: each cell as its own type, or as a string when `asText[i]`. A section
    /// title passes `fitsWidth: false`: it may overflow into the empty cells beside it.
    func writeRow(
        _ cells: (Int) -> Cell, count: Int, asText: [Bool]? = nil, bold: Bool = false,
        formats columnFormats: [XLSXFormats.Format?]? = nil, fitsWidth: Bool = true, spillsLast: Bool = false
    ) throws(XLSXFailure) {
        if widths.count < count { widths += Array(repeating: 0, count: count - widths.count) }
        for column in 0..<count {
            let cell = cells(column)
            let text = asText?[column] ?? false
            let format = bold ? formats.bold : (columnFormats?[column] ?? formats.format(for: cell))
            let width = try write(cell, column: UInt16(column), asText: text, format: format)
            // A spilling last cell runs on over the empty cells to its right instead of widening its column.
            let fits = fitsWidth && !(spillsLast && column == count - 1)
            if fits, width > widths[column] { widths[column] = width }
        }
        nextRow += 1
    }

    private func write(
        _ cell: Cell, column: UInt16, asText: Bool, format: XLSXFormats.Format?
    ) throws(XLSXFailure)
        -> Int
    {
        let row = nextRow
        let error: lxw_error
        var width: Int
        switch (cell, asText) {
        case (.empty, _): return 0
        case (.text(let s), _): return try writeString(s, column: column, format: format)
        case (_, true): return try writeString(cell.plainText, column: column, format: format)
        case (.money(let c), _):
            error = worksheet_write_number(worksheet, row, column, Double(c.value) / 100, format)
            // As `#,##0.00` shows it: sign, digits with a comma every three, two decimals.
            let digits = Self.digitCount(c.value.magnitude / 100)
            width = (c.value < 0 ? 1 : 0) + digits + (digits - 1) / 3 + 3
        case (.date(let d), _):
            // Serials are wrong before 1900-03-01 (SPEC §8 `date_before_1900`, noted when
            // normalizing): such a date is ISO text.
            guard d >= CalendarDate.firstExcelDate else {
                return try writeString(d.description, column: column, format: format)
            }
            error = worksheet_write_number(worksheet, row, column, Double(d.daysSinceEpoch + 25_569), format)
            width = 10
        case (.datetime(let t), _):
            let (day, second) = t.dayAndSecond
            guard day >= Int64(CalendarDate.firstExcelDate.daysSinceEpoch) else {
                return try writeString(t.description, column: column, format: format)
            }
            let serial = Double(day + 25_569) + Double(second) / 86_400
            error = worksheet_write_number(worksheet, row, column, serial, format)
            width = 20
        case (.integer(let n), _):
            error = worksheet_write_number(worksheet, row, column, Double(n), format)
            width = (n < 0 ? 1 : 0) + Self.digitCount(n.magnitude)
        case (.decimal(let s), _):
            guard let d = Double(s) else { return try writeString(s, column: column, format: format) }
            error = worksheet_write_number(worksheet, row, column, d, format)
            width = s.utf8.count
        case (.percent(let tenths), _):
            error = worksheet_write_number(worksheet, row, column, Double(tenths) / 10, format)
            width = (tenths < 0 ? 1 : 0) + Self.digitCount(tenths.magnitude / 10) + 2
        case (.boolean(let b), _):
            error = worksheet_write_boolean(worksheet, row, column, b ? 1 : 0, format)
            width = 5
        }
        try check(error, "write row \(row + 1), column \(column + 1)")
        return width
    }

    private func writeString(
        _ text: String, column: UInt16, format: XLSXFormats.Format?
    ) throws(XLSXFailure)
        -> Int
    {
        var text = text
        var width = text.utf8.count
        // UTF-16 units ≤ UTF-8 bytes: counting units only matters when the bytes could be too many.
        if width > Self.maxCellCharacters, text.utf16.count > Self.maxCellCharacters {
            text = Self.prefix(text, utf16Units: Self.maxCellCharacters)
            truncatedCells += 1
        }
        if width > widths[Int(column)] { width = text.unicodeScalars.count }
        let error = worksheet_write_string(worksheet, nextRow, column, text, format)
        try check(error, "write row \(nextRow + 1), column \(column + 1)")
        return width
    }

    /// The longest prefix of `text` within `limit` UTF-16 units (fewer than it has) that ends
    /// between scalars: a cut between the two halves of a surrogate pair steps back before the pair.
    static func prefix(_ text: String, utf16Units limit: Int) -> String {
        var end = text.utf16.index(text.utf16.startIndex, offsetBy: limit)
        if UTF16.isTrailSurrogate(text.utf16[end]) { end = text.utf16.index(before: end) }
        return String(String.UnicodeScalarView(text.unicodeScalars[..<end]))
    }

    /// Freezes the pane below the first row.
    func freezeHeader() { worksheet_freeze_panes(worksheet, 1, 0) }

    /// Fits the widths (or uses fixed ones), and for a table sets the autofilter over the used
    /// range and ignores "number stored as text" on the id columns. libxlsxwriter keeps column
    /// options apart from the streamed rows, so this works after the rows in constant-memory mode.
    func finish(fixedWidths: [Double?] = [], table: Bool, idColumns: [Int] = []) throws(XLSXFailure) {
        for (column, content) in widths.enumerated() {
            let fixed = column < fixedWidths.count ? fixedWidths[column] : nil
            let width = fixed ?? Double(min(max(content, 4), 80) + 2)
            try check(
                worksheet_set_column(worksheet, UInt16(column), UInt16(column), width, nil),
                "set column width")
        }
        guard table, nextRow > 0, !widths.isEmpty else { return }
        let lastRow = nextRow - 1
        try check(worksheet_autofilter(worksheet, 0, 0, lastRow, UInt16(widths.count - 1)), "set autofilter")
        if !idColumns.isEmpty {
            let ranges = idColumns.map { "\(Self.columnName($0))1:\(Self.columnName($0))\(lastRow + 1)" }
            try check(
                worksheet_ignore_errors(
                    worksheet, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), ranges.joined(separator: " ")
                ),
                "ignore number-stored-as-text")
        }
    }

    /// The decimal digits of `n`, without making a string (this runs for every numeric cell).
    static func digitCount(_ n: UInt64) -> Int {
        var n = n
        var count = 1
        while n >= 10 {
            n /= 10
            count += 1
        }
        return count
    }

    /// `A`, `B`, … `Z`, `AA`…: a 0-based column's letters.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// The operation is an autoclosure: its text is built only on failure, not for every cell.
    private func check(_ error: lxw_error, _ operation: @autoclosure () -> String) throws(XLSXFailure) {
        guard error == LXW_NO_ERROR else {
            throw XLSXFailure(path: path, operation: "\(operation()) of \(name)", error: error)
        }
    }
}
