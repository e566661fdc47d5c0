/// How the columns of one reconcile input are found: for each column, the header names it may
/// go by, tried in order and compared case-insensitively. Read from `Templates/invoice/*.json`.
public struct ColumnProfile<Column: ProfileColumn>: Sendable, Equatable {
    /// Header names per column; a column the profile leaves out goes by its own name.
    public var names: [Column: [String]]

    public init(names: [Column: [String]] = [:]) { self.names = names }

    /// The names `column` is found under.
    public func names(for column: Column) -> [String] { names[column] ?? [column.rawValue] }

    /// The default profile embedded in the binary (the same bytes as `Templates/invoice/NAME`).
    public static var embedded: ColumnProfile {
        // The embedded text is tested to parse, so failing here is a build defect, not user input.
        try! parse(
            EmbeddedProfiles.files[Column.profileFileName]!, file: "(embedded) \(Column.profileFileName)")
    }

    /// Reads a profile file (`--invoice-profile`, `--connections-profile`).
    public static func load(path: String) throws(ReconcileInputFailure) -> ColumnProfile {
        let file = try ReconcileInputFile.read(role: "profile", path: path)
        return try parse(String(decoding: file.data, as: UTF8.self), file: path)
    }

    /// Parses a profile's JSON text; `file` names it in errors (exit 65 with the line).
    public static func parse(_ text: String, file: String) throws(ReconcileInputFailure) -> ColumnProfile {
        func fail(_ line: Int?, _ problem: String) -> ReconcileInputFailure {
            ReconcileInputFailure(
                file: file, line: line, problem: problem,
                remedy: "See Templates/invoice/README.md for the profile format and its column names.")
        }
        let root: PositionedJSON.Node
        do { root = try PositionedJSON.parse(text) } catch {
            throw fail(
                error.position.line, "not valid JSON at column \(error.position.column): \(error.message)")
        }
        guard case .object(let members) = root.value else {
            throw fail(root.position.line, "not a JSON object")
        }
        var profile = ColumnProfile()
        for member in members {
            switch member.key {
            case "description": continue
            case "columns":
                guard case .object(let columns) = member.node.value else {
                    throw fail(member.node.position.line, "\"columns\" must be an object of column: [names]")
                }
                for entry in columns {
                    guard let column = Column(rawValue: entry.key) else {
                        let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail(
                            entry.keyPosition.line, "unknown column \"\(entry.key)\" (known: \(known))")
                    }
                    guard case .array(let items) = entry.node.value, !items.isEmpty else {
                        throw fail(
                            entry.node.position.line, "\"\(entry.key)\" must be a non-empty list of names")
                    }
                    var list: [String] = []
                    for item in items {
                        guard case .string(let name) = item.value, !name.isEmpty else {
                            throw fail(item.position.line, "a header name must be a non-empty string")
                        }
                        list.append(name)
                    }
                    profile.names[column] = list
                }
            default:
                throw fail(
                    member.keyPosition.line, "unknown key \"\(member.key)\" (known: columns, description)")
            }
        }
        return profile
    }

    /// Where each column stands in `header` (0-based); columns absent from the file are left out.
    /// Two header columns answering to one profile column are refused: which one is meant?
    public func locate(in header: [String], file: String) throws(ReconcileInputFailure) -> [Column: Int] {
        let lowered = header.map { $0.lowercased() }
        var found: [Column: Int] = [:]
        for column in Column.allCases {
            for name in names(for: column) {
                let matches = lowered.indices.filter { lowered[$0] == name.lowercased() }
                if matches.count > 1 {
                    throw ReconcileInputFailure(
                        file: file, line: 1, column: matches[1] + 1, columnName: header[matches[1]],
                        problem:
                            "two columns are called \"\(name)\" (columns \(matches[0] + 1) and \(matches[1] + 1))"
                    )
                }
                if let index = matches.first {
                    found[column] = index
                    break
                }
            }
        }
        return found
    }
}
