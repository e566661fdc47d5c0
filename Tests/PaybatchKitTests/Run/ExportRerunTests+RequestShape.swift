import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// A resume whose requests have another shape than its first invocation's (people per
/// `/employer/individual` call, statements per page, `--include-ssn`): the stored answers of the
/// two shapes must never be read together, nor one of the other shape reused.
extension ExportRerunTests {
    /// Makes the period's latest run look interrupted: `running`, nothing recorded of its connections.
    private func interrupt(_ fixture: ExportFixture) throws {
        let store = try fixture.temp.open()
        _ = try store.database.run("UPDATE runs SET status = 'running', finished_at = NULL")
        _ = try store.database.run("DELETE FROM run_connections")
    }

    @Test func aResumeWithAnotherBatchSizeWritesWhatAFreshRunDoesAndSoDoesOfflineAfterIt() async throws {
        // Three people a call and pages of three statements: several batches a connection.
        let fixture = try await ExportFixture(companies: 6, syncAfter: 0)
        fixture.limits = FinchBatchLimits(individualsPerCall: 3, payStatementPageSize: 3)
        let first = try await fixture.export()
        let fresh = try files(fixture)
        try interrupt(fixture)
        fixture.limits = FinchBatchLimits(individualsPerCall: 5, payStatementPageSize: 4)
        let resumed = try await fixture.export()
        #expect(resumed.runID == first.runID)
        #expect(try files(fixture) == fresh)
        try FileManager.default.removeItem(atPath: fixture.out)
        let offline = try await fixture.export { $0.offline = true }
        #expect(offline.runID == first.runID)
        #expect(try files(fixture) == fresh)
        await fixture.stop()
    }

    @Test func aResumeWithIncludeSSNKeepsOnlyAnswersAskedWithIt() async throws {
        let fixture = try await ExportFixture(companies: 4, syncAfter: 0)
        fixture.limits = FinchBatchLimits(individualsPerCall: 3)
        let first = try await fixture.export()
        try interrupt(fixture)
        let resumed = try await fixture.export { $0.includeSSN = true }
        #expect(resumed.runID == first.runID)
        let people = try fixture.temp.open().responses(runID: first.runID, endpoint: "individual").count
        // A fresh run with --include-ssn: its people's answers are the resumed run's, in number.
        let fresh = try await fixture.export {
            $0.includeSSN = true
            $0.fresh = true
        }
        let freshPeople = try fixture.temp.open().responses(runID: fresh.runID, endpoint: "individual").count
        #expect(freshPeople > 0)
        #expect(people == freshPeople, "answers of both shapes are stored for the resumed run")
        await fixture.stop()
    }

    @Test func aRunAfterOneOfAnotherBatchSizeFetchesAgainRatherThanReuseItsAnswers() async throws {
        let fixture = try await ExportFixture(companies: 6, syncAfter: 0)
        fixture.limits = FinchBatchLimits(individualsPerCall: 3, payStatementPageSize: 3)
        _ = try await fixture.export()
        let fresh = try files(fixture)
        fixture.limits = FinchBatchLimits(individualsPerCall: 5, payStatementPageSize: 4)
        _ = try await fixture.export()
        #expect(try files(fixture) == fresh)
        #expect(try sources(fixture).values.allSatisfy { $0 == "fetched" })
        // With the same sizes again, the run before serves.
        _ = try await fixture.export()
        #expect(try files(fixture) == fresh)
        #expect(try sources(fixture).values.contains("reused"))
        await fixture.stop()
    }
}
