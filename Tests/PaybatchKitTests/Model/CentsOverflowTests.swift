import Foundation
import PaybatchKit
import Testing

/// Regression tests for amounts at the edge of Int64 cents, found while seeding the invoice fuzzer
/// (FuzzInvoice stops on Tests/Fuzz/Corpus/FuzzInvoice/regression-cents-overflow.csv without the
/// fix): such an amount trapped (a crash) instead of being refused with exit 65.
@Suite("Amounts past Int64 cents are refused, never a crash")
struct CentsOverflowTests {
    @Test("the largest amount that fits is read exactly; one cent more is refused")
    func edge() {
        #expect(Cents(decimal: "92233720368547758.07") == Cents(Int64.max))
        #expect(Cents(decimal: "92233720368547758.08") == nil)
        #expect(Cents(decimal: "92233720368547758.99") == nil)
        #expect(Cents(decimal: "-92233720368547758.07") == Cents(-Int64.max))
    }

    @Test("an invoice line with such an amount is 65 naming its line and column")
    func invoiceLine() {
        let text = "company_id,amount\nc1,92233720368547758.99\n"
        do {
            _ = try InvoiceReader(period: Period("2026-10")!).read(Data(text.utf8), name: "inv.csv")
            Issue.record("the amount must be refused")
        } catch {
            #expect(error.exitStatus == .dataError)
            #expect(error.message.contains("inv.csv, line 2, column 2 (amount)"))
        }
    }
}

@Suite("Money for people")
struct CentsGroupedTests {
    @Test("thousands are separated, cents kept, the sign in front")
    func grouped() {
        #expect(Cents(123_456_789).groupedDecimalString == "1,234,567.89")
        #expect(Cents(-100_000).groupedDecimalString == "-1,000.00")
        #expect(Cents(5).groupedDecimalString == "0.05")
        #expect(Cents(99_999).groupedDecimalString == "999.99")
        #expect(Cents(Int64.min).groupedDecimalString == "-92,233,720,368,547,758.08")
    }
}
