/// A `.pgpass` file as libpq reads it: one `hostname:port:database:username:password` a line,
/// `*` matching anything in the first four fields, `\:` and `\\` escaping, `#` lines ignored, and
/// the first matching line winning.
public struct PostgresPassFile: Sendable {
    struct Entry: Sendable {
        var fields: [String]
        var password: String
    }

    let entries: [Entry]

    public init(text: String) {
        entries = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = Self.fields(of: line)
            // libpq skips a line with fewer than five fields.
            guard fields.count >= 5 else { return nil }
            return Entry(fields: Array(fields[0..<4]), password: fields[4...].joined(separator: ":"))
        }
    }

    /// The password of the first line that matches, if any.
    public func password(host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        return entries.first { entry in
            zip(entry.fields, wanted).allSatisfy { field, value in field == "*" || field == value }
        }?.password
    }

    /// Splits a line on the colons that are not escaped, and unescapes `\:` and `\\`.
    private static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
