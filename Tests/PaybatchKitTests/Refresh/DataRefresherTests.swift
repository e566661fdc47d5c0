import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `paybatch refresh` against the sandbox over real HTTP: one `data_sync_all` per connection,
/// assisted ones skipped, jobs followed to their end, and Finch's quota never exceeded.
@Suite("Forced refreshes: jobs, quotas, and who needs a person")
struct DataRefresherTests {
    static let create = "POST /jobs/automated"

    func imported(jobSeconds: Int = 4) async throws -> RosterSandbox {
        let sandbox = try await RosterSandbox(companies: 8, jobSeconds: jobSeconds)
        _ = try await sandbox.importer().run(try RosterFileReader.read(path: sandbox.rosterFile))
        return sandbox
    }

    func refresher(_ sandbox: RosterSandbox, store: (any PaybatchStore)? = nil) -> DataRefresher {
        DataRefresher(
            store: store ?? sandbox.store, client: sandbox.client, clock: SystemClock(),
            wallClock: ShiftedWallClock(start: RosterSandbox.now))
    }

    func entry(_ report: RefreshReport, _ connection: SandboxConnection) -> RefreshReport.Entry? {
        report.entries.first { $0.job.connectionID.rawValue == connection.connectionID }
    }

    @Test func startsOneJobPerConnectionAndSkipsAssisted() async throws {
        let sandbox = try await imported()
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let report = try await refresher(sandbox).run(RefreshOptions())
        let assisted = try #require(entry(report, sandbox.connection(.assisted)))
        #expect(assisted.job.status == .assisted)
        #expect(assisted.job.jobID == nil)
        let reauth = try #require(entry(report, sandbox.connection(.reauth)))
        #expect(reauth.job.status == .failed)
        #expect(reauth.needsPerson)
        let normal = try #require(entry(report, sandbox.connection(.normal)))
        #expect(normal.job.status == .pending)
        #expect(normal.job.jobID != nil)
        #expect(normal.job.remainingRefreshes == 1)
        // The assisted connection was never asked; the disconnected one is not in the roster.
        #expect(sandbox.calls(Self.create) == report.entries.count - 1)
        #expect(report.exitStatus == .partial)
        #expect(report.lines.contains { $0.contains("Needs a person: 2") })
        let stored = try await sandbox.store.latestRefreshJobs()
        #expect(stored.count == report.entries.count)
        #expect(stored.first { $0.connectionID == normal.job.connectionID }?.jobID == normal.job.jobID)
    }

    /// As for `export` (SPEC §2): a store with no live connection is 78, and nothing is asked.
    @Test func aStoreWithNoLiveConnectionIsAConfigurationProblem() async throws {
        let sandbox = try await RosterSandbox(companies: 8, jobSeconds: 4)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        do {
            _ = try await refresher(sandbox).run(RefreshOptions())
            Issue.record("a refresh of an empty store succeeded")
        } catch let failure as RunStop {
            #expect(failure.exitStatus == .configuration)
            #expect(failure.message.contains("no live connection"))
        }
        #expect(sandbox.calls(Self.create) == 0)
    }

