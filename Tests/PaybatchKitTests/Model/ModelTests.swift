import Foundation
import PaybatchKit
import Testing

@Suite("Model values")
struct ModelTests {
    @Test(arguments: [
        (Int64(123_456), "1234.56"), (0, "0.00"), (5, "0.05"), (-5, "-0.05"), (-123_400, "-1234.00"),
        (Int64.max, "92233720368547758.07"), (Int64.min, "-92233720368547758.08"),
    ])
    func centsPrintExactly(value: Int64, text: String) {
        #expect(Cents(value).decimalString == text)
    }

    @Test(arguments: [
        ("1234.56", Int64(123_456)), ("1234.5", 123_450), ("1234", 123_400), ("-0.05", -5), ("+3.10", 310),
        (" 7.00 ", 700),
    ])
    func centsParseExactly(text: String, value: Int64) {
        #expect(Cents(decimal: text) == Cents(value))
    }

    @Test(arguments: ["1,234.56", "12.345", "abc", "", "-", ".5", "1e3", "1.", "99999999999999999999"])
    func centsRefuseWhatIsNotAPlainDecimal(text: String) {
        #expect(Cents(decimal: text) == nil)
    }

    @Test func periodsParseStrictlyAndKnowTheirBounds() throws {
        let february = try #require(Period("2024-02"))
        #expect(february.firstDay.description == "2024-02-01")
        #expect(february.lastDay.description == "2024-02-29")
        #expect(Period("2023-02")?.lastDay.description == "2023-02-28")
        #expect(Period("1900-02")?.lastDay.day == nil || Period("1900-02") == nil)
        #expect(Period("2026-12")?.next.description == "2027-01")
        #expect(Period("2026-01")?.previous.description == "2025-12")
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "2026-00", "abcd-ef", ""] {
            #expect(Period(bad) == nil, "\(bad)")
        }
    }

    @Test func calendarDatesParseAndCountDays() throws {
        #expect(CalendarDate("2026-10-31")?.description == "2026-10-31")
        #expect(CalendarDate("2026-10-31T06:00:00Z")?.description == "2026-10-31")
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("31/10/2026") == nil)
        #expect(CalendarDate("1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate("2000-03-01")?.daysSinceEpoch == 11_017)
        #expect(try #require(CalendarDate("2026-01-01")) < #require(CalendarDate("2026-01-02")))
    }

    @Test func periodsAndDatesAreJSONText() throws {
        let data = try JSONEncoder().encode([Period("2026-10")!])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-10"]"#)
        #expect(
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-02-29"]"#.utf8)).first?.day
                == 29)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Period].self, from: Data(#"["2026-13"]"#.utf8))
        }
    }

    @Test func identifiersSortBytewiseAndStayText() {
        let ids: [IndividualID] = ["b", "B", "0010", "010", "é", "z"]
        #expect(ids.sorted().map(\.rawValue) == ["0010", "010", "B", "b", "z", "é"])
    }

    @Test func tokensNeverPrintWhole() {
        let token = AccessToken("0123456789abcdef")
        #expect("\(token)" == "…cdef")
        #expect(String(reflecting: token) == "AccessToken(…cdef)")
        #expect(!"\([token])".contains("0123456789"))
        let credentials = ClientCredentials(clientID: "id", clientSecret: ClientSecret("super-secret-value"))
        #expect(!"\(credentials)".contains("super-secret"))
    }
}
