import Foundation
import PaybatchKit
import Testing

/// The refresh's exit code and its "when", as pure values.
@Suite struct RefreshReportTests {
    static let now = Date(timeIntervalSince1970: 1_794_744_000)

    func entry(
        _ id: String, _ status: RefreshJobStatus, retryAt: String? = nil, transient: Bool = false
    )
        -> RefreshReport.Entry
    {
        RefreshReport.Entry(
            customerID: CustomerID("cust-\(id)"),
            job: RefreshJobRecord(
                connectionID: ConnectionID(id), jobID: status.isRunning ? "job-\(id)" : nil,
                requestedAt: Self.now,
                status: status, remainingRefreshes: retryAt == nil ? nil : 0, retryAt: retryAt),
            transient: transient)
    }

    @Test func everyJobCompleteIsZero() {
        #expect(RefreshReport(entries: [entry("a", .complete)], waited: true).exitStatus == .ok)
        // Without --wait, a started job is all that was asked.
        #expect(RefreshReport(entries: [entry("a", .pending)], waited: false).exitStatus == .ok)
    }

    @Test(arguments: [RefreshJobStatus.reauthError, .permissionsError, .assisted])
    func aPersonIsNeeded(_ status: RefreshJobStatus) {
        let report = RefreshReport(entries: [entry("a", .complete), entry("b", status)], waited: true)
        #expect(report.exitStatus == .partial)
        #expect(report.lines.contains("Needs a person: 1:"))
    }

    @Test func laterWinsAndNamesTheEarliestRetry() {
        let report = RefreshReport(
            entries: [
                entry("a", .quotaSpent, retryAt: "2026-11-15T14:00:00Z"),
                entry("b", .quotaSpent, retryAt: "2026-11-15T13:00:00+00:00"), entry("c", .reauthError),
            ], waited: true)
        #expect(report.exitStatus == .temporary)
        #expect(report.earliestRetry == "2026-11-15T13:00:00Z")
        #expect(report.lines.last?.contains("next refresh at 2026-11-15T13:00:00Z") == true)
        #expect(RefreshReport(entries: [entry("a", .inProgress)], waited: true).exitStatus == .temporary)
        #expect(
            RefreshReport(entries: [entry("a", .failed, transient: true)], waited: true).exitStatus
                == .temporary)
        #expect(RefreshReport(entries: [entry("a", .failed)], waited: true).exitStatus == .partial)
    }

    @Test func stillSyncingListsRunningJobs() {
        let report = RefreshReport(entries: [entry("a", .inProgress), entry("b", .complete)], waited: true)
        #expect(report.stillSyncing == [ConnectionID("a"): "job-a"])
    }
}
