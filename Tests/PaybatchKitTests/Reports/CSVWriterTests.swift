import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("payments in the excel profile match the golden file")
    func excelGolden() throws {
        assertGolden(
            try ReportFixtures.csv(ReportFixtures.payments, profile: .excel), named: "payments-excel.csv")
    }

    @Test("payments in the rfc profile match the golden file")
    func rfcGolden() throws {
        assertGolden(
            try ReportFixtures.csv(ReportFixtures.payments, profile: .rfc), named: "payments-rfc.csv")
    }

    @Test("pay statements and data quality match their goldens (decimals, percent, mixed cells)")
    func otherGoldens() throws {
        assertGolden(
            try ReportFixtures.csv(ReportFixtures.statements, profile: .rfc), named: "pay_statements-rfc.csv")
        assertGolden(
            try ReportFixtures.csv(ReportFixtures.dataQuality, profile: .rfc), named: "data_quality-rfc.csv")
        assertGolden(
            try ReportFixtures.csv(ReportFixtures.connections, profile: .excel),
            named: "connections-excel.csv")
    }

    /// Splits the CSV the writer made with the reader, so the assertions speak of fields.
    private func records(_ data: Data) throws -> [[String]] {
        let reader = try CSVReader(data: data, name: "written.csv")
        var out = [reader.header]
        while let r = try reader.next() { out.append(r.fields) }
        return out
    }

    @Test("excel profile: BOM, CRLF, injection guard on text only, quotes, leading zeros, nulls empty")
    func excelRules() throws {
        let data = try ReportFixtures.csv(ReportFixtures.payments, profile: .excel)
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("customer_id,customer_name,company_id,"))
        #expect(text.hasSuffix("\r\n"))
        #expect(text.components(separatedBy: "\r\n").count == 5)  // header, 3 rows, final empty
        let rows = try records(data)
        let row1 = rows[1]
        let row2 = rows[2]
        #expect(row1[0] == "007" && row1[2] == "0012345678901234567890")
        #expect(row1[7] == "'=SUM(A1:A9)")
        #expect(row1[13] == "1234567.89" && row1[14] == "-0.05")  // money never guarded
        #expect(row1[15] == "0.00" && row1[16] == "")  // zero is a value, null is empty
        #expect(row2[0] == "'+44 20" && row2[2] == "'@handle" && row2[7] == "'-12")
        #expect(row2[3] == "c,2" && row2[6] == "Müller \"Lohn\"")
        #expect(row2[14] == "" && row2[13] == "-1234.56")
        #expect(row2[19] == "line one\nline two")
        #expect(row2[20] == "'\tpending")
        #expect(rows[3][0] == "élan 😀")
        #expect(text.contains("\"Müller \"\"Lohn\"\"\""))
        #expect(!text.contains("null") && !text.contains("nil"))
    }

    @Test("rfc profile: no BOM, text exactly as it came")
    func rfcRules() throws {
        let data = try ReportFixtures.csv(ReportFixtures.payments, profile: .rfc)
        #expect(data.first == UInt8(ascii: "c"))
        let rows = try records(data)
        #expect(rows[1][7] == "=SUM(A1:A9)")
        #expect(rows[2][0] == "+44 20" && rows[2][7] == "-12" && rows[2][20] == "\tpending")
    }

    @Test("a text column showing money is guarded like any text; the header of a custom template is used")
    func retypedColumn() throws {
        let t = try ReportTemplate<PaymentsField>.parse(
            #"{"sheet": "P", "columns": [{"field": "net_pay", "type": "text", "header": "Net"}]}"#,
            file: "p.json")
        let sink = MemoryByteSink()
        let w = try CSVTableWriter(template: t, profile: .excel, sink: sink)
        try w.append(ReportFixtures.payments[0])
        #expect(try w.finish() == 1)
        #expect(String(decoding: sink.data.dropFirst(3), as: UTF8.self) == "Net\r\n'-0.05\r\n")
    }

    @Test("values render exactly: percent rounding, datetimes, booleans")
    func values() {
        #expect(Cell.percent(1, of: 8).plainText == "12.5")
        #expect(Cell.percent(1, of: 3).plainText == "33.3")
        #expect(Cell.percent(2, of: 3).plainText == "66.7")
        #expect(Cell.percent(0, of: 5).plainText == "0.0")
        #expect(Cell.percent(1, of: 0) == .empty)
        #expect(
            Cell.datetime(UTCTimestamp(iso: "2026-10-31T12:00:00.123+02:00")!).plainText
                == "2026-10-31T10:00:00Z")
        #expect(UTCTimestamp(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        #expect(UTCTimestamp(iso: "2026-13-01T00:00:00Z") == nil)
        #expect(Cell.boolean(false).plainText == "false")
        #expect(Cell(nil as String?) == .empty && Cell(ConnectionID("007")) == .text("007"))
    }
}
