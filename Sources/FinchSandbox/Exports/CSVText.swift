import Foundation

/// RFC 4180 text for the files the sandbox writes (CRLF, quotes doubled where needed).
enum CSVText {
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }
}
