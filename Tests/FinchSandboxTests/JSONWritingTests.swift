import Foundation
import Testing

@testable import FinchSandbox

/// The sandbox writes its large bodies with `JSONWriter` instead of building `JSONValue` trees;
/// every byte must stay what the trees wrote (ReferenceJSON.swift holds them), for tests and
/// resumed runs compare bodies byte for byte.
@Suite struct JSONWritingTests {
    /// Every provider profile and scenario, with a large company (its statements have their own shape).
    let sandbox = TestSandbox(companies: 12, largeCompany: 120)

    /// Strings a writer must escape, or must copy untouched around the escapes.
    static let awkward = [
        "", "plain", "\"", "\\", "say \"hi\"", "C:\\dir\\", "tab\there", "line\nbreak\r\n", "\u{0}",
        "\u{1}\u{1f}\u{7f}", String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "end",
        "Zoë", "王", "Nguyễn", "e\u{301}", "🧾 pay", "\"\\\n\"", "/slash/", "a\u{2028}b",
        String(repeating: "long run ", count: 40) + "\"",
    ]

    /// The generators of a connection as the sandbox first serves it.
    func generators(_ connection: SandboxConnection) -> (PersonGenerator, PayrollGenerator) {
        let access = sandbox.engine.state.with { sandbox.engine.access(connection, $0) }
        return sandbox.engine.generators(access)
    }

    static func written(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        body(&writer)
        return writer.bytes
    }

    @Test func theWorldHasEveryProfileAndScenario() {
        let connections = sandbox.world.connections
        #expect(Set(connections.map(\.providerID)) == Set(ProviderProfile.all.map(\.id)))
        #expect(Set(connections.map(\.scenario)).count == 8)
    }

    @Test func everyStatementIsWrittenAsItsTree() {
        var check = ByteCheck()
        for connection in sandbox.world.connections {
            let (_, payroll) = generators(connection)
            // A year holds every shape: both off-cycle bonuses, regular runs, the recent syncing ones.
            for plan in payroll.plans(from: payroll.cutoff - 365, to: payroll.cutoff) {
                for statement in payroll.statements(plan) {
                    check.same(
                        Self.written(statement.write), ReferenceSerializer.bytes(statement.referenceJSON),
                        "\(connection.providerID) \(plan.id) \(statement.individualID)")
                }
            }
        }
        check.finish(atLeast: 5_000)
    }

    @Test func everyPersonIsWrittenAsItsTree() {
        var check = ByteCheck()
        for connection in sandbox.world.connections {
            let (people, payroll) = generators(connection)
            // A few past the directory: advanced syncs hire them.
            for index in 0..<payroll.peopleCount + 3 {
                let person = people.person(index)
                let fast = PersonJSON(person: person, profile: connection.profile, today: people.today)
                let old = ReferencePersonJSON(
                    person: person, profile: connection.profile, today: people.today)
                let what = "\(connection.providerID) person \(index)"
                check.same(
                    Self.written(fast.writeDirectoryEntry), ReferenceSerializer.bytes(old.directoryEntry),
                    what)
                check.same(
                    Self.written(fast.writeIndividual), ReferenceSerializer.bytes(old.individual), what)
                for perYear in [24, 26] {
                    check.same(
                        Self.written { fast.writeEmployment(periodsPerYear: perYear, to: &$0) },
                        ReferenceSerializer.bytes(old.employment(periodsPerYear: perYear)), what)
                }
            }
        }
        check.finish(atLeast: 1_000)
    }

