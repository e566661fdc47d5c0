import Foundation

/// A compact binary form of a row's cells, so rows can wait in a spool file between normalizing
/// and writing without losing their types: a tag byte per cell, integers as 8 bytes, text with a
/// 4-byte length.
enum CellCodec {
    static func encode(_ cells: some Sequence<Cell>, into bytes: inout [UInt8]) {
        for cell in cells {
            switch cell {
            case .empty: bytes.append(0)
            case .text(let s): append(1, text: s, to: &bytes)
            case .money(let c): append(2, int: c.value, to: &bytes)
            case .date(let d):
                append(3, int: Int64(d.year * 10_000 + d.month * 100 + d.day), to: &bytes)
            case .datetime(let t): append(4, int: t.secondsSinceEpoch, to: &bytes)
            case .integer(let n): append(5, int: n, to: &bytes)
            case .decimal(let s): append(6, text: s, to: &bytes)
            case .percent(let tenths): append(7, int: tenths, to: &bytes)
            case .boolean(let b): bytes.append(b ? 9 : 8)
            }
        }
    }

    /// The cells of one encoded row; a malformed row (never written by `encode`) ends early.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [Cell] {
        var cells: [Cell] = []
        var i = 0
        func int() -> Int64? {
            guard i + 8 <= bytes.count else { return nil }
            var value: Int64 = 0
            for k in 0..<8 { value |= Int64(bytes[i + k]) << (8 * Int64(k)) }
            i += 8
            return value
        }
        func text() -> String? {
            guard let length = int().map(Int.init), length >= 0, i + length <= bytes.count else { return nil }
            defer { i += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self)
        }
        while i < bytes.count {
            let tag = bytes[i]
            i += 1
            let cell: Cell?
            switch tag {
            case 0: cell = .empty
            case 1: cell = text().map(Cell.text)
            case 2: cell = int().map { .money(Cents($0)) }
            case 3:
                cell = int().flatMap {
                    CalendarDate(year: Int($0 / 10_000), month: Int($0 / 100 % 100), day: Int($0 % 100))
                }.map(Cell.date)
            case 4: cell = int().map { .datetime(UTCTimestamp(secondsSinceEpoch: $0)) }
            case 5: cell = int().map(Cell.integer)
            case 6: cell = text().map(Cell.decimal)
            case 7: cell = int().map { .percent(tenths: $0) }
            case 8, 9: cell = .boolean(tag == 9)
            default: cell = nil
            }
            guard let cell else { break }
            cells.append(cell)
        }
        return cells
    }

    private static func append(_ tag: UInt8, int value: Int64, to bytes: inout [UInt8]) {
        bytes.append(tag)
        appendInt(value, to: &bytes)
    }

    private static func appendInt(_ value: Int64, to bytes: inout [UInt8]) {
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(k)))) }
    }

    private static func append(_ tag: UInt8, text: String, to bytes: inout [UInt8]) {
        bytes.append(tag)
        appendInt(Int64(text.utf8.count), to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }
}
