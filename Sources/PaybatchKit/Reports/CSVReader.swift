import Foundation

/// Reads an RFC 4180 CSV a record at a time (roster imports, invoices, Dashboard exports): UTF-8
/// with or without a byte-order mark, CRLF or LF, quoted fields holding commas, quotes and line
/// breaks. The first record is the header; columns are found by name, case-insensitively.
public final class CSVReader {
    /// The file's name as errors show it.
    public let name: String
    /// The header's names as written (trimmed).
    public private(set) var header: [String] = []
    private let maxRecordBytes: Int
    private var source: ByteSource
    private var line = 1
    private var column = 1

    /// Opens `path`; an unreadable file is a `CSVReadFailure` on line 1. `maxRecordBytes` bounds
    /// one record, so a file without line breaks is an error, not an exhausted memory.
    public convenience init(path: String, maxRecordBytes: Int = 1 << 20) throws(CSVReadFailure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVReadFailure(
                file: path, line: 1, column: nil,
                problem: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        try self.init(source: ByteSource(handle: handle), name: path, maxRecordBytes: maxRecordBytes)
    }

    /// Reads from memory; `name` is what errors call it.
    public convenience init(data: Data, name: String, maxRecordBytes: Int = 1 << 20) throws(CSVReadFailure) {
        try self.init(source: ByteSource(data: data), name: name, maxRecordBytes: maxRecordBytes)
    }

    private init(source: ByteSource, name: String, maxRecordBytes: Int) throws(CSVReadFailure) {
        self.source = source
        self.name = name
        self.maxRecordBytes = maxRecordBytes
        if source.peek(0) == 0xEF, source.peek(1) == 0xBB, source.peek(2) == 0xBF { source.skip(3) }
        guard let first = try readRecord(expected: nil) else {
            throw CSVReadFailure(
                file: name, line: 1, column: nil, problem: "the file is empty; a header row is needed")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The index of the column called `name` (case-insensitive), or nil.
    public func index(of name: String) -> Int? {
        let wanted = name.lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    /// The next record, or nil at the end. Every record must have as many fields as the header;
    /// empty lines are skipped.
    public func next() throws(CSVReadFailure) -> CSVRecord? {
        try readRecord(expected: header.count)
    }

    private func fail(_ problem: String, line: Int? = nil, column: Int? = nil) -> CSVReadFailure {
        CSVReadFailure(file: name, line: line ?? self.line, column: column ?? self.column, problem: problem)
    }

    private func advance(_ byte: UInt8) {
        source.skip(1)
        if byte == 10 {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private var atLineEnd: Bool {
        guard let b = source.peek(0) else { return true }
        return b == 10 || (b == 13 && source.peek(1) == 10)
    }

    private func readRecord(expected: Int?) throws(CSVReadFailure) -> CSVRecord? {
        // Empty lines between records are skipped.
        while let b = source.peek(0), atLineEnd { advance(b) }
        guard source.peek(0) != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var recordBytes = 0
        func take(_ b: UInt8) throws(CSVReadFailure) {
            recordBytes += 1
            guard recordBytes <= maxRecordBytes else {
                throw fail("a record longer than \(maxRecordBytes) bytes", line: startLine, column: nil)
            }
            advance(b)
        }
        // Where each field starts, so a wrong field count can point at the first extra field.
        var starts: [(line: Int, column: Int)] = []
        while true {
            starts.append((line, column))
            if source.peek(0) == UInt8(ascii: "\"") {
                try readQuoted(into: &field, take: take)
                if !atLineEnd, source.peek(0) != UInt8(ascii: ",") {
                    throw fail("a character after a closing quote (a quote inside a field must be doubled)")
                }
            } else {
                while !atLineEnd, let b = source.peek(0), b != UInt8(ascii: ",") {
                    guard b != UInt8(ascii: "\"") else {
                        throw fail(
                            "a quote inside an unquoted field (quote the whole field and double the quote)")
                    }
                    try take(b)
                    field.append(b)
                }
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw fail("not valid UTF-8 text", line: starts.last!.line, column: starts.last!.column)
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
            guard let b = source.peek(0), b == UInt8(ascii: ",") else { break }
            try take(b)
        }
        if let expected, fields.count != expected {
            // Too many: where the first extra field starts; too few: the end of the record.
            let place = fields.count > expected ? starts[expected] : (line, column)
            throw fail(
                "\(fields.count) fields where the header has \(expected)", line: place.0, column: place.1)
        }
        if source.peek(0) == 13 { advance(13) }
        if source.peek(0) == 10 { advance(10) }
        return CSVRecord(line: startLine, fields: fields)
    }

    private func readQuoted(
        into field: inout [UInt8], take: (UInt8) throws(CSVReadFailure) -> Void
    )
        throws(CSVReadFailure)
    {
        let openLine = line
        let openColumn = column
        try take(UInt8(ascii: "\""))
        while true {
            guard let b = source.peek(0) else {
                throw fail(
                    "unterminated quoted field (this quote is never closed)", line: openLine,
                    column: openColumn)
            }
            try take(b)
            if b == UInt8(ascii: "\"") {
                guard source.peek(0) == UInt8(ascii: "\"") else { return }
                try take(b)
            }
            field.append(b)
        }
    }
}