    /// A page built alone is the same slice of the whole list, with the same count.
    @Test func aPageIsASliceOfTheWholeList() {
        for connection in [sandbox.connection(.large), sandbox.connection(.normal, provider: "rippling")] {
            let (_, payroll) = generators(connection)
            for plan in payroll.plans(from: payroll.historyStart, to: payroll.cutoff).suffix(4) {
                let all = payroll.statements(plan)
                #expect(all.count == payroll.statementCount(plan))
                let n = all.count
                for range in [
                    0..<0, 0..<1, 0..<5, 3..<10, max(n - 1, 0)..<n + 5, n..<n + 10, n + 5..<n + 6,
                    0..<Int.max,
                ] {
                    let (page, count) = payroll.statements(plan, at: range)
                    let expected = all[min(range.lowerBound, n)..<min(range.upperBound, n)]
                    #expect(count == n)
                    #expect(page.map(\.individualID) == expected.map(\.individualID), "\(range)")
                    #expect(page.map { Self.written($0.write) } == expected.map { Self.written($0.write) })
                }
            }
        }
    }

    @Test func stringsAndNumbersAreWrittenAsBefore() {
        for string in Self.awkward {
            var fast: [UInt8] = []
            var old: [UInt8] = []
            JSONValue.writeString(string, into: &fast)
            ReferenceSerializer.writeString(string, into: &old)
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: old, as: UTF8.self))
        }
        let ints: [Int] = [0, 1, -1, 9, 10, -10, 99, 100, 123_456_789, Int.max, Int.min, Int.min + 1]
        let doubles: [Double] = [
            0, -0.0, 1, -1, 80, 86.67, 0.1, 1.0 / 3, -2.5, 1e15 - 1, 1e15, 1e16, 1e-7, 123_456.789,
            .infinity, -.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
        ]
        let tree = JSONValue.object([
            ("ints", .array(ints.map(JSONValue.int))), ("doubles", .array(doubles.map(JSONValue.double))),
            ("flags", .array([.bool(true), .bool(false), .null])),
            ("strings", .array(Self.awkward.map(JSONValue.string))),
            ("nested", .object(Self.awkward.map { ($0, .array([.object([]), .array([])])) })),
        ])
        #expect(tree.text == String(decoding: ReferenceSerializer.bytes(tree), as: UTF8.self))
        let writer = Self.written { w in
            w.array { w in
                for value in ints { w.int(value) }
                for value in doubles { w.double(value) }
                w.bool(true)
                w.bool(false)
                w.null()
                for string in Self.awkward { w.string(string) }
                w.object { w in
                    for string in Self.awkward {
                        w.key("k")
                        w.string(string)
                    }
                }
            }
        }
        let same = JSONValue.array(
            ints.map(JSONValue.int) + doubles.map(JSONValue.double) + [.bool(true), .bool(false), .null]
                + Self.awkward.map(JSONValue.string) + [.object(Self.awkward.map { ("k", .string($0)) })])
        #expect(
            String(decoding: writer, as: UTF8.self)
                == String(decoding: ReferenceSerializer.bytes(same), as: UTF8.self))
    }

    /// Generated names hold no control characters; made-up records with awkward strings everywhere.
    @Test func awkwardRecordsAreWrittenAsTheirTrees() {
        let connection = sandbox.connection(.normal, provider: "paychex_flex")
        let (people, _) = generators(connection)
        var check = ByteCheck()
        for text in Self.awkward {
            let p = people.person(3)
            let person = Person(
                index: p.index, id: text, sourceID: text, firstName: text, middleName: text, lastName: text,
                preferredName: text, dob: p.dob, gender: text, title: text, department: text,
                managerID: text, isContractor: p.isContractor, subtype: text, start: p.start,
                firstEnd: p.firstEnd, rehire: p.rehire, end: p.end, hourly: p.hourly, rateCents: p.rateCents,
                city: text, state: text, retirementPercent: p.retirementPercent,
                medicalCents: p.medicalCents, seed: p.seed)
            for profile in ProviderProfile.all {
                let fast = PersonJSON(person: person, profile: profile, today: people.today)
                let old = ReferencePersonJSON(person: person, profile: profile, today: people.today)
                check.same(
                    Self.written(fast.writeDirectoryEntry), ReferenceSerializer.bytes(old.directoryEntry),
                    text)
                check.same(
                    Self.written(fast.writeIndividual), ReferenceSerializer.bytes(old.individual), text)
                check.same(
                    Self.written { fast.writeEmployment(periodsPerYear: 26, to: &$0) },
                    ReferenceSerializer.bytes(old.employment(periodsPerYear: 26)), text)
            }
            typealias Line = PayStatement.Line
            let statement = PayStatement(
                individualID: text, type: text, paymentMethod: text, totalHours: 1.0 / 3,
                earnings: [
                    Line(category: .earning, type: text, name: text, amount: nil, hours: nil), nil,
                    Line(category: .earning, type: nil, name: text, amount: -5, hours: 12.25),
                ],
                taxes: [
                    Line(category: .tax, type: text, name: text, amount: nil, employer: true),
                    Line(category: .tax, type: text, name: text, amount: 0),
                ],
                deductions: [Line(category: .deduction, type: text, name: text, amount: nil, preTax: true)],
                contributions: [
                    Line(category: .contribution, type: text, name: text, amount: nil),
                    Line(category: .contribution, type: nil, name: text, amount: Int.max),
                ])
            check.same(
                Self.written(statement.write), ReferenceSerializer.bytes(statement.referenceJSON), text)
            let empty = PayStatement(
                individualID: text, type: text, paymentMethod: text, totalHours: nil, earnings: [], taxes: [],
                deductions: [], contributions: [])
            check.same(Self.written(empty.write), ReferenceSerializer.bytes(empty.referenceJSON), text)
        }
        check.finish(atLeast: Self.awkward.count * 20)
    }

    /// A tree written inside a writer's bytes is its own serialization, commas and all.
    @Test func treesJoinWrittenBytes() {
        let tree = JSONValue.object([("a", .array([.int(1), .string("x\"y"), .null])), ("b", .object([]))])
        let bytes = Self.written { w in
            w.array { w in
                w.value(tree)
                w.int(2)
                w.value(.array([]))
                w.object { w in
                    w.field("t", tree)
                    w.field("n", 3)
                }
            }
        }
        let same = JSONValue.array([tree, .int(2), .array([]), .object([("t", tree), ("n", .int(3))])])
        #expect(String(decoding: bytes, as: UTF8.self) == same.text)
    }

    /// Dates, source ids and phone numbers pad as `String(format:)` did.
    @Test func zeroPaddingIsPrintfs() {
        for value in [0, 1, 9, 10, 42, 999, 1000, 2026, 12_345, 123_456, 1_234_567, -1, -42, -999, -12_345] {
            for width in [0, 1, 2, 4, 6] {
                #expect(value.zeroPadded(width) == String(format: "%0\(width)d", value), "\(value) \(width)")
            }
        }
        for number in [-800_000, -1, 0, 1, 19_000, 20_819, 2_932_896] {
            let day = SandboxDay(number: number)
            let c = day.civil
            #expect(day.description == String(format: "%04d-%02d-%02d", c.year, c.month, c.day))
        }
    }

    /// Whole answers through the engine against what the old endpoints built: the batch wrappers,
    /// paging, item errors and the slices all stay byte for byte.
    @Test(arguments: ["large", "paychex_flex", "bamboo_hr", "rippling"])
    func answersAreTheOldBytes(_ which: String) {
        let connection =
            which == "large" ? sandbox.connection(.large) : sandbox.connection(.normal, provider: which)
        let token = connection.accessToken
        let access = sandbox.engine.access(token: token)!
        let (people, payroll) = sandbox.engine.generators(access)
        let today = sandbox.engine.today
        let old = {
            ReferencePersonJSON(person: people.person($0), profile: connection.profile, today: today)
        }
        var check = ByteCheck()
        func expectSame(_ response: SandboxResponse, _ tree: JSONValue, _ what: String) {
            check.same(response.body, ReferenceSerializer.bytes(tree), what)
        }

        let total = payroll.peopleCount
        for (offset, limit) in [(0, total), (0, 7), (5, 20), (total - 2, 10), (total + 3, 1), (0, 0)] {
            let response = sandbox.get(
                "/employer/directory", query: "offset=\(offset)&limit=\(limit)", token: token)
            let entries = (min(offset, total)..<min(offset + limit, total)).map { old($0).directoryEntry }
            expectSame(
                response,
                .object([
                    ("paging", .object([("count", .int(total)), ("offset", .int(offset))])),
                    ("individuals", .array(entries)),
                ]), "directory \(offset) \(limit)")
        }

        let ids = (0..<total).map { people.person($0).id }
        let unknown = "no-such-person"
        let body =
            "{\"requests\":["
            + (ids + [unknown]).map { "{\"individual_id\":\"\($0)\"}" }.joined(separator: ",")
            + "]}"
        let perYear = connection.schedule == .biWeekly ? 26 : 24
        for employment in [false, true] {
            let response = sandbox.post(
                employment ? "/employer/employment" : "/employer/individual", json: body, token: token)
            var items: [JSONValue] = (0..<total).map { index in
                .object([
                    ("individual_id", .string(ids[index])), ("code", .int(200)),
                    (
                        "body",
                        employment ? old(index).employment(periodsPerYear: perYear) : old(index).individual
                    ),
                ])
            }
            items.append(
                .object([
                    ("individual_id", .string(unknown)), ("code", .int(404)),
                    (
                        "body",
                        FinchError.item(
                            404, "not_found_error", "individual_not_found", "Individual not found")
                    ),
                ]))
            expectSame(response, .object([("responses", .array(items))]), "employment \(employment)")
        }

        let plans = payroll.plans(from: payroll.historyStart, to: payroll.cutoff)
        let pages = [
            (plans[0].id, 0, 5000), (plans[1].id, 3, 4), (plans.last!.id, 10, 5000), (plans[2].id, 9999, 5),
        ]
        let request = pages.map { "{\"payment_id\":\"\($0.0)\",\"offset\":\($0.1),\"limit\":\($0.2)}" }
        let response = sandbox.post(
            "/employer/pay-statement",
            json: "{\"requests\":[" + request.joined(separator: ",") + ",{\"payment_id\":\"nope\"}]}",
            token: token)
        var items: [JSONValue] = pages.map { id, offset, limit in
            let all = payroll.statements(plans.first { $0.id == id }!)
            let slice = all[min(offset, all.count)..<min(offset + limit, all.count)]
            return .object([
                ("payment_id", .string(id)), ("code", .int(200)),
                (
                    "body",
                    .object([
                        ("paging", .object([("count", .int(all.count)), ("offset", .int(offset))])),
                        ("pay_statements", .array(slice.map(\.referenceJSON))),
                    ])
                ),
            ])
        }
        items.append(
            .object([
                ("payment_id", .string("nope")), ("code", .int(404)),
                ("body", FinchError.item(404, "not_found_error", "payment_not_found", "Payment not found")),
            ]))
        expectSame(response, .object([("responses", .array(items))]), "pay statements")
        check.finish(atLeast: 9)
    }
}

/// Compares many bodies, recording where the first difference is and counting the rest, so a broken
/// writer does not bury the report under thousands of bodies (some megabytes long).
struct ByteCheck {
    private(set) var compared = 0
    private(set) var different = 0

    mutating func same(
        _ fast: [UInt8], _ reference: [UInt8], _ what: @autoclosure () -> String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        compared += 1
        guard fast != reference else { return }
        if different == 0 {
            let at = zip(fast, reference).prefix { $0 == $1 }.count
            func around(_ bytes: [UInt8]) -> String {
                String(decoding: bytes[max(0, at - 120)..<min(bytes.count, at + 120)], as: UTF8.self)
            }
            let place =
                "\(what()): first difference at byte \(at) of \(fast.count) (reference \(reference.count))"
            let bodies: String = around(fast) + "\n≠\n" + around(reference)
            Issue.record("\(place):\n\(bodies)", sourceLocation: sourceLocation)
        }
        different += 1
    }

    func finish(atLeast minimum: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(different == 0, "\(different) of \(compared) bodies differ", sourceLocation: sourceLocation)
        #expect(compared >= minimum, sourceLocation: sourceLocation)
    }
}
