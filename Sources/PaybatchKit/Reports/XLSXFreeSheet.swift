import CXLSXWriter
import Foundation

/// A free-form sheet added to a workbook, written once (`XLSXWorkbook.reserveFreeSheet`).
public struct XLSXFreeSheet {
    let writer: XLSXSheetWriter

    public func write(_ sheet: FreeSheet) throws {
        for row in sheet.rows {
            switch row {
            case .title(let text):
                try writer.writeRow({ _ in .text(text) }, count: 1, bold: true, fitsWidth: false)
            case .header(let labels):
                try writer.writeRow({ .text(labels[$0]) }, count: labels.count, bold: true)
            case .cells(let cells): try writer.writeRow({ cells[$0] }, count: cells.count)
            case .cellsAndNote(let cells, let note):
                let all = cells + [.text(note)]
                try writer.writeRow({ all[$0] }, count: all.count, spillsLast: true)
            case .blank: try writer.writeRow({ _ in .empty }, count: 0)
            }
        }
        try writer.finish(table: false)
    }
}
