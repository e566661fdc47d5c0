import Foundation

@testable import PaybatchKit

/// One row of a report spool as it was appended: its report's name, its key and its encoded cells.
struct SpooledRow: Equatable, CustomStringConvertible {
    var report: String
    var payment: Int
    var person: String
    var sequence: Int
    var cells: Data

    var description: String {
        let text = (cells.withUnsafeBytes(CellCodec.decode)).map { "\($0)" }.joined(separator: "|")
        return "report \(report) payment \(payment) person \(person) #\(sequence): \(text)"
    }
}

extension ReportSpool {
    /// Every row, by connection, in the order each report's rows were appended (a sealed spool).
    func rowsByConnection() throws -> [Int: [SpooledRow]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let database = try SQLiteDatabase(path: path, mode: .readOnly)
        let rows = try database.query(
            // Report numbers are given as each report's first row comes: compare names.
            """
            SELECT conn, name, grp, person, seq, cells FROM rows JOIN reports ON reports.id = rows.report
            ORDER BY conn, name, rows.rowid
            """
        ) { row in
            (
                row.int(0) ?? -1,
                SpooledRow(
                    report: row.text(1) ?? "", payment: row.int(2) ?? 0, person: row.text(3) ?? "",
                    sequence: row.int(4) ?? 0, cells: row.blob(5) ?? Data())
            )
        }
        return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
    }
}
