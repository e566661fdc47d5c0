import FinchSandbox
import Foundation
import Testing

@testable import PaybatchKit

/// `StoredRunReader` against the rows a connection's fetch normalized while it ran, over many
/// stored runs of the sandbox: the same rows (keys, cells, order) and the same data as the fetch
/// gave, or none when the fetch stopped at an answer the store lacks; and the same again from a
/// run the answers were copied into. (Until the reader replaced it, the replay through a client
/// in replay mode was a third way, and agreed: 924 connections over 24 worlds.)
@Suite("Rendering from the stored run", .serialized)
struct StoredRunReaderTests {
    /// Worlds of every kind: small batches and pages (many directory pages, people batches and
    /// pay-statement rounds) or Finch's own, with and without faults and oddities. Twelve by
    /// default (about 450 connections); `PAYBATCH_READER_WORLDS` asks for more.
    static let worlds: [StoredRunWorld] = (1...worldCount).map { seed in
        let small = FinchBatchLimits(
            directoryPageSize: 4 + seed % 5, individualsPerCall: 3 + seed % 4,
            paymentsPerPayStatementCall: 2 + seed % 3, payStatementPageSize: 3 + seed % 6)
        let faults = FaultPlan(probabilities: [
            .serverError: 0.015, .badGateway: 0.005, .html: 0.004, .empty: 0.003, .shape: 0.003,
        ])
        return StoredRunWorld(
            seed: UInt64(seed), companies: 30 + seed % 4 * 5,
            limits: seed % 6 == 0 ? FinchBatchLimits() : small, faults: seed % 5 == 0 ? .none : faults,
            oddities: [1, 1, 2, 0.5, 0][seed % 5], pending: seed % 4 == 0 ? 0 : 0.01, syncAfter: seed % 3)
    }

    static let worldCount =
        ProcessInfo.processInfo.environment["PAYBATCH_READER_WORLDS"].flatMap { Int($0) }
        ?? 12

    @Test("the reader gives the fetch's rows and data for every connection")
    func readerMatchesFetch() async throws {
        var coverage = Coverage()
        for world in Self.worlds {
            let outcome = try await world.export()
            let mismatches = outcome.mismatches()
            #expect(
                mismatches.isEmpty,
                "\(world): \(mismatches.count) mismatches\n\(mismatches.prefix(6).joined(separator: "\n"))")
            coverage.add(outcome, limits: world.limits)
        }
        // Every kind of stored run was met, so agreement is not for want of cases.
        let worlds = Self.worlds.count
        #expect(coverage.connections >= 35 * worlds, "\(coverage)")
        for (count, name) in [
            (coverage.nothingStored, "nothing stored"), (coverage.stoppedOnUnreadableAnswer, "unreadable"),
            (coverage.pendingConnections, "pending"), (coverage.pendingPayments, "pending payments"),
            (coverage.failedPayments, "failed payments"), (coverage.productsNotGranted, "products"),
            (coverage.peopleWithoutID, "people without an id"), (coverage.nullStatements, "null statements"),
            (coverage.outsidePeriod, "outside the period"), (coverage.multiPagePayments, "several pages"),
            (coverage.resumed, "resumed"), (coverage.reused, "reused"),
        ] {
            #expect(count >= worlds, "too few connections of a kind (\(name)): \(coverage)")
        }
    }

    /// How many connections of each kind the worlds held.
    struct Coverage: CustomStringConvertible {
        var connections = 0
        /// Fetches that stopped at a call whose answer is not stored (failed, 202, refused).
        var nothingStored = 0
        /// Fetches that stopped at a stored answer that could not be read (the sandbox's garbage).
        var stoppedOnUnreadableAnswer = 0
        var pendingConnections = 0
        var pendingPayments = 0
        var failedPayments = 0
        var productsNotGranted = 0
        var peopleWithoutID = 0
        var nullStatements = 0
        var outsidePeriod = 0
        /// Payments whose statements filled more than one page.
        var multiPagePayments = 0
        var resumed = 0
        var reused = 0

        var description: String {
            "\(connections) connections: \(nothingStored) with nothing stored, "
                + "\(stoppedOnUnreadableAnswer) stopped on an unreadable answer, \(pendingConnections) pending, "
                + "\(pendingPayments) pending and \(failedPayments) failed payments, "
                + "\(productsNotGranted) products not granted, \(peopleWithoutID) people without an id, "
                + "\(nullStatements) null statements, \(outsidePeriod) payments outside the period, "
                + "\(multiPagePayments) payments of several pages, \(resumed) resumed, \(reused) reused"
        }

        mutating func add(_ outcome: StoredRunWorld.Outcome, limits: FinchBatchLimits) {
            for connection in outcome.connections {
                connections += 1
                if connection.resumed { resumed += 1 }
                if connection.last.data.status == .pending { pendingConnections += 1 }
                guard let read = connection.read else {
                    nothingStored += 1
                    continue
                }
                if read.data.stoppedEarly { stoppedOnUnreadableAnswer += 1 }
                pendingPayments += read.data.pendingPayments.count
                failedPayments += read.data.statementResults.values.filter { $0 == .failed }.count
                let notes = read.data.notes
                productsNotGranted += notes.counts.filter { $0.key.code == "product_not_granted" }.count
                outsidePeriod += notes.count("outside_period", report: "payments", column: "pay_date")
                func quality(_ check: String, _ report: String) -> Int {
                    read.rows.qualityRows.filter { $0.check == check && $0.report == report }.count
                }
                peopleWithoutID += quality("missing_id", "employees")
                nullStatements += quality("null_list_element", "pay_statements")
                let statements = (outcome.readRows[connection.index] ?? []).filter {
                    $0.report == PayStatementsField.reportName
                }
                multiPagePayments +=
                    Dictionary(grouping: statements, by: \.payment).values.filter {
                        $0.count > limits.payStatementPageSize
                    }.count
                if case .some = connection.reused { reused += 1 }
            }
        }
    }
}
