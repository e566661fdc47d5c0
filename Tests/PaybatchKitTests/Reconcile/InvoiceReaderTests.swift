import Foundation
import Testing

@testable import PaybatchKit

@Suite("Invoice reading")
struct InvoiceReaderTests {
    let reader = InvoiceReader(period: Period("2026-10")!)
    let header =
        "period,company_id,connection_id,provider_id,quantity,unit_price,amount,currency,description\r\n"

    func read(_ text: String) throws(ReconcileInputFailure) -> Invoice {
        try reader.read(Data(text.utf8), name: "invoice.csv")
    }

    func failure(_ text: String) -> ReconcileInputFailure? {
        do {
            _ = try read(text)
            return nil
        } catch { return error }
    }

    @Test("the default profile: quantity defaults to 1, account-level lines, upper-cased currency")
    func defaultProfile() throws {
        let invoice = try read(
            header + "2026-10,co-1,,gusto,2,50.00,100.00,usd,Connections\r\n"
                + "2026-10,,conn-9,,,,50,usd,\r\n" + "2026-10,,,,,,10.00,usd,Platform fee\r\n")
        #expect(invoice.currency == "USD")
        #expect(invoice.lines.map(\.quantity) == [2, 1, 1])
        #expect(invoice.lines[0].companyID == "co-1" && invoice.lines[0].unitPrice == Cents(5000))
        #expect(invoice.lines[1].connectionID == "conn-9" && invoice.lines[1].amount == Cents(5000))
        #expect(invoice.lines[2].isAccountLevel && invoice.lines[2].line == 4)
    }

    @Test("a byte-order mark, CRLF, LF and quoted commas are read as data, not as errors")
    func bomCRLFAndQuotes() throws {
        let text =
            "\u{FEFF}Company_ID,AMOUNT,Description\r\nco-1,\"1,234.50\",\"Connections, October\"\nco-2,5.00,\"He said \"\"hi\"\"\"\r\n"
        let invoice = try read(text)
        #expect(invoice.lines.map(\.amount) == [Cents(123_450), Cents(500)])
        #expect(invoice.lines[0].description == "Connections, October")
        #expect(invoice.lines[1].description == "He said \"hi\"")
        #expect(invoice.lines[1].line == 3)
    }

    @Test("amounts: the documented forms are exact, anything else is refused")
    func amounts() {
        let good: [(String, Int64)] = [
            ("1234.5", 123_450), ("$1,234.50", 123_450), ("-$5.00", -500), ("(5.00)", -500), ("€12", 1200),
            ("0.10", 10), ("50.000", 5000), (" 7.25 ", 725), ("+3", 300),
        ]
        for (text, cents) in good { #expect(InvoiceAmount.parse(text) == Cents(cents), "\(text)") }
        for bad in ["1.2.3", "12,34.00", "1.005", "abc", "", "$", "1.", "1,2345", "12e3", "--5", "1 000"] {
            #expect(InvoiceAmount.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("a missing amount column is refused naming the file and line 1")
    func missingColumn() {
        let error = failure("company_id,quantity\r\nco-1,1\r\n")
        #expect(error?.exitStatus == .dataError)
        #expect(error?.message.hasPrefix("invoice.csv, line 1: the header has no amount column") == true)
    }

    @Test("no company_id and no connection_id column is refused")
    func missingIDs() {
        let error = failure("amount\r\n5.00\r\n")
        #expect(error?.message.contains("no company_id or connection_id column") == true)
    }

    @Test("a bad number names the line and the column")
    func badNumber() {
        let error = failure(
            header + "2026-10,co-1,,,1,50.00,50.00,usd,\r\n2026-10,co-2,,,1,50.00,5O.00,usd,\r\n")
        #expect(error?.exitStatus == .dataError)
        #expect(
            error?.message.hasPrefix("invoice.csv, line 3, column 7 (amount): \"5O.00\" is not an amount")
                == true)
        let quantity = failure(header + "2026-10,co-1,,,two,50.00,50.00,usd,\r\n")
        #expect(quantity?.message.hasPrefix("invoice.csv, line 2, column 5 (quantity)") == true)
    }

    @Test("a second currency is refused naming its line and the first one's")
    func wrongCurrency() {
        let error = failure(
            header + "2026-10,co-1,,,1,50.00,50.00,usd,\r\n2026-10,co-2,,,1,50.00,50.00,EUR,\r\n")
        #expect(
            error?.message.hasPrefix(
                "invoice.csv, line 3, column 8 (currency): currency EUR differs from USD on line 2") == true)
    }

    @Test("another period than --period is refused")
    func wrongPeriod() {
        let error = failure(header + "2026-09,co-1,,,1,50.00,50.00,usd,\r\n")
        #expect(
            error?.message.hasPrefix("invoice.csv, line 2, column 1 (period): the invoice is for \"2026-09\"")
                == true)
        #expect(error?.remedy?.contains("--period 2026-09") == true)
    }

    @Test("an empty file and a header without lines are refused")
    func empty() {
        #expect(failure("")?.message == "invoice.csv, line 1: the file is empty; a header row is needed.")
        #expect(failure(header)?.message == "invoice.csv, line 2: the invoice has a header but no lines.")
    }

    @Test("a broken quote is refused with its line and character position")
    func brokenQuote() {
        let error = failure("company_id,amount\r\nco-1,\"5.00\r\n")
        #expect(error?.exitStatus == .dataError)
        #expect(error?.message.hasPrefix("invoice.csv, line 2, column 6: unterminated quoted field") == true)
    }

    @Test("two header columns answering to one field are refused")
    func ambiguousHeader() {
        let error = failure("company_id,amount,Amount\r\nco-1,5,5\r\n")
        #expect(
            error?.message.hasPrefix("invoice.csv, line 1, column 3 (Amount): two columns are called") == true
        )
    }
}
