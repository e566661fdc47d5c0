import Foundation
import PaybatchTestSupport

/// Reads parts of a written .xlsx back with `unzip -p`, and answers questions about its XML.
struct XLSXArchive {
    let path: String

    /// The text of one part, such as `xl/worksheets/sheet1.xml`.
    func part(_ name: String) throws -> String { try XLSXCells.part(name, of: path) }

    /// Sheet names in workbook order.
    func sheetNames() throws -> [String] {
        try part("xl/workbook.xml").matches(of: /<sheet name="([^"]*)"/).map { String($0.1) }
    }

    /// The XML of the `n`-th sheet (1-based).
    func sheet(_ n: Int) throws -> String { try part("xl/worksheets/sheet\(n).xml") }

    /// The `<c …>…</c>` element of a cell reference such as `K2`.
    static func cell(_ ref: String, in sheetXML: String) -> String? {
        guard let start = sheetXML.range(of: "<c r=\"\(ref)\"") else { return nil }
        let rest = sheetXML[start.lowerBound...]
        if let selfClosing = rest.range(of: "/>"), let close = rest.range(of: "</c>"),
            selfClosing.lowerBound < close.lowerBound, !rest[..<selfClosing.lowerBound].contains(">")
        {
            return String(rest[..<selfClosing.upperBound])
        }
        guard let close = rest.range(of: "</c>") else { return nil }
        return String(rest[..<close.upperBound])
    }

    /// The number format code of the cell style index `s` (`General` for built-in 0).
    func numberFormat(ofStyle s: Int) throws -> String {
        let styles = try part("xl/styles.xml")
        var codes: [Int: String] = [0: "General", 14: "m/d/yyyy"]
        for m in styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/) {
            codes[Int(m.1)!] = String(m.2).replacingOccurrences(of: "&quot;", with: "\"")
        }
        guard let xfs = styles.range(of: "<cellXfs"), let end = styles.range(of: "</cellXfs>") else {
            return "?"
        }
        let ids = styles[xfs.upperBound..<end.lowerBound].matches(of: /<xf numFmtId="(\d+)"/).map {
            Int($0.1)!
        }
        guard s < ids.count else { return "?" }
        return codes[ids[s]] ?? "builtin \(ids[s])"
    }

    /// The style index of a cell element, 0 when it has none.
    static func style(of cellXML: String) -> Int {
        cellXML.firstMatch(of: /s="(\d+)"/).map { Int($0.1)! } ?? 0
    }
}
