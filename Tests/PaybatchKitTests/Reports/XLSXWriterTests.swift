import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("XLSX writer")
struct XLSXWriterTests {
    static let created = Date(timeIntervalSince1970: 1_793_491_200)  // 2026-11-01T00:00:00Z

    /// Writes Summary, Connections, Payments and Findings into a new folder.
    static func writeSample(
        rowLimit: Int = XLSXWorkbook.excelRowLimit
    ) throws -> (folder: String, file: WrittenFile) {
        let folder = ReportFixtures.temporaryFolder()
        let out = try OutputFolder(path: folder)
        let t = ReportTemplates.defaults
        let file = try out.writeWorkbook(
            "paybatch-2026-10.xlsx",
            properties: .export(period: Period("2026-10")!, toolVersion: "9.9.9", created: created),
            rowLimit: rowLimit
        ) { workbook in
            try workbook.addFreeSheet(
                FreeSheet(
                    name: "Summary",
                    rows: [
                        .title("Needs attention"), .header(["connection_id", "export_status", "what to do"]),
                        .cells([.text("c-2"), .text("reauth_required"), .text("paybatch reauth c-2")]),
                        .blank,
                        .title("Totals"), .cells([.text("c-1"), .money(Cents(123_456)), .integer(3)]),
                    ]))
            let connections = try workbook.addTable(t.connections)
            for row in ReportFixtures.connections { try connections.append(row) }
            let payments = try workbook.addTable(t.payments)
            for row in ReportFixtures.payments { try payments.append(row) }
            let quality = try workbook.addTable(t.dataQuality)
            for row in ReportFixtures.dataQuality { try quality.append(row) }
        }
        return (folder, file)
    }

