import Foundation

/// `paybatch.toml`: the small TOML subset paybatch needs — `key = value` lines with strings,
/// numbers and booleans, `#` comments, and the `[rate_limits]` table. Anything else is refused
/// with its line and column, which a general TOML library would not give us for every case
/// (SPEC §1 wants a secret in the file refused *naming the line*).
public struct ConfigFile: Sendable, Equatable {
    /// One value and where it stood.
    public struct Entry: Sendable, Equatable {
        public var value: Value
        public var line: Int
    }

    public enum Value: Sendable, Equatable {
        case string(String)
        case number(Double)
        case bool(Bool)
        /// An array of strings (`include = ["benefits"]`), the only array paybatch reads.
        case strings([String])

        public var text: String {
            switch self {
            case .strings(let list): list.joined(separator: ",")
            case .string(let s): s
            case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .bool(let b): b ? "true" : "false"
            }
        }
    }

    public let path: String
    /// Top-level keys.
    public var values: [String: Entry] = [:]
    /// `[rate_limits]` keys.
    public var rateLimits: [String: Entry] = [:]

    /// Keys whose values are secrets: the file is refused when it holds one (exit 65).
    public static let forbiddenKeys: Set<String> = [
        "key", "client_secret", "secret", "access_token", "token",
    ]
    public static let knownKeys: Set<String> = [
        "db", "out", "base_url", "rate_scale", "request_timeout", "output_mode", "redirect_uri", "client_id",
        "key_file", "wait_lock", "csv_profile", "keep_runs", "log_format", "include", "budget_share",
    ]

    public init(path: String, text: String) throws(ConfigFileError) {
        self.path = path
        var table: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            var content = Substring(rawLine)
            if content.hasSuffix("\r") { content = content.dropLast() }
            if line == 1, content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
            let trimmed = content.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if trimmed.hasPrefix("[") {
                guard trimmed.hasSuffix("]") || trimmed.contains("]") else {
                    throw ConfigFileError(
                        path: path, line: line, column: 1, "a table header needs a closing ]")
                }
                let name = trimmed.dropFirst().prefix { $0 != "]" }.trimmingSpaces
                guard name == "rate_limits" else {
                    throw ConfigFileError(
                        path: path, line: line, column: 2,
                        "unknown table [\(name)]; the only table is [rate_limits]")
                }
                table = String(name)
                continue
            }
            guard let equals = content.firstIndex(of: "=") else {
                throw ConfigFileError(path: path, line: line, column: 1, "expected `key = value`")
            }
            let key = String(content[..<equals].trimmingSpaces)
            let afterEquals = content[content.index(after: equals)...]
            let leading = afterEquals.prefix { $0 == " " || $0 == "\t" }.count
            let valueColumn = content.distance(from: content.startIndex, to: equals) + 2 + leading
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigFileError(path: path, line: line, column: 1, "`\(key)` is not a plain key")
            }
            if Self.forbiddenKeys.contains(key.lowercased()) {
                throw ConfigFileError(
                    path: path, line: line, column: 1,
                    "`\(key)` holds a secret, and secrets are never read from the config file",
                    remedy: "Remove the line; give the key with PAYBATCH_KEY_FILE and the client secret with "
                        + "`paybatch config set-client-secret --stdin`.")
            }
            let value = try Self.parseValue(
                content[content.index(after: equals)...], path: path, line: line, column: valueColumn)
            if let table {
                guard table == "rate_limits" else { continue }
                rateLimits[key] = Entry(value: value, line: line)
            } else {
                guard Self.knownKeys.contains(key) else {
                    throw ConfigFileError(
                        path: path, line: line, column: 1, "unknown key `\(key)`",
                        remedy: "Known keys: \(Self.knownKeys.sorted().joined(separator: ", ")).")
                }
                values[key] = Entry(value: value, line: line)
            }
        }
    }

    private static func parseValue(
        _ raw: Substring, path: String, line: Int, column: Int
    ) throws(ConfigFileError) -> Value {
        var text = raw.trimmingSpaces
        if text.hasPrefix("[") { return try parseStrings(text, path: path, line: line, column: column) }
        if text.hasPrefix("\"") {
            var result = ""
            var index = text.index(after: text.startIndex)
            var escaped = false
            while index < text.endIndex {
                let c = text[index]
                if escaped {
                    switch c {
                    case "n": result.append("\n")
                    case "t": result.append("\t")
                    case "\"", "\\": result.append(c)
                    default:
                        throw ConfigFileError(
                            path: path, line: line, column: column, "unsupported escape \\\(c)")
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    let rest = text[text.index(after: index)...].trimmingSpaces
                    guard rest.isEmpty || rest.hasPrefix("#") else {
                        throw ConfigFileError(
                            path: path, line: line, column: column, "text after the closing quote")
                    }
                    return .string(result)
                } else {
                    result.append(c)
                }
                index = text.index(after: index)
            }
            throw ConfigFileError(path: path, line: line, column: column, "the string has no closing quote")
        }
        if let hash = text.firstIndex(of: "#") { text = text[..<hash].trimmingSpaces }
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default:
            if let number = Double(text.replacingOccurrences(of: "_", with: "")) { return .number(number) }
            throw ConfigFileError(
                path: "", line: line, column: column,
                "`\(text)` is not a quoted string, a number or a boolean")
        }
    }
}

extension ConfigFile {
    /// `["a", "b"]` on one line: plain quoted strings (no escapes, no nesting), then an optional
    /// comment.
    fileprivate static func parseStrings(
        _ text: Substring, path: String, line: Int, column: Int
    ) throws(ConfigFileError) -> Value {
        guard let close = text.firstIndex(of: "]") else {
            throw ConfigFileError(path: path, line: line, column: column, "the array has no closing ]")
        }
        let rest = text[text.index(after: close)...].trimmingSpaces
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw ConfigFileError(path: path, line: line, column: column, "text after the closing ]")
        }
        var items: [String] = []
        for part in text[text.index(after: text.startIndex)..<close].split(separator: ",") {
            let item = part.trimmingSpaces
            guard item.count >= 2, item.hasPrefix("\""), item.hasSuffix("\""),
                !item.dropFirst().dropLast().contains("\""), !item.contains("\\")
            else {
                throw ConfigFileError(
                    path: path, line: line, column: column,
                    "an array holds quoted strings, such as [\"benefits\"]")
            }
            items.append(String(item.dropFirst().dropLast()))
        }
        return .strings(items)
    }
}
