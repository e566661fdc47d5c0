import Foundation
import PaybatchKit
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func read(_ text: String, limit: Int = 1 << 20) throws -> (header: [String], rows: [CSVRecord]) {
        let reader = try CSVReader(data: Data(text.utf8), name: "in.csv", maxRecordBytes: limit)
        var rows: [CSVRecord] = []
        while let r = try reader.next() { rows.append(r) }
        return (reader.header, rows)
    }

    private func failure(_ text: String, limit: Int = 1 << 20) -> CSVReadFailure? {
        do {
            _ = try read(text, limit: limit)
            return nil
        } catch {
            return error as? CSVReadFailure
        }
    }

    @Test("a BOM is skipped, CRLF and LF both end records, headers are found case-insensitively")
    func basics() throws {
        let (header, rows) = try read("\u{FEFF}Customer_ID,Access_Token\r\n007,tok1\nx,\r\n\r\n")
        #expect(header == ["Customer_ID", "Access_Token"])
        #expect(rows.map(\.fields) == [["007", "tok1"], ["x", ""]])
        #expect(rows.map(\.line) == [2, 3])
        let reader = try CSVReader(data: Data("a,B\n".utf8), name: "x")
        #expect(reader.index(of: "b") == 1 && reader.index(of: "A") == 0 && reader.index(of: "c") == nil)
    }

    @Test("quoted fields hold commas, doubled quotes and line breaks; lines are counted through them")
    func quoted() throws {
        let (_, rows) = try read("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"\"\nlast,\"é\"")
        #expect(rows.map(\.fields) == [["x, y", "say \"hi\""], ["two\r\nlines", ""], ["last", "é"]])
        #expect(rows.map(\.line) == [2, 3, 5])
    }

    @Test("an unterminated quote names the line and column where it opened")
    func unterminated() {
        let f = failure("a,b\nok,fine\nx,\"never closed\nmore")
        #expect(f?.line == 3 && f?.column == 3 && f?.exitStatus == .dataError)
        #expect(f?.message.hasPrefix("in.csv, line 3, column 3:") == true)
    }

    @Test("a stray quote in an unquoted field, or text after a closing quote, names line and column")
    func strayQuotes() {
        let stray = failure("a,b\nab\"c,d")
        #expect(stray?.line == 2 && stray?.column == 3)
        let after = failure("a,b\n\"ab\"c,d")
        #expect(after?.line == 2 && after?.column == 5)
    }

    @Test("a record with the wrong number of fields names its line")
    func fieldCount() {
        let f = failure("a,b,c\n1,2,3\n1,2\n")
        #expect(f?.line == 3 && f?.column == 4 && f?.problem == "2 fields where the header has 3")
        let extra = failure("a,b\n1,22,333\n")
        #expect(
            extra?.line == 2 && extra?.column == 6
                && extra?.message.hasPrefix("in.csv, line 2, column 6:") == true)
    }

    @Test("bytes that are not UTF-8 name the line and column of their field")
    func invalidUTF8() throws {
        var data = Data("a,b\nok,x".utf8)
        data.append(0xFF)
        do {
            _ = try CSVReader(data: data, name: "latin1.csv").next()
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == 2 && error.column == 4 && error.problem == "not valid UTF-8 text")
        }
    }

    @Test("a record longer than the limit is an error, not an exhausted memory")
    func longLine() {
        let f = failure("a\n" + String(repeating: "x", count: 5000) + "\n", limit: 1000)
        #expect(f?.line == 2 && f?.problem.contains("longer than 1000 bytes") == true)
        #expect(failure("a\n\"" + String(repeating: "x", count: 5000), limit: 1000)?.line == 2)
    }

    @Test("files are read from disk in chunks; an empty file needs a header")
    func fromDisk() throws {
        let path = ReportFixtures.temporaryFolder() + "/big.csv"
        var text = "id,name\n"
        for i in 0..<20_000 { text += "\(i),\"name, \(i)\"\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try CSVReader(path: path)
        var count = 0
        var last: CSVRecord?
        while let r = try reader.next() {
            count += 1
            last = r
        }
        #expect(count == 20_000 && last?.fields == ["19999", "name, 19999"] && last?.line == 20_001)
        #expect(throws: CSVReadFailure.self) { try CSVReader(data: Data(), name: "empty.csv") }
        #expect(throws: CSVReadFailure.self) { try CSVReader(path: path + ".missing") }
    }
}
