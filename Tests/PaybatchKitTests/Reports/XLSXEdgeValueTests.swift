import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Values Excel cannot hold as given (issue 18): dates before 1900-03-01 and text past the
/// 32,767 UTF-16 units of a cell.
@Suite("XLSX edge values")
struct XLSXEdgeValueTests {
    /// One Payments sheet whose rows are `cells`, read back.
    static func written(_ rows: [[PaymentsField: Cell]]) throws -> (cells: XLSXCells, truncated: Int) {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var truncated = -1
        let file = try OutputFolder(path: folder).writeWorkbook(
            "p.xlsx", properties: .export(period: Period("2026-10")!, toolVersion: "1")
        ) { workbook in
            let sheet = try workbook.addTable(ReportTemplates.defaults.payments)
            for row in rows { try sheet.append(DictionaryRow(cells: row)) }
            truncated = sheet.truncatedCells
        }
        return (try XLSXCells(path: folder + "/" + file.path), truncated)
    }

    /// The column letter of a Payments field in the default template.
    static func column(_ field: PaymentsField) throws -> String {
        XLSXSheetWriter.columnName(
            try #require(ReportTemplates.defaults.payments.columns.map(\.field).firstIndex(of: field)))
    }

    @Test("a date before 1900-03-01 is ISO text (Excel's serials there are wrong or not positive)")
    func datesBefore1900AreText() throws {
        let dates = ["1899-12-31", "1900-01-01", "1900-02-28", "1900-03-01", "0001-01-01", "2026-10-15"]
        let (cells, _) = try Self.written(dates.map { [.payDate: .date(CalendarDate($0)!)] })
        let column = try Self.column(.payDate)
        let values = (2...(dates.count + 1)).map { cells.sheets["Payments"]?["\(column)\($0)"] }
        // 1900-03-01 is serial 61 (Excel counts a 1900-02-29 that never was); 2026-10-15 is 46310.
        #expect(values == ["1899-12-31", "1900-01-01", "1900-02-28", "61", "0001-01-01", "46310"])
    }

    @Test("the cell limit counts UTF-16 units, as Excel does, and never cuts a surrogate pair")
    func cellLimitInUTF16Units() throws {
        let emoji = String(repeating: "😀", count: 20_000)  // 20,000 scalars, 40,000 UTF-16 units
        let odd = "a" + emoji  // the cut falls inside a pair unless it steps back
        let (cells, truncated) = try Self.written([
            [.currency: .text(emoji)], [.currency: .text(odd)],
            [.currency: .text(String(repeating: "é", count: 32_767))],
        ])
        #expect(truncated == 2)
        let column = try Self.column(.currency)
        let first = try #require(cells.sheets["Payments"]?["\(column)2"])
        let second = try #require(cells.sheets["Payments"]?["\(column)3"])
        // Compared by counts: a failure message holding 16,000 emoji helps nobody.
        #expect(first.unicodeScalars.count == 16_383 && first.unicodeScalars.allSatisfy { $0 == "😀" })
        #expect(second.utf16.count == XLSXSheetWriter.maxCellCharacters)
        #expect(second.hasPrefix("a😀") && second.unicodeScalars.dropFirst().allSatisfy { $0 == "😀" })
        #expect(cells.sheets["Payments"]?["\(column)4"]?.count == 32_767)
    }
}
