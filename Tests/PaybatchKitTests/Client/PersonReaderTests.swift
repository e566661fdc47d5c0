import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Each code-200 body of a person batch read both ways: through `PersonAnswers` (the hand-written
/// reader) and by Foundation's decoder on the body's bytes (the reference, nil when unreadable).
private func bothWays<Body: SliceReadable & Equatable>(
    _ type: Body.Type, _ body: Data
) throws -> [(reader: Body?, reference: Body?)] {
    let batch = try SlicedBatch(body)
    let response = FinchResponse(
        endpoint: .individual, status: 200, requestID: RequestID("req"), dataRetrieved: nil, body: body)
    let ids = batch.items.compactMap(\.id).map(IndividualID.init)
    var answers = PersonAnswers<Body>()
    answers.append(batch, response: response, asked: ids)
    let results = answers.results(for: ids)
    var seen: Set<String> = []
    return batch.items.compactMap { item in
        // The first answer for an id is the one kept.
        guard let id = item.id, item.code == 200, seen.insert(id).inserted else { return nil }
        let reader: Body? = if case .ok(let value) = results[IndividualID(id)] { value } else { nil }
        return (reader, batch.slices.decode(Body.self, at: item.body))
    }
}

/// Counts the pairs whose readings differ, showing the first few with their text.
func expectSameReadings<Value>(
    _ pairs: [(reader: Value?, reference: Value?)], _ texts: [[UInt8]] = [],
    same: (Value?, Value?) -> Bool
) {
    var differences = 0
    for (index, pair) in pairs.enumerated() where !same(pair.reader, pair.reference) {
        differences += 1
        if differences <= 3 {
            let text = index < texts.count ? String(decoding: texts[index], as: UTF8.self) : "?"
            Issue.record(
                "value \(index) differs:\n\(text)\nreader: \(String(describing: pair.reader))\nreference: \(String(describing: pair.reference))"
            )
        }
    }
    #expect(differences == 0)
}

private func expectSame<Body: Equatable>(
    _ pairs: [(reader: Body?, reference: Body?)], _ texts: [[UInt8]] = []
) {
    expectSameReadings(pairs, texts, same: ==)
}

@Suite("People read by hand: the same values as Foundation's decoder")
struct PersonReaderTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func hostileIndividualsAgree(seed: UInt64) throws {
        var texts = WireTexts(seed: seed, hostile: true)
        let bodies = (0..<400).map { _ in texts.individual() }
        let pairs = try bothWays(WireIndividual.self, Data(WireTexts.personBatch(bodies)))
        #expect(pairs.count == bodies.count)
        expectSame(pairs, bodies)
        // The generator reaches both outcomes, so the comparison means something.
        #expect(pairs.filter { $0.reference == nil }.count > 50)
        #expect(pairs.filter { $0.reference?.emails?.present.contains { $0.data != nil } == true }.count > 20)
        #expect(pairs.filter { $0.reference?.residence?.city != nil }.count > 20)
        #expect(pairs.filter { $0.reference?.gender != nil }.count > 50)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func hostileEmploymentsAgree(seed: UInt64) throws {
        var texts = WireTexts(seed: seed, hostile: true)
        let bodies = (0..<400).map { _ in texts.employment() }
        let pairs = try bothWays(WireEmployment.self, Data(WireTexts.personBatch(bodies)))
        #expect(pairs.count == bodies.count)
        expectSame(pairs, bodies)
        #expect(pairs.filter { $0.reference == nil }.count > 50)
        #expect(pairs.filter { $0.reference?.isActive != nil }.count > 20)
        #expect(pairs.filter { $0.reference?.income?.amount != nil }.count > 5)
        #expect(pairs.filter { $0.reference?.incomeHistory?.present.isEmpty == false }.count > 20)
        #expect(pairs.filter { $0.reference?.employment?.type != nil }.count > 20)
        #expect(pairs.filter { $0.reference?.manager?.id != nil }.count > 20)
    }

    @Test func plainPeopleAgree() throws {
        var texts = WireTexts(seed: 9, hostile: false)
        let individuals = (0..<300).map { _ in texts.individual() }
        let people = try bothWays(WireIndividual.self, Data(WireTexts.personBatch(individuals)))
        expectSame(people, individuals)
        #expect(people.allSatisfy { $0.reader?.residence?.city != nil })
        let employments = (0..<300).map { _ in texts.employment() }
        let jobs = try bothWays(WireEmployment.self, Data(WireTexts.personBatch(employments)))
        expectSame(jobs, employments)
        #expect(jobs.allSatisfy { $0.reader?.income?.amount != nil && $0.reader?.isActive != nil })
    }

    @Test(arguments: [
        "Samples/api/finch-openapi-2024-01/individual.json",
        "Samples/api/quirks/individual-emails.json",
        "Samples/api/quirks/individual-batch-404.json",
        "Tests/Fuzz/Corpus/FuzzWire/finch-openapi-2024-01-individual.json",
        "Tests/Fuzz/Corpus/FuzzWire/quirks-individual-emails.json",
        "Tests/Fuzz/Corpus/FuzzWire/batch-odd-items.json",
    ])
    func repositoryIndividualsAgree(path: String) throws {
        let body = try Data(contentsOf: RepoPaths.root.appendingPathComponent(path))
        expectSame(try bothWays(WireIndividual.self, body))
    }

    @Test(arguments: [
        "Samples/api/finch-openapi-2024-01/employment.json",
        "Samples/api/quirks/employment-unknown-enums.json",
        "Tests/Fuzz/Corpus/FuzzWire/finch-openapi-2024-01-employment.json",
        "Tests/Fuzz/Corpus/FuzzWire/quirks-employment-unknown-enums.json",
        "Tests/Fuzz/Corpus/FuzzWire/batch-odd-items.json",
    ])
    func repositoryEmploymentsAgree(path: String) throws {
        let body = try Data(contentsOf: RepoPaths.root.appendingPathComponent(path))
        let pairs = try bothWays(WireEmployment.self, body)
        expectSame(pairs)
        if path.hasSuffix("finch-openapi-2024-01/employment.json") {
            #expect(pairs.first?.reader?.income?.amount != nil)
        }
    }

    @Test func leavesInEveryFormAgree() throws {
        let leaves = [
            "1.0", "1e2", "12345678901234567.0", "9000000000000000.0", "-0", "1.5", "\"42\"", "\"TRUE\"",
            "\"\\u0046alse\"", "1", "0", "2", "0.1e1", "-0.0", "true", "null", "[]", "{}", "[null]", "[{}]",
            "\"\\ud800\"", "1e400",
        ]
        let bodies = leaves.map { leaf in
            Array(
                #"{"id":\#(leaf),"is_active":\#(leaf),"income":{"amount":\#(leaf),"unit":\#(leaf)},"income_history":[\#(leaf),{"amount":\#(leaf)}],"manager":\#(leaf),"location":{"city":\#(leaf)}}"#
                    .utf8)
        }
        expectSame(try bothWays(WireEmployment.self, Data(WireTexts.personBatch(bodies))), bodies)
    }

    @Test func aRepeatedOrUnreadableKeyAgrees() throws {
        let bodies: [[UInt8]] = [
            Array(#"{"first_name":"first","first_name":"second","\u0066irst_name":"third"}"#.utf8),
            Array(#"{"id":"a","x"#.utf8) + [0xFF] + Array(#"":1}"#.utf8),
            Array(
                #"{"id":"a","emails":[{"data":"d","\ud800":1},{"data":"e"}],"residence":{"city":"c","\udc00":2}}"#
                    .utf8),
        ]
        let pairs = try bothWays(WireIndividual.self, Data(WireTexts.personBatch(bodies)))
        #expect(pairs[0].reference?.firstName == "first")
        #expect(pairs[1].reference == nil)
        #expect(pairs[2].reference?.emails?.present.count == 1 && pairs[2].reference?.residence == nil)
        expectSame(pairs, bodies)
    }
}
