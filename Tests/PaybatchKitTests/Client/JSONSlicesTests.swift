import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite("JSON slices: ranges found without decoding, grammar checked")
struct JSONSlicesTests {
    @Test(arguments: [
        "{}", "[]", "0", "-0.5e+3", "\"a\\u00e9\\n\"", "true", "null", " [1, {\"a\": [false]}] ",
        "{\"k\":1,\"k\":2}", "[\"\\\"\\\\\\/\\b\\f\\r\\t\"]",
    ])
    func acceptsWhatJSONAllows(_ text: String) throws {
        #expect(throws: Never.self) { try JSONSlices(Data(text.utf8)) }
        #expect(throws: Never.self) {
            try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        }
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\"}", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
        "\"\\x\"", "\"\\u12g4\"", "\"a\nb\"", "[1] 2", "{a:1}", "[\"unterminated]", "NaN",
    ])
    func refusesWhatJSONDoesNot(_ text: String) {
        #expect(throws: JSONSlices.SyntaxError.self) { try JSONSlices(Data(text.utf8)) }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSlices.SyntaxError.self) { try JSONSlices(Data(text.utf8)) }
    }

    @Test func membersAndElementsAreTheRangesOfTheirValues() throws {
        let text = #" {"a": [1, "x,]", {"b": null}], "é\u0301": {"c": true}, "a": 2.5 } "#
        let slices = try JSONSlices(Data(text.utf8))
        let members = try #require(slices.members(of: slices.root))
        #expect(members.map(\.key) == ["a", "é\u{301}", "a"])
        func source(_ range: Range<Int>) -> String { String(decoding: slices.bytes[range], as: UTF8.self) }
        #expect(members.map { source($0.value) } == [#"[1, "x,]", {"b": null}]"#, #"{"c": true}"#, "2.5"])
        // A repeated key answers with its first value, as Foundation's decoder does.
        #expect(source(try #require(slices.member("a", of: slices.root))) == #"[1, "x,]", {"b": null}]"#)
        let elements = try #require(slices.elements(of: members[0].value))
        #expect(elements.map(source) == ["1", #""x,]""#, #"{"b": null}"#])
        #expect(slices.elements(of: slices.root) == nil)
        #expect(slices.members(of: elements[0]) == nil)
        #expect(slices.decode(Int.self, at: elements[1]) == nil)
        #expect(slices.decode(String.self, at: elements[1]) == "x,]")
    }

    @Test func aSliceOfLargerDataIsReadFromItsOwnStart() throws {
        let whole = Data("xx[1,2]".utf8)
        let slices = try JSONSlices(whole[2...])
        #expect(slices.elements(of: slices.root)?.count == 2)
    }

    /// Random documents: every array's elements, read by slices, decode to what the whole document
    /// decodes to.
    @Test func randomDocumentsAgreeWithFoundation() throws {
        var random = SeededRandom(seed: 5)
        for _ in 0..<200 {
            let value = Self.randomValue(depth: 0, using: &random)
            let data = try JSONSerialization.data(withJSONObject: ["v": value], options: [.fragmentsAllowed])
            let slices = try JSONSlices(data)
            let inner = try #require(slices.member("v", of: slices.root))
            let whole = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let expected = try JSONSerialization.data(
                withJSONObject: whole?["v"] ?? NSNull(), options: [.fragmentsAllowed, .sortedKeys])
            let sliced = try JSONSerialization.jsonObject(
                with: slices.bytes[inner], options: .fragmentsAllowed)
            let actual = try JSONSerialization.data(
                withJSONObject: sliced, options: [.fragmentsAllowed, .sortedKeys])
            #expect(actual == expected)
        }
    }

    /// Large documents, rebuilt level by level from the slices: each walk jumps over the large
    /// containers the checking pass noted, so a wrong extent would misplace every later range.
    @Test func largeDocumentsRebuiltFromTheirSlicesAgreeWithFoundation() throws {
        var random = SeededRandom(seed: 8)
        var large = 0
        for _ in 0..<60 {
            let value = (0..<20).map { _ in Self.randomValue(depth: 0, using: &random, longStrings: true) }
            let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            let slices = try JSONSlices(data)
            if data.count > 4096 { large += 1 }
            func rebuild(_ range: Range<Int>) throws -> Any {
                if let members = slices.members(of: range) {
                    return Dictionary(try members.map { ($0.key, try rebuild($0.value)) }) { first, _ in first
                    }
                }
                if let elements = slices.elements(of: range) { return try elements.map(rebuild) }
                return try JSONSerialization.jsonObject(with: slices.bytes[range], options: .fragmentsAllowed)
            }
            let expected = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
            let rebuilt = try JSONSerialization.data(
                withJSONObject: rebuild(slices.root), options: [.sortedKeys])
            #expect(rebuilt == expected)
        }
        #expect(large >= 10)
    }

    private static func randomValue(
        depth: Int, using random: inout SeededRandom, longStrings: Bool = false
    ) -> Any {
        if longStrings, Int.random(in: 0..<4, using: &random) == 0 {
            return String(repeating: "ab,]}\"", count: Int.random(in: 0..<200, using: &random))
        }
        switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
        case 0: return Int.random(in: -1_000_000...1_000_000, using: &random)
        case 1: return ["", "a\"b", "line\nbreak", "é", "{[,]}", "\\"].randomElement(using: &random)!
        case 2: return Bool.random(using: &random)
        case 3: return NSNull()
        case 4:
            return (0..<Int.random(in: 0..<5, using: &random)).map { _ in
                randomValue(depth: depth + 1, using: &random, longStrings: longStrings)
            }
        default:
            var object: [String: Any] = [:]
            for index in 0..<Int.random(in: 0..<5, using: &random) {
                object["k\(index)"] = randomValue(depth: depth + 1, using: &random, longStrings: longStrings)
            }
            return object
        }
    }
}

