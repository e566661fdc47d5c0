import Foundation

/// Reads a roster file (SPEC §1 `roster import`) completely before anything is stored: CSV with a
/// header, or JSON lines with the same keys, told apart by extension or else by the first byte.
/// Any problem is a `RosterFileFailure` or `CSVReadFailure` (65) naming file, line and column.
public enum RosterFileReader {
    public enum Format: Sendable, Equatable {
        case csv
        case jsonLines
    }

    /// Reads and validates the file at `path`.
    public static func read(path: String) throws -> [RosterEntry] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RosterFileFailure(
                file: path, line: 1, problem: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        // Enough for a header line, to tell a UTF-16 or semicolon-delimited file by it.
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        let format = format(name: path, head: head)
        if let failure = RosterFileLayoutFailure.detect(in: head, file: path, csv: format == .csv) {
            throw failure
        }
        switch format {
        case .csv: return try readCSV(CSVReader(path: path), name: path)
        case .jsonLines:
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw RosterFileFailure(file: path, line: 1, problem: "cannot open the file")
            }
            return try readJSONLines(ByteSource(handle: handle), name: path)
        }
    }

    /// Reads roster text from memory (tests, standard input); `name` is what messages call it.
    public static func read(data: Data, name: String, format: Format? = nil) throws -> [RosterEntry] {
        let format = format ?? self.format(name: name, head: data.prefix(64))
        if let failure = RosterFileLayoutFailure.detect(
            in: data.prefix(4096), file: name, csv: format == .csv)
        {
            throw failure
        }
        switch format {
        case .csv: return try readCSV(CSVReader(data: data, name: name), name: name)
        case .jsonLines: return try readJSONLines(ByteSource(data: data), name: name)
        }
    }

    /// `.jsonl`, `.ndjson` and `.json` are JSON lines and `.csv` is CSV; otherwise a first
    /// non-blank character `{` (after a byte-order mark) means JSON lines.
    public static func format(name: String, head: Data) -> Format {
        let ext = (name as NSString).pathExtension.lowercased()
        if ["jsonl", "ndjson", "json"].contains(ext) { return .jsonLines }
        if ext == "csv" { return .csv }
        let first = head.drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0D, 0x0A].contains($0) }.first
        return first == UInt8(ascii: "{") ? .jsonLines : .csv
    }

    private static func readCSV(_ reader: CSVReader, name: String) throws -> [RosterEntry] {
        let known = RosterRowValidator.required + RosterRowValidator.optional
        var columns: [(name: String, index: Int)] = []
        for column in known {
            if let index = reader.index(of: column) { columns.append((column, index)) }
        }
        for column in RosterRowValidator.required where reader.index(of: column) == nil {
            throw RosterFileFailure(
                file: name, line: 1, columnName: column,
                problem:
                    "the header lacks the column \(column) (it has: \(reader.header.joined(separator: ",")))")
        }
        var validator = RosterRowValidator(file: name)
        var entries: [RosterEntry] = []
        while let record = try reader.next() {
            var cells: [String: RosterRowValidator.Cell] = [:]
            for column in columns {
                cells[column.name] = .init(value: record.fields[column.index], column: column.index + 1)
            }
            entries.append(try validator.entry(line: record.line, cells: cells))
        }
        return entries
    }

    private static func readJSONLines(_ source: ByteSource, name: String) throws -> [RosterEntry] {
        if source.peek(0) == 0xEF, source.peek(1) == 0xBB, source.peek(2) == 0xBF { source.skip(3) }
        var validator = RosterRowValidator(file: name)
        var entries: [RosterEntry] = []
        var line = 0
        var sawAnything = false
        while source.peek(0) != nil {
            line += 1
            var bytes: [UInt8] = []
            while let b = source.peek(0) {
                source.skip(1)
                if b == 10 { break }
                bytes.append(b)
            }
            if bytes.last == 13 { bytes.removeLast() }
            sawAnything = true
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw RosterFileFailure(file: name, line: line, problem: "not valid UTF-8 text")
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            let cells = try jsonCells(text, line: line, file: name)
            entries.append(try validator.entry(line: line, cells: cells))
        }
        if !sawAnything {
            throw RosterFileFailure(
                file: name, line: 1, problem: "the file is empty; one JSON object a line is needed")
        }
        return entries
    }

    private static func jsonCells(
        _ text: String, line: Int, file: String
    ) throws(RosterFileFailure) -> [String: RosterRowValidator.Cell] {
        let node: PositionedJSON.Node
        do {
            node = try PositionedJSON.parse(text)
        } catch {
            throw RosterFileFailure(
                file: file, line: line, column: error.position.column, problem: "not JSON: \(error.message)")
        }
        guard case .object(let members) = node.value else {
            throw RosterFileFailure(
                file: file, line: line, column: node.position.column,
                problem: "each line must be one JSON object")
        }
        var cells: [String: RosterRowValidator.Cell] = [:]
        for member in members {
            let key = member.key.lowercased()
            switch member.node.value {
            case .string(let value): cells[key] = .init(value: value, column: member.node.position.column)
            case .null: continue
            default:
                guard RosterRowValidator.required.contains(key) || RosterRowValidator.optional.contains(key)
                else { continue }
                throw RosterFileFailure(
                    file: file, line: line, column: member.node.position.column, columnName: key,
                    problem: "\(key) must be a JSON string")
            }
        }
        for key in RosterRowValidator.required where cells[key] == nil {
            throw RosterFileFailure(
                file: file, line: line, column: 1, columnName: key, problem: "the object has no \(key)")
        }
        return cells
    }
}
