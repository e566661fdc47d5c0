import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// The statements of `body`'s first page read both ways: by the page (the hand-written reader)
/// and by Foundation's decoder on each element's bytes (the reference).
private func bothWays(_ body: Data) throws -> [(reader: WirePayStatement?, reference: WirePayStatement?)] {
    let batch = try PayStatementBatch(body)
    let slices = try JSONSlices(body)
    var pairs: [(WirePayStatement?, WirePayStatement?)] = []
    for (item, sliced) in zip(
        batch.items, try #require(slices.member("responses", of: slices.root).flatMap(slices.elements(of:))))
    {
        guard case .data(let page) = item.outcome else { continue }
        let body = try #require(slices.member("body", of: sliced))
        let elements = try #require(slices.member("pay_statements", of: body).flatMap(slices.elements(of:)))
        #expect(elements.count == page.count)
        for (index, range) in elements.enumerated() {
            pairs.append((page.statement(at: index), slices.decode(WirePayStatement.self, at: range)))
        }
    }
    return pairs
}

/// Decimal's `==` compares values; the stored digits must agree too (`42.50` kept as `425e-1`).
private func decimalBits(_ statement: WirePayStatement?) -> [[UInt8]?] {
    let hours = [statement?.totalHours] + (statement?.earnings?.elements ?? []).map { $0?.hours }
    return hours.map { $0.map { value in withUnsafeBytes(of: value) { Array($0) } } }
}

private func expectSame(
    _ pairs: [(reader: WirePayStatement?, reference: WirePayStatement?)], _ texts: [[UInt8]]
) {
    expectSameReadings(pairs, texts) { $0 == $1 && decimalBits($0) == decimalBits($1) }
}

@Suite("Pay statements read by hand: the same values as Foundation's decoder")
struct PayStatementReaderTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func hostileStatementsAgree(seed: UInt64) throws {
        var texts = WireTexts(seed: seed, hostile: true)
        let statements = (0..<400).map { _ in texts.statement() }
        let pairs = try bothWays(Data(WireTexts.page(statements)))
        #expect(pairs.count == statements.count)
        expectSame(pairs, statements)
        // The generator reaches both outcomes, so the comparison means something.
        // (about a third of the statements are unreadable, a quarter have readable earnings)
        #expect(pairs.filter { $0.reference == nil }.count > 50)
        #expect(pairs.filter { $0.reference?.earnings?.present.isEmpty == false }.count > 50)
        #expect(pairs.filter { $0.reference?.totalHours != nil }.count > 50)
        #expect(pairs.filter { $0.reference?.grossPay?.amount != nil }.count > 5)
        #expect(
            pairs.filter { $0.reference?.taxes?.present.contains { $0.employer != nil } == true }.count > 20)
    }

    @Test func plainStatementsAgree() throws {
        var texts = WireTexts(seed: 9, hostile: false)
        let statements = (0..<300).map { _ in texts.statement() }
        let pairs = try bothWays(Data(WireTexts.page(statements)))
        expectSame(pairs, statements)
        #expect(pairs.allSatisfy { $0.reader?.grossPay?.cents != nil })
    }

    @Test(arguments: [
        "Samples/api/finch-openapi-2024-01/pay-statement.json",
        "Samples/api/quirks/pay-statement-null-elements.json",
        "Samples/api/quirks/pay-statement-item-202.json",
        "Tests/Fuzz/Corpus/FuzzWire/finch-openapi-2024-01-pay-statement.json",
        "Tests/Fuzz/Corpus/FuzzWire/quirks-pay-statement-null-elements.json",
    ])
    func repositoryExamplesAgree(path: String) throws {
        let pairs = try bothWays(Data(contentsOf: RepoPaths.root.appendingPathComponent(path)))
        expectSame(pairs, [])
    }

    /// The rules the reader copies, checked against Foundation's decoder itself, so that a change
    /// in Foundation shows here first.
    @Test func foundationKeepsTheFirstOfARepeatedKey() throws {
        let text =
            #"{"individual_id":"first","individual_id":"second","\u0069ndividual_id":"third","gross_pay":{"amount":1,"amount":2}}"#
        let pairs = try bothWays(Data(WireTexts.page([Array(text.utf8)])))
        #expect(pairs[0].reference?.individualID == "first")
        #expect(pairs[0].reference?.grossPay?.cents == Cents(1))
        expectSame(pairs, [])
    }

    @Test func aKeyThatIsNotUTF8MakesTheObjectUnreadableButAValueOnlyItsField() throws {
        let statements: [[UInt8]] = [
            Array(#"{"type":"a","x"#.utf8) + [0xFF] + Array(#"":1}"#.utf8),
            Array(#"{"type":"a","name":""#.utf8) + [0xFF]
                + Array(#"","taxes":[{"name":"t","\ud800":1}]}"#.utf8),
        ]
        let pairs = try bothWays(Data(WireTexts.page(statements)))
        #expect(pairs[0].reference == nil)
        #expect(pairs[1].reference?.type?.rawValue == "a")
        #expect(
            pairs[1].reference?.taxes?.elements.count == 1
                && pairs[1].reference?.taxes?.present.isEmpty == true)
        expectSame(pairs, statements)
    }

    @Test func leavesInEveryFormAgree() throws {
        let leaves = [
            "1.0", "1e2", "12345678901234567.0", "9000000000000000.0", "8999999999999999.0", "-0", "1.5",
            "\"42\"",
            "\"TRUE\"", "\"\\u0046alse\"", "1", "0", "2", "0.1e1", "-0.0", "true", "null", "[]", "{}",
            "\"\\ud800\"",
            "42.50", "1e400", "5e-324",
        ]
        let statements = leaves.map { leaf in
            Array(
                #"{"total_hours":\#(leaf),"net_pay":{"amount":\#(leaf),"currency":\#(leaf)},"taxes":[{"employer":\#(leaf),"amount":\#(leaf),"name":\#(leaf)}]}"#
                    .utf8)
        }
        expectSame(try bothWays(Data(WireTexts.page(statements))), statements)
    }
}

/// Run by hand, in release, never timed against a bound (CONTRIBUTING.md):
/// `PAYBATCH_MEASURE=1 swift test -c release --skip-build --filter PayStatementReadingMeasurement`
/// (after `swift build -c release --build-tests -Xswiftc -enable-testing`).
@Suite("Measurement: a page of 10,000 statements read both ways")
struct PayStatementReadingMeasurement {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PAYBATCH_MEASURE"] != nil))
    func tenThousandStatements() async throws {
        var texts = WireTexts(seed: 1, hostile: false)
        let body = Data(WireTexts.page((0..<10_000).map { _ in texts.statement() }))
        let slices = try JSONSlices(body)
        let batch = try PayStatementBatch(body)
        guard case .data(let page) = batch.items.first?.outcome else { throw CancellationError() }
        let response = try #require(
            slices.member("responses", of: slices.root).flatMap(slices.elements(of:))?.first)
        let sliced = try #require(
            slices.member("body", of: response).flatMap { slices.member("pay_statements", of: $0) })
        let elements = try #require(slices.elements(of: sliced))
        let clock = ContinuousClock()
        for round in 1...3 {
            var reference: [WirePayStatement] = []
            let codable = clock.measure {
                let decoder = JSONDecoder()
                reference = elements.compactMap {
                    slices.decode(WirePayStatement.self, at: $0, with: decoder)
                }
            }
            var read: [WirePayStatement] = []
            let start = clock.now
            // One chunk of the whole page: read on this thread, as the export reads each chunk.
            await page.forEachChunk(of: page.count) { read = $0 }
            let reader = clock.now - start
            #expect(read == reference && read.count == 10_000)
            print(
                "round \(round): JSONDecoder \(codable), the hand reader \(reader), \(codable / reader)× faster"
            )
        }
    }
}
