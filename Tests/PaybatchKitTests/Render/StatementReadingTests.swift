import Foundation
import Testing

@testable import PaybatchKit

@Suite("Pay statements read behind the calls")
struct StatementReadingTests {
    /// A sink that records the statements it is given; `gate` holds the first page until opened.
    final class GatedSink: ConnectionRowSink, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        let gate = DispatchSemaphore(value: 0)
        var failure: (any Error)?
        private var gated = true

        var individuals: [String] { lock.withLock { seen } }

        func pageNormalizer(for payment: PaymentID) -> @Sendable ([WirePayStatement]) -> NormalizedPage {
            { NormalizedPage(payment: payment, wire: $0) }
        }

        func statements(_ page: NormalizedPage) throws {
            let statements = page.wire
            if let failure { throw failure }
            // Blocks a thread of the cooperative pool, briefly and with a bound: the test opens
            // the gate from the other one.
            if lock.withLock({ gated }) { _ = gate.wait(timeout: .now() + 10) }
            lock.withLock {
                gated = false
                seen += statements.compactMap(\.individualID)
            }
        }
        func begin(_ introspection: Introspection) throws {}
        func people(
            _ entries: [DirectoryEntry], individuals: [IndividualID: ItemResult<WireIndividual>],
            employments: [IndividualID: ItemResult<WireEmployment>]
        ) throws {}
        func payments(_ payments: [WirePayment]) throws {}
        func finish(_ data: ConnectionFacts) throws {}
        func entity(_ entity: ConnectionEntity) throws -> any ConnectionRowSink { self }
        func discard() throws {}
    }

    struct SinkFailed: Error {}

    struct Unchecked<Value>: @unchecked Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// An answer of one payment's page whose statements belong to `people`.
    static func answer(_ payment: String, _ people: [String]) throws -> FinchClient.PayStatementAnswer {
        let statements = people.map { #"{"individual_id":"\#($0)"}"# }.joined(separator: ",")
        let body =
            #"{"responses":[{"payment_id":"\#(payment)","code":200,"body":{"#
            + #""paging":{"offset":0,"count":\#(people.count)},"pay_statements":[\#(statements)]}}]}"#
        guard case .data(let page) = try PayStatementBatch(Data(body.utf8)).items.first?.outcome else {
            throw SinkFailed()
        }
        return [(PaymentID(payment), page)]
    }

    @Test("the calls run at most two answers ahead of the reading, which keeps their order")
    func boundedAndInOrder() async throws {
        let sink = GatedSink()
        let (reader, handoff) = StatementReading.make(sink)
        async let reading: Void = reader.run()
        // The first answer is held at the gate; a second may wait behind it.
        try await handoff.hand(Self.answer("p1", ["a", "b"]))
        try await handoff.hand(Self.answer("p2", ["c"]))
        let third = try Self.answer("p3", ["d"])
        // Not Sendable; this test touches it again only once the task has ended.
        let shared = Unchecked(handoff)
        let handed = Task {
            try await shared.value.hand(third)
            return Date()
        }
        try await Task.sleep(for: .milliseconds(300))
        let opened = Date()
        sink.gate.signal()
        let handedAt = try await handed.value
        #expect(handedAt >= opened, "the third answer was handed over while two were unread")
        try await handoff.drain()
        #expect(sink.individuals == ["a", "b", "c", "d"])
        handoff.close()
        try await reading
    }

    @Test("a sink failure ends the reading: the handoff stops, the reader throws the failure")
    func sinkFailureStopsBoth() async throws {
        let sink = GatedSink()
        sink.failure = SinkFailed()
        let (reader, handoff) = StatementReading.make(sink)
        async let reading: Void = reader.run()
        try await handoff.hand(Self.answer("p1", ["a"]))
        await #expect(throws: StatementReading.ReaderStopped.self) { try await handoff.drain() }
        handoff.close()
        do {
            try await reading
            Issue.record("the reader ended without the sink's failure")
        } catch {
            #expect(error is SinkFailed)
        }
    }
}
