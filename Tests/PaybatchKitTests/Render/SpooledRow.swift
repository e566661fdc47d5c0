import Foundation

@testable import PaybatchKit

/// One row of a report spool as it was appended: its report, its key and its encoded cells.
struct SpooledRow: Equatable, CustomStringConvertible {
    var report: Int
    var group: Int
    var person: String
    var sequence: Int
    var cells: Data

    var description: String {
        let text = (cells.withUnsafeBytes(CellCodec.decode)).map { "\($0)" }.joined(separator: "|")
        return "report \(report) group \(group) person \(person) #\(sequence): \(text)"
    }
}

extension ReportSpool {
    /// Every row, by connection, in the order each report's rows were appended (a sealed spool).
    func rowsByConnection() throws -> [Int: [SpooledRow]] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let database = try SQLiteDatabase(path: path, mode: .readOnly)
        let rows = try database.query(
            "SELECT conn, report, grp, person, seq, cells FROM rows ORDER BY conn, report, rowid"
        ) { row in
            (
                row.int(0) ?? -1,
                SpooledRow(
                    report: row.int(1) ?? 0, group: row.int(2) ?? 0, person: row.text(3) ?? "",
                    sequence: row.int(4) ?? 0, cells: row.blob(5) ?? Data())
            )
        }
        return Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
    }
}