@Suite("Pay-statement answers read item by item")
struct PayStatementBatchTests {
    @Test func statementsComeInChunksAndUnreadableOnesAreCounted() async throws {
        let statements = (0..<600).map { index in
            index % 100 == 7 ? "null" : index % 100 == 8 ? "[1]" : #"{"individual_id":"p\#(index)"}"#
        }
        let body =
            #"{"responses":[{"payment_id":"pay-1","code":200,"body":{"paging":{"count":600,"offset":0},"pay_statements":[\#(statements.joined(separator: ","))]}},{"payment_id":"pay-2","code":202,"body":{"code":202,"name":"accepted","finch_code":"data_sync_in_progress","message":"wait"}},7]}"#
        let batch = try PayStatementBatch(Data(body.utf8))
        #expect(batch.items.map(\.id) == ["pay-1", "pay-2"])
        guard case .data(let page) = batch.items[0].outcome, case .syncInProgress = batch.items[1].outcome
        else {
            Issue.record("outcomes: \(batch.items.map(\.outcome))")
            return
        }
        #expect(page.count == 600)
        #expect(page.paging?.count == 600)
        var sizes: [Int] = []
        var ids: [String] = []
        let missing = await page.forEachChunk(of: 256) { chunk in
            sizes.append(chunk.count)
            ids += chunk.compactMap(\.individualID)
        }
        #expect(missing == 12)
        #expect(sizes == [250, 250, 88])  // chunks of 256 elements, 6 of each unreadable
        #expect(ids.count == 588 && ids.first == "p0" && ids.last == "p599" && !ids.contains("p107"))
    }

    @Test("a key given twice in a batch answer: the first value, as Foundation's decoder reads it")
    func repeatedKeysReadAsTheDecoderReadsThem() throws {
        let body = Data(
            (#"{"responses":[{"individual_id":"a","individual_id":"b","code":200,"code":404,"#
                + #""body":{"id":"a"},"body":null}],"responses":[]}"#).utf8)
        let decoded = try JSONDecoder().decode(BatchResponse<WireReference>.self, from: body).items
        let sliced = try SlicedBatch(body).items
        #expect(decoded.map(\.id) == ["a"] && decoded.map(\.code) == [200])
        #expect(sliced.map(\.id) == decoded.map(\.id) && sliced.map(\.code) == decoded.map(\.code))
    }

    @Test func aBodyThatIsNotJSONIsRefusedWhole() {
        #expect(throws: JSONSlices.SyntaxError.self) {
            try PayStatementBatch(
                Data(#"{"responses":[{"payment_id":"p","code":200,"body":{"pay_statements":[{]}}]}"#.utf8))
        }
    }

    @Test func aShapeThatDoesNotFitGivesNoItemsOrUnreadableOnes() throws {
        #expect(try PayStatementBatch(Data(#"{"responses":{}}"#.utf8)).items.isEmpty)
        #expect(try PayStatementBatch(Data("[]".utf8)).items.isEmpty)
        let batch = try PayStatementBatch(
            Data(#"{"responses":[{"payment_id":"p","code":200,"body":[]}]}"#.utf8))
        guard case .unreadable = batch.items.first?.outcome else {
            Issue.record("a 200 item whose body is not an object is unreadable")
            return
        }
    }
}

@Suite("Person batches decoded by id, a few at a time")
struct PersonAnswersTests {
    @Test func eachIdIsDecodedWhenAskedWithTheBatchRules() throws {
        let body = #"""
            {"responses":[
              {"individual_id":"a","code":200,"body":{"id":"a","first_name":"Ann"}},
              {"individual_id":"b","code":404,"body":{"code":404,"name":"not_found","finch_code":"individual_not_found","message":"no"}},
              {"individual_id":"c","code":200,"body":[1,2]},
              {"individual_id":"a","code":200,"body":{"id":"a","first_name":"Second"}},
              "noise"
            ]}
            """#
        let response = FinchResponse(
            endpoint: .individual, status: 200, requestID: RequestID("req-1"), dataRetrieved: nil,
            body: Data(body.utf8))
        var answers = PersonAnswers<WireIndividual>()
        answers.append(try SlicedBatch(response.body), response: response, asked: ["a", "b", "c", "d"])
        let results = answers.results(for: ["a", "b", "c", "d"])
        guard case .ok(let ann) = results["a"] else {
            Issue.record("a: \(String(describing: results["a"]))")
            return
        }
        #expect(ann.firstName == "Ann", "the first answer for an id is the one kept")
        guard case .failed(let notFound) = results["b"], case .failed(let unreadable) = results["c"],
            case .failed(let missing) = results["d"]
        else {
            Issue.record("b, c, d should have failed: \(results)")
            return
        }
        #expect(notFound.requestID == RequestID("req-1"))
        #expect(unreadable.code != notFound.code)
        #expect(missing.code == "missing_from_response")
        #expect(answers.results(for: ["a"]).count == 1, "only what is asked is decoded")
    }
}