    @Test func followsJobsUntilTheyEnd() async throws {
        let sandbox = try await imported(jobSeconds: 1)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let options = RefreshOptions(wait: .seconds(20), firstPoll: .milliseconds(200))
        let report = try await refresher(sandbox).run(options)
        let world = sandbox.server.world
        let permissions = try #require(world.connections.first { $0.refreshOutcome == "permissions_error" })
        let reauth = try #require(world.connections.first { $0.refreshOutcome == "reauth_error" })
        #expect(entry(report, permissions)?.job.status == .permissionsError)
        #expect(entry(report, reauth)?.job.status == .reauthError)
        #expect(entry(report, sandbox.connection(.normal))?.job.status == .complete)
        #expect(!report.entries.contains { $0.job.status.isRunning })
        #expect(report.exitStatus == .partial)
        let people = report.lines.drop { !$0.hasPrefix("Needs a person") }.joined(separator: "\n")
        #expect(people.contains(permissions.connectionID))
        #expect(people.contains(reauth.connectionID))
        #expect(people.contains("paybatch reauth \(reauth.connectionID)"))
        let stored = try await sandbox.store.latestRefreshJobs()
        #expect(
            stored.first { $0.connectionID.rawValue == permissions.connectionID }?.status == .permissionsError
        )
    }

    @Test func completesWithExitZeroWhenEveryJobDoes() async throws {
        let sandbox = try await imported(jobSeconds: 1)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let id = sandbox.connection(.normal).connectionID
        let options = RefreshOptions(only: [id], wait: .seconds(20), firstPoll: .milliseconds(200))
        let report = try await refresher(sandbox).run(options)
        #expect(report.entries.map(\.job.status) == [.complete])
        #expect(report.exitStatus == .ok)
    }

    @Test func neverExceedsTheQuota() async throws {
        let sandbox = try await imported(jobSeconds: 1)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let id = sandbox.connection(.normal).connectionID
        let options = RefreshOptions(only: [id], wait: .seconds(20), firstPoll: .milliseconds(200))
        _ = try await refresher(sandbox).run(options)
        let second = try await refresher(sandbox).run(options)
        #expect(second.entries.first?.job.remainingRefreshes == 0)
        #expect(second.entries.first?.job.retryAt == "2026-11-15T13:00:00Z")
        // The stored quota says none is left before 13:00: not asked again.
        let third = try await refresher(sandbox).run(options)
        #expect(sandbox.calls(Self.create) == 2)
        #expect(third.entries.first?.job.status == .quotaSpent)
        #expect(third.exitStatus == .temporary)
        #expect(third.earliestRetry == "2026-11-15T13:00:00Z")
        #expect(third.lines.last?.contains("2026-11-15T13:00:00Z") == true)

        // A store that does not know the quota asks, and Finch's 429 says until when.
        let other = try TempStore()
        let otherStore = try other.openShared()
        let reader = RosterImporter(
            store: otherStore, introspector: TokenIntrospector(client: sandbox.client))
        _ = try await reader.run(try RosterFileReader.read(path: sandbox.rosterFile))
        let refused = try await refresher(sandbox, store: otherStore).run(RefreshOptions(only: [id]))
        #expect(sandbox.calls(Self.create) == 3)
        #expect(sandbox.server.counters().endpoints[Self.create]?.statuses["429"] == 1)
        #expect(refused.entries.first?.job.status == .quotaSpent)
        #expect(refused.entries.first?.job.retryAt == "2026-11-15T13:00:00Z")
        #expect(refused.exitStatus == .temporary)
    }

    @Test func theJobThatSpentTheQuotaIsFollowedWithoutAsking() async throws {
        let sandbox = try await imported(jobSeconds: 2)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let id = sandbox.connection(.normal).connectionID
        let waiting = RefreshOptions(only: [id], wait: .seconds(20), firstPoll: .milliseconds(200))
        _ = try await refresher(sandbox).run(waiting)
        let second = try await refresher(sandbox).run(RefreshOptions(only: [id]))
        #expect(second.entries.first?.job.remainingRefreshes == 0)
        let third = try await refresher(sandbox).run(waiting)
        #expect(sandbox.calls(Self.create) == 2)
        #expect(third.entries.first?.job.jobID == second.entries.first?.job.jobID)
        #expect(third.entries.first?.job.status == .complete)
        #expect(third.exitStatus == .ok)
    }

    @Test func aRunningJobIsFollowedNotStartedAgain() async throws {
        let sandbox = try await imported(jobSeconds: 0)
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let id = sandbox.connection(.normal).connectionID
        let first = try await refresher(sandbox).run(RefreshOptions(only: [id]))
        #expect(first.exitStatus == .ok)
        let waiting = RefreshOptions(only: [id], wait: .milliseconds(600), firstPoll: .milliseconds(200))
        let again = try await refresher(sandbox).run(waiting)
        #expect(sandbox.server.counters().endpoints[Self.create]?.statuses["202"] == 1)
        #expect(again.entries.first?.job.jobID == first.entries.first?.job.jobID)
        #expect(again.entries.first?.job.remainingRefreshes == 1)
        #expect(again.entries.first?.job.status == .inProgress)
        #expect(again.exitStatus == .temporary)
        #expect(again.lines.last?.contains("in a few minutes") == true)
    }

    @Test func onlyNamesKnownConnections() async throws {
        let sandbox = try await imported()
        defer { Task { [server = sandbox.server] in await server.stop() } }
        let customer = sandbox.connection(.normal).customerID
        let report = try await refresher(sandbox).run(RefreshOptions(only: [customer]))
        #expect(report.entries.map(\.customerID.rawValue) == [customer])
        await #expect(throws: RunStop.self) {
            try await refresher(sandbox).run(RefreshOptions(only: ["nobody"]))
        }
        #expect(sandbox.calls(Self.create) == 1)
    }
}
