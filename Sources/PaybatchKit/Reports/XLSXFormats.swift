import CXLSXWriter

/// The cell formats of one workbook, created once and shared by its sheets.
final class XLSXFormats {
    typealias Format = UnsafeMutablePointer<lxw_format>
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    let bold: Format
    let money: Format
    let date: Format
    let datetime: Format
    let percent: Format
    private var custom: [String: Format] = [:]

    static let moneyFormat = "#,##0.00"
    static let dateFormat = "yyyy-mm-dd"
    /// Shows a real datetime in the same ISO-8601 form as the CSV, `Z` included.
    static let datetimeFormat = "yyyy-mm-dd\"T\"hh:mm:ss\"Z\""
    static let percentFormat = "0.0"

    init(workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        func make(_ numberFormat: String?, bold: Bool = false) -> Format {
            let f = workbook_add_format(workbook)!
            if let numberFormat { format_set_num_format(f, numberFormat) }
            if bold { format_set_bold(f) }
            return f
        }
        bold = make(nil, bold: true)
        money = make(Self.moneyFormat)
        date = make(Self.dateFormat)
        datetime = make(Self.datetimeFormat)
        percent = make(Self.percentFormat)
    }

    /// A format for a template's own number format, made once per distinct text.
    func numberFormat(_ text: String) -> Format {
        if let f = custom[text] { return f }
        let f = workbook_add_format(workbook)!
        format_set_num_format(f, text)
        custom[text] = f
        return f
    }

    /// Gives every format its style number now (libxlsxwriter numbers a format at its first use,
    /// in a table the whole workbook shares): see `XLSXWorkbook.prepareForConcurrentTables`.
    func numberAll() {
        let all = [bold, money, date, datetime, percent] + custom.sorted { $0.key < $1.key }.map(\.value)
        for format in all { _ = lxw_format_get_xf_index(format) }
    }

    /// The format a cell of this kind needs by default; nil for General.
    func format(for cell: Cell) -> Format? {
        switch cell {
        case .money: return money
        case .date: return date
        case .datetime: return datetime
        case .percent: return percent
        default: return nil
        }
    }
}