    @Test("cells keep their types: ids as strings, money and dates as formatted numbers, real booleans")
    func cellTypes() throws {
        let (folder, file) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(file.path == "paybatch-2026-10.xlsx" && file.rows == 7 && file.sha256.count == 64)
        let xlsx = XLSXArchive(path: folder + "/" + file.path)
        #expect(try xlsx.sheetNames() == ["Summary", "Connections", "Payments", "Findings"])
        let payments = try xlsx.sheet(3)
        let id = try #require(XLSXArchive.cell("A2", in: payments))
        #expect(id.contains("t=\"inlineStr\"") && id.contains("<t>007</t>"))
        let formula = try #require(XLSXArchive.cell("H2", in: payments))
        #expect(
            formula.contains("t=\"inlineStr\"") && formula.contains("=SUM(A1:A9)") && !formula.contains("<f>")
        )
        let money = try #require(XLSXArchive.cell("N2", in: payments))
        #expect(money.contains("<v>1234567.89</v>") && !money.contains("t=\""))
        #expect(try xlsx.numberFormat(ofStyle: XLSXArchive.style(of: money)) == "#,##0.00")
        let date = try #require(XLSXArchive.cell("I2", in: payments))
        let serial = CalendarDate("2026-10-15")!.daysSinceEpoch + 25_569
        #expect(date.contains("<v>\(serial)</v>"))
        #expect(try xlsx.numberFormat(ofStyle: XLSXArchive.style(of: date)) == "yyyy-mm-dd")
        #expect(XLSXArchive.cell("Q2", in: payments) == nil)  // null: no cell at all
        let count = try #require(XLSXArchive.cell("S2", in: payments))
        #expect(count.contains("<v>3</v>"))
        let connections = try xlsx.sheet(2)
        let boolean = try #require(XLSXArchive.cell("I2", in: connections))
        #expect(boolean.contains("t=\"b\"") && boolean.contains("<v>0</v>"))
        let datetime = try #require(XLSXArchive.cell("K2", in: connections))
        #expect(
            try xlsx.numberFormat(ofStyle: XLSXArchive.style(of: datetime)) == "yyyy-mm-dd\"T\"hh:mm:ss\"Z\"")
        let quality = try xlsx.sheet(4)
        let percent = try #require(XLSXArchive.cell("K2", in: quality))
        #expect(percent.contains("<v>12.5</v>"))
        let header = try #require(XLSXArchive.cell("A1", in: payments))
        #expect(header.contains("customer_id"))
        #expect(try xlsx.part("xl/styles.xml").contains("<b/>"))
    }

    @Test("table sheets have a frozen header, an autofilter, fitted widths and ids exempt from the warning")
    func sheetFeatures() throws {
        let (folder, file) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xlsx = XLSXArchive(path: folder + "/" + file.path)
        let payments = try xlsx.sheet(3)
        #expect(
            payments.contains(
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(payments.contains("<autoFilter ref=\"A1:U4\"/>"))
        #expect(
            payments.contains(
                "<ignoredError sqref=\"A1:A4 C1:C4 D1:D4 E1:E4 G1:G4 H1:H4\" numberStoredAsText=\"1\"/>"))
        // Widths were set after the rows (constant-memory mode) and fit the content: the company id
        // is 22 characters, the customer id header 11.
        #expect(payments.contains("<col min=\"3\" max=\"3\" width=\"24.7109375\" customWidth=\"1\"/>"))
        #expect(payments.contains("<col min=\"1\" max=\"1\" width=\"13.7109375\" customWidth=\"1\"/>"))
        let summary = try xlsx.sheet(1)
        #expect(!summary.contains("autoFilter") && summary.contains("<cols>"))
        // Issue 19 item 18: every sheet prints landscape, one page wide, its first row repeated.
        for n in 1...4 {
            let sheet = try xlsx.sheet(n)
            #expect(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "sheet \(n)")
            #expect(
                sheet.contains("orientation=\"landscape\"") && sheet.contains("fitToHeight=\"0\""),
                "sheet \(n)")
        }
        let titles = try xlsx.part("xl/workbook.xml")
        #expect(titles.contains("_xlnm.Print_Titles\" localSheetId=\"0\">Summary!$1:$1"))
        #expect(titles.contains("_xlnm.Print_Titles\" localSheetId=\"2\">Payments!$1:$1"))
        assertGolden(Data(payments.utf8), named: "payments-sheet.xml")
        assertGolden(Data(summary.utf8), named: "summary-sheet.xml")
    }

    @Test("document properties carry the title, the period and the tool version")
    func properties() throws {
        let (folder, file) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let core = try XLSXArchive(path: folder + "/" + file.path).part("docProps/core.xml")
        #expect(core.contains("<dc:title>paybatch export 2026-10</dc:title>"))
        #expect(core.contains("<dc:subject>Finch HR and payroll data for 2026-10</dc:subject>"))
        #expect(core.contains("<dc:description>Written by paybatch 9.9.9</dc:description>"))
        #expect(core.contains("2026-11-01T00:00:00Z"))
    }

    @Test("past the row limit a table continues on Name (2), Name (3), each with its own header and filter")
    func spill() throws {
        let (folder, file) = try Self.writeSample(rowLimit: 2)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xlsx = XLSXArchive(path: folder + "/" + file.path)
        #expect(
            try xlsx.sheetNames() == [
                "Summary", "Connections", "Connections (2)", "Payments", "Payments (2)", "Payments (3)",
                "Findings",
                "Findings (2)",
            ])
        #expect(file.rows == 7)
        for n in 5...6 {
            let sheet = try xlsx.sheet(n)
            #expect(sheet.contains("state=\"frozen\"") && sheet.contains("<autoFilter ref=\"A1:U2\"/>"))
            #expect(XLSXArchive.cell("A1", in: sheet)?.contains("customer_id") == true)
        }
        #expect(XLSXArchive.cell("A2", in: try xlsx.sheet(6))?.contains("élan 😀") == true)
    }

    @Test("a template's format and width are used; text past Excel's cell limit is cut and counted")
    func templateFormatAndLongText() throws {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let template = try ReportTemplate<PaymentsField>.parse(
            #"{"sheet": "P", "columns": [{"field": "gross_pay", "format": "0.000", "width": 30}, {"field": "currency"}]}"#,
            file: "p.json")
        var truncated = -1
        let file = try OutputFolder(path: folder).writeWorkbook(
            "p.xlsx", properties: .export(period: Period("2026-10")!, toolVersion: "1")
        ) { workbook in
            let sheet = try workbook.addTable(template)
            try sheet.append {
                $0 == .grossPay ? .money(Cents(1)) : .text(String(repeating: "é", count: 40_000))
            }
            truncated = sheet.truncatedCells
        }
        #expect(truncated == 1)
        let xlsx = XLSXArchive(path: folder + "/" + file.path)
        let xml = try xlsx.sheet(1)
        let money = try #require(XLSXArchive.cell("A2", in: xml))
        #expect(try xlsx.numberFormat(ofStyle: XLSXArchive.style(of: money)) == "0.000")
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"30.7109375\" customWidth=\"1\"/>"))
        // 40,000 characters, but a fitted width stops at 80.
        #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"82.7109375\" customWidth=\"1\"/>"))
    }

    @Test("a workbook that cannot be created is exit 73 naming the path; a refused sheet name is a bug (70)")
    func failureCodes() throws {
        let missing = ReportFixtures.temporaryFolder() + "/no/such/folder/x.xlsx"
        let workbook = try XLSXWorkbook(
            path: missing, properties: .export(period: Period("2026-10")!, toolVersion: "1"))
        try workbook.addFreeSheet(FreeSheet(name: "Summary", rows: [.title("x")]))
        do {
            try workbook.close()
            Issue.record("a workbook in a missing folder was written")
        } catch let failure as XLSXFailure {
            #expect(failure.exitStatus == .cannotCreate)
            #expect(failure.message.contains(missing))
        }
        let other = try XLSXWorkbook(
            path: ReportFixtures.temporaryFolder() + "/y.xlsx",
            properties: .export(period: Period("2026-10")!, toolVersion: "1"))
        defer { other.discard() }
        do {
            try other.addFreeSheet(FreeSheet(name: "bad/name"))
            Issue.record("an invalid sheet name was accepted")
        } catch let failure as XLSXFailure {
            #expect(failure.exitStatus == .software && failure.message.contains("bad/name"))
        }
    }

    // The fastest level is a trick of the executable alone (Sources/CXLSXZipLevel, linked into
    // `paybatch` only; EndToEndTests checks it there): the library, here in the test runner as in
    // any other program that uses it, writes a whole workbook at libxlsxwriter's own level.
    @Test("the library alone zips every part at libxlsxwriter's default level")
    func defaultDeflateWithoutTheExecutable() throws {
        let (folder, file) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = try ZipDeflateOptions.read(archive: folder + "/" + file.path)
        #expect(!options.isEmpty)
        #expect(options.allSatisfy { $0 == "normal" }, "\(options)")
        #expect(try XLSXArchive(path: folder + "/" + file.path).sheetNames().first == "Summary")
    }

    @Test("the same rows and creation time give a byte-identical workbook")
    func byteStable() async throws {
        let (first, a) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: first) }
        // A zip timestamp taken from the clock would now differ.
        try await Task.sleep(for: .milliseconds(2100))
        let (second, b) = try Self.writeSample()
        defer { try? FileManager.default.removeItem(atPath: second) }
        #expect(a.sha256 == b.sha256 && a.bytes == b.bytes)
    }

    @Test("a failing sheet leaves no file behind and says which sheet")
    func failureLeavesNothing() throws {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = try OutputFolder(path: folder)
        #expect(throws: XLSXFailure.self) {
            try out.writeWorkbook("x.xlsx", properties: .export(period: Period("2026-10")!, toolVersion: "1"))
            { wb in
                try wb.addFreeSheet(FreeSheet(name: "Summary"))
                try wb.addFreeSheet(FreeSheet(name: "Summary"))  // a duplicate name is refused
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }

    @Test(
        "tables stay open together; a Summary reserved first is written last; a table with sheets after it cannot spill"
    )
    func openTablesAndReservedSheets() throws {
        let folder = ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let t = ReportTemplates.defaults
        let file = try OutputFolder(path: folder).writeWorkbook(
            "b.xlsx",
            properties: .export(period: Period("2026-10")!, toolVersion: "9.9.9", created: Self.created),
            rowLimit: 3
        ) { workbook in
            let summary = try workbook.reserveFreeSheet(named: "Summary")
            let payments = try workbook.addTable(t.payments)
            let quality = try workbook.addTable(t.dataQuality)
            try payments.append(ReportFixtures.payments[0])
            try quality.append(ReportFixtures.dataQuality[0])
            try payments.append(ReportFixtures.payments[1])
            #expect(throws: XLSXTableFull.self) { try payments.append(ReportFixtures.payments[2]) }
            #expect(payments.rows == 2)
            // The last sheet may go on past the limit.
            for row in ReportFixtures.dataQuality.dropFirst() { try quality.append(row) }
            try summary.write(FreeSheet(name: "Summary", rows: [.title("written last")]))
        }
        let cells = try XLSXCells(path: folder + "/" + file.path)
        #expect(cells.sheetNames.prefix(3) == ["Summary", "Payments", "Findings"])
        #expect(cells.sheets["Summary"]?["A1"] == "written last")
        #expect(cells.rows(of: "Payments").count == 3)
    }
}
