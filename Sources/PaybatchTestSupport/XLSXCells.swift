import Foundation

/// The cell values of a workbook, read back with the `unzip` tool: sheet name → cell reference
/// (`B7`) → the value as the XML holds it (numbers as written, text unescaped). Enough to
/// compare two workbooks by content when their bytes differ (zip timestamps, Run Info times).
public struct XLSXCells: Equatable, Sendable {
    /// Sheet names in workbook order.
    public var sheetNames: [String]
    /// Values per sheet, keyed by cell reference.
    public var sheets: [String: [String: String]]

    /// Reads the workbook at `path`; throws when `unzip` fails or a part is missing.
    public init(path: String) throws {
        let workbook = try Self.part("xl/workbook.xml", of: path)
        sheetNames = Self.matches(#"<sheet [^>]*name="([^"]*)""#, in: workbook).map { Self.unescape($0[0]) }
        let shared = (try? Self.part("xl/sharedStrings.xml", of: path)).map { xml in
            Self.matches(#"<si>(.*?)</si>"#, in: xml).map { Self.text(in: $0[0]) }
        }
        var sheets: [String: [String: String]] = [:]
        // libxlsxwriter numbers its worksheet parts in workbook order.
        for (index, name) in sheetNames.enumerated() {
            let xml = try Self.part("xl/worksheets/sheet\(index + 1).xml", of: path)
            var cells: [String: String] = [:]
            for match in Self.matches(#"<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#, in: xml) {
                let body = match[2]
                let value: String
                if match[1].contains(#"t="s""#), let shared,
                    let i = Self.matches(#"<v>(.*?)</v>"#, in: body).first.flatMap({ Int($0[0]) }),
                    i < shared.count
                {
                    value = shared[i]
                } else if body.contains("<is>") {
                    value = Self.text(in: body)
                } else {
                    value = Self.matches(#"<v>(.*?)</v>"#, in: body).first.map { Self.unescape($0[0]) } ?? ""
                }
                cells[match[0]] = value
            }
            sheets[name] = cells
        }
        self.sheets = sheets
    }

    /// The rows of a sheet as lists of values, in row order (for messages and masking).
    public func rows(of sheet: String) -> [Int: [String: String]] {
        var rows: [Int: [String: String]] = [:]
        for (ref, value) in sheets[sheet] ?? [:] {
            let column = String(ref.prefix { $0.isLetter })
            rows[Int(ref.dropFirst(column.count)) ?? 0, default: [:]][column] = value
        }
        return rows
    }

    /// The text of one part of the workbook at `path`, such as `xl/worksheets/sheet1.xml`.
    public static func part(_ name: String, of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, name]
        let run = try CapturedRun.run(process)
        guard run.exitCode == 0 else {
            throw XLSXCellsError(message: "unzip -p \(path) \(name) exited \(run.exitCode): \(run.errors)")
        }
        return run.output
    }

    static func text(in xml: String) -> String {
        matches(#"<t[^>]*>(.*?)</t>"#, in: xml).map { unescape($0[0]) }.joined()
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { i in
                m.range(at: i).location == NSNotFound ? "" : ns.substring(with: m.range(at: i))
            }
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// A workbook that cannot be read back.
public struct XLSXCellsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
