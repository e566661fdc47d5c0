import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `refresh_jobs` (schema version 5): a refresh is inserted, then updated as its job is followed;
/// each connection's latest one is what `status` shows and the next refresh's quota obeys.
@Suite struct RefreshJobStoreTests {
    @Test func keepsTheLatestRefreshOfEachConnection() throws {
        let temp = try TempStore()
        let store = try temp.open()
        let start = Date(timeIntervalSince1970: 1_794_744_000)  // 2026-11-15T12:00:00Z
        var first = RefreshJobRecord(
            connectionID: "conn-1", jobID: "job-1", requestedAt: start, status: .pending, allowedRefreshes: 2,
            remainingRefreshes: 1, requestID: "req-1")
        first.refreshID = try store.saveRefreshJob(first)
        first.status = .complete
        first.updatedAt = start.addingTimeInterval(5)
        try store.saveRefreshJob(first)
        let second = RefreshJobRecord(
            connectionID: "conn-1", jobID: "job-2", requestedAt: start.addingTimeInterval(60),
            status: .pending,
            allowedRefreshes: 2, remainingRefreshes: 0, retryAt: "2026-11-15T13:00:00Z")
        try store.saveRefreshJob(second)
        try store.saveRefreshJob(
            RefreshJobRecord(
                connectionID: "conn-0", requestedAt: start, status: .assisted, message: "assisted: skipped"))

        let latest = try store.latestRefreshJobs()
        #expect(latest.map(\.connectionID) == ["conn-0", "conn-1"])
        #expect(latest[0].status == .assisted)
        #expect(latest[0].jobID == nil)
        #expect(latest[1].jobID == "job-2")
        #expect(latest[1].retryAt == "2026-11-15T13:00:00Z")
        #expect(latest[1].quotaSpent(at: start.addingTimeInterval(120)))
        #expect(!latest[1].quotaSpent(at: start.addingTimeInterval(3600)))
        #expect(try store.database.scalarInt("SELECT count(*) FROM refresh_jobs") == 3)
        #expect(
            try store.database.scalarText("SELECT status FROM refresh_jobs WHERE job_id = 'job-1'")
                == "complete")
    }
}
