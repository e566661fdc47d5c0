/// Streams one report as RFC 4180 CSV (CRLF, quotes doubled, quoted only when needed) into a
/// sink, through a large buffer so a million rows cost few system calls.
public final class CSVTableWriter<Field: ReportField> {
    private let fields: [Field]
    /// Per column: whether the excel profile's formula-injection guard applies (text columns only).
    private let guarded: [Bool]
    private let sink: any ByteSink
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    /// Data rows written so far.
    public private(set) var rows = 0

    /// Writes the byte-order mark (excel profile) and the header row.
    public init(template: ReportTemplate<Field>, profile: CSVProfile, sink: any ByteSink) throws {
        fields = template.columns.map(\.field)
        guarded = template.columns.map { profile == .excel && $0.type.isTextual }
        self.sink = sink
        buffer.reserveCapacity(flushThreshold + 64 * 1024)
        if profile == .excel { buffer += [0xEF, 0xBB, 0xBF] }
        for (i, column) in template.columns.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendField(column.header, guarded: profile == .excel)
        }
        buffer += [13, 10]
    }

    /// Appends one row; `cell` gives the value of each field the template shows.
    public func append(_ cell: (Field) -> Cell) throws {
        try appendColumns { cell(fields[$0]) }
    }

    /// Appends one row; `cell` gives the value of each template column by its position.
    public func appendColumns(_ cell: (Int) -> Cell) throws {
        for i in fields.indices {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            switch cell(i) {
            case .empty: break
            case .text(let s): appendField(s, guarded: guarded[i])
            case let other: appendField(other.plainText, guarded: guarded[i])
            }
        }
        buffer += [13, 10]
        rows += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    /// Appends one row.
    public func append<Row: ReportRow>(_ row: Row) throws where Row.Field == Field {
        try append { row.cell($0) }
    }

    /// Writes what is buffered and returns the number of data rows.
    @discardableResult
    public func finish() throws -> Int {
        try flush()
        return rows
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendField(_ text: String, guarded: Bool) {
        if text.utf8.withContiguousStorageIfAvailable({ appendField(bytes: $0, guarded: guarded) }) != nil {
            return
        }
        Array(text.utf8).withUnsafeBufferPointer { appendField(bytes: $0, guarded: guarded) }
    }

    private func appendField(bytes: UnsafeBufferPointer<UInt8>, guarded: Bool) {
        guard let first = bytes.first else { return }
        var needsQuotes = false
        for b in bytes where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 13 || b == 10 {
            needsQuotes = true
            break
        }
        let guardNeeded =
            guarded
            && (first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "@") || first == 9 || first == 13)
        if needsQuotes { buffer.append(UInt8(ascii: "\"")) }
        if guardNeeded { buffer.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for b in bytes {
                buffer.append(b)
                if b == UInt8(ascii: "\"") { buffer.append(b) }
            }
            buffer.append(UInt8(ascii: "\""))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }
}
