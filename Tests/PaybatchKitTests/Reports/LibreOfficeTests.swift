import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// A real spreadsheet application opens the workbook: LibreOffice converts every sheet to CSV and
/// the values must match what the CSV writer wrote for the same rows. Fails, never skips, when
/// LibreOffice is missing (`make deps` installs libreoffice-calc-nogui).
@Suite("XLSX read by LibreOffice")
struct LibreOfficeTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs soffice headless, converting every sheet to UTF-8 CSV (one file per sheet).
    static func convert(_ xlsx: String, into folder: String) async throws {
        let soffice = try #require(
            Self.soffice, "LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // Options: comma, double quote, UTF-8 (76), from line 1, shown as formatted, all sheets (-1).
        process.arguments = [
            "-env:UserInstallation=file://\(folder)/profile", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir",
            folder, xlsx,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let child = process
        let status = try await awaitBlocking {
            try child.run()
            child.waitUntilExit()
            return child.terminationStatus
        }
        #expect(status == 0)
    }

    static func records(_ data: Data, name: String) throws -> [[String]] {
        let reader = try CSVReader(data: data, name: name)
        var out = [reader.header]
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    /// Compares LibreOffice's text of a sheet with the CSV writer's, allowing only display
    /// differences: thousands separators on numbers and TRUE/FALSE for booleans.
    private func compare<Field: ReportField>(
        _ template: ReportTemplate<Field>, rows: [DictionaryRow<Field>], sheetCSV: String
    ) throws {
        let shown = try Self.records(try Data(contentsOf: URL(fileURLWithPath: sheetCSV)), name: sheetCSV)
        let written = try Self.records(try ReportFixtures.csv(rows, profile: .rfc), name: "writer.csv")
        #expect(shown.count == written.count, "\(template.sheet): row count")
        for (r, (got, want)) in zip(shown, written).enumerated() {
            #expect(got.count == want.count, "\(template.sheet) row \(r + 1): field count")
            for (c, (g, w)) in zip(got, want).enumerated() {
                let type = template.columns[c].type
                let normalized: String
                switch type {
                case .boolean: normalized = g.lowercased()
                case .text, .id: normalized = g
                default: normalized = g.replacingOccurrences(of: ",", with: "")
                }
                #expect(
                    normalized == w,
                    "\(template.sheet) row \(r + 1) column \(template.columns[c].header) (\(type))")
            }
        }
    }

    @Test("every sheet converted by LibreOffice shows the values the CSV writer wrote")
    func valuesMatch() async throws {
        let (folder, file) = try XLSXWriterTests.writeSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let converted = folder + "/converted"
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        try await Self.convert(folder + "/" + file.path, into: converted)
        let base = converted + "/paybatch-2026-10-"
        let t = ReportTemplates.defaults
        try compare(t.connections, rows: ReportFixtures.connections, sheetCSV: base + "Connections.csv")
        try compare(t.payments, rows: ReportFixtures.payments, sheetCSV: base + "Payments.csv")
        try compare(t.dataQuality, rows: ReportFixtures.dataQuality, sheetCSV: base + "Findings.csv")
        let summary = try String(contentsOfFile: base + "Summary.csv", encoding: .utf8)
        #expect(summary.contains("Needs attention") && summary.contains("\"1,234.56\""))
    }
}
