import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension StoreContract {
    @Suite struct Runs {
        @Test(arguments: StoreBackend.underTest)
        func runsRoundTripNewestFirst(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-b", startedAt: 10)
                try await store.createTestRun("run-a", startedAt: 10)
                try await store.createTestRun("run-old", startedAt: 0)
                try await store.createTestRun("run-nov", period: "2026-11", startedAt: 20)
                try await store.createRun(
                    RunRecord(
                        runID: "run-rec", period: Period("2026-10")!, command: "reconcile",
                        startedAt: instant(30),
                        options: #"{"only":["conn-1"]}"#))
                // Same start: the one created later is newer.
                #expect(
                    try await store.runs(period: Period("2026-10")!, command: "export").map(\.runID) == [
                        "run-a", "run-b", "run-old",
                    ])
                #expect(
                    try await store.allRuns().map(\.runID) == [
                        "run-rec", "run-nov", "run-a", "run-b", "run-old",
                    ])
                try await store.finishRun("run-a", status: .partial, exitCode: 3, at: instant(40))
                let run = try #require(try await store.run("run-a"))
                #expect(
                    run
                        == RunRecord(
                            runID: "run-a", period: Period("2026-10")!, command: "export",
                            startedAt: instant(10),
                            finishedAt: instant(40), status: .partial, exitCode: 3))
                #expect(try await store.run("run-rec")?.options == #"{"only":["conn-1"]}"#)
                #expect(try await store.run("run-404") == nil)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func pruningKeepsTheLatestRunsAnswers(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                for (index, run) in ["run-1", "run-2", "run-3"].enumerated() {
                    try await store.createTestRun(run, startedAt: index)
                    try await store.storeTestResponse(run: run, key: "a", body: "x")
                    try await store.storeTestResponse(run: run, key: "b", body: "y")
                }
                try await store.createTestRun("run-nov", period: "2026-11", startedAt: 0)
                try await store.storeTestResponse(run: "run-nov", key: "a", body: "x")
                #expect(
                    try await store.pruneResponses(
                        period: Period("2026-10")!, command: "export", keepingLatest: 2) == 2)
                #expect(
                    try await store.responses(runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                        .isEmpty)
                #expect(
                    try await store.responses(runID: "run-2", connection: nil, endpoint: nil, entity: nil)
                        .count == 2)
                #expect(
                    try await store.responses(runID: "run-nov", connection: nil, endpoint: nil, entity: nil)
                        .count == 1)
                #expect(try await store.run("run-1") != nil)
                #expect(
                    try await store.pruneResponses(
                        period: Period("2026-10")!, command: "export", keepingLatest: 0) == 4)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func runConnectionsAndTheLatestStoredOutcome(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                let fetched = RunConnectionRecord(
                    status: .ok, source: "fetched", message: "ok",
                    entities: [
                        RunEntityRecord(
                            entity: ConnectionEntity(id: "ent-1", name: "East", status: "connected"),
                            status: .ok)
                    ])
                let notFetched = RunConnectionRecord(status: .notFetched, source: "fetched")
                try await store.createTestRun("run-1", startedAt: 1)
                try await store.createTestRun("run-2", startedAt: 2)
                try await store.createTestRun("run-3", startedAt: 3)
                try await store.createTestRun("run-4", startedAt: 4)
                try await store.saveRunConnection(notFetched, runID: "run-1", connection: "conn-1")
                try await store.saveRunConnection(fetched, runID: "run-1", connection: "conn-1")
                try await store.storeTestResponse(run: "run-1", key: "a", body: "x")
                try await store.saveRunConnection(fetched, runID: "run-2", connection: "conn-1")
                try await store.storeTestResponse(run: "run-2", key: "a", body: "x")
                // run-3 recorded the connection but kept no answer; run-4 did not fetch it.
                try await store.saveRunConnection(fetched, runID: "run-3", connection: "conn-1")
                try await store.saveRunConnection(notFetched, runID: "run-4", connection: "conn-1")
                try await store.storeTestResponse(run: "run-4", key: "a", body: "x")
                #expect(try await store.runConnections(runID: "run-1") == ["conn-1": fetched])
                #expect(try await store.runConnections(runID: "run-404").isEmpty)
                let october = Period("2026-10")!
                let latest = try await store.latestStoredOutcome(
                    period: october, command: "export", connection: "conn-1", excluding: "run-9",
                    among: { _ in true })
                #expect(latest?.runID == "run-2" && latest?.record == fetched)
                let excluding = try await store.latestStoredOutcome(
                    period: october, command: "export", connection: "conn-1", excluding: "run-2",
                    among: { _ in true })
                #expect(excluding?.runID == "run-1")
                let eligible = try await store.latestStoredOutcome(
                    period: october, command: "export", connection: "conn-1", excluding: "run-9",
                    among: { $0.runID != "run-2" })
                #expect(eligible?.runID == "run-1")
                #expect(
                    try await store.latestStoredOutcome(
                        period: october, command: "export", connection: "conn-2", excluding: "run-9",
                        among: { _ in true }) == nil)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func forgettingARunsDataKeepsItsIntrospectsAndLog(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await store.storeTestResponse(
                    run: "run-1", key: "introspect", endpoint: "introspect", body: "i")
                try await store.storeTestResponse(run: "run-1", key: "a", body: "x")
                try await store.saveRunConnection(
                    RunConnectionRecord(status: .ok, source: "fetched"), runID: "run-1", connection: "conn-1")
                try await store.logRequests([
                    RequestLogEntry(runID: "run-1", endpoint: "directory", time: instant(1))
                ])
                try await store.forgetData(runID: "run-1", keeping: "introspect", options: #"{"fresh":true}"#)
                let left = try await store.responses(
                    runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                #expect(left.map(\.requestKey) == ["introspect"])
                #expect(try await store.runConnections(runID: "run-1").isEmpty)
                #expect(try await store.run("run-1")?.options == #"{"fresh":true}"#)
                #expect(try await store.requestLog(runID: "run-1", connection: nil).count == 1)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func theRequestLogKeepsItsOrderAndTheLastAnsweredCall(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                let entries = [
                    RequestLogEntry(
                        runID: "run-1", requestID: "req-1", connectionID: "conn-1", endpoint: "directory",
                        httpStatus: 200, time: instant(1)),
                    RequestLogEntry(
                        runID: "run-1", requestID: "req-2", connectionID: "conn-1", endpoint: "payment",
                        httpStatus: 429, finchCode: "rate_limited", time: instant(2), attempt: 2),
                    RequestLogEntry(
                        runID: "run-1", connectionID: "conn-1", endpoint: "payment", time: instant(3)),
                    RequestLogEntry(
                        runID: "run-2", requestID: "req-3", connectionID: "conn-2", endpoint: "company",
                        httpStatus: 200, time: instant(0)),
                    RequestLogEntry(endpoint: "introspect", time: instant(4)),
                ]
                try await store.logRequests(Array(entries.prefix(2)))
                try await store.logRequests(Array(entries.dropFirst(2)))
                #expect(try await store.requestLog(runID: nil, connection: nil) == entries)
                #expect(
                    try await store.requestLog(runID: "run-1", connection: nil) == Array(entries.prefix(3)))
                #expect(try await store.requestLog(runID: nil, connection: "conn-2") == [entries[3]])
                #expect(try await store.requestLog(runID: "run-2", connection: "conn-1").isEmpty)
                #expect(
                    try await store.lastAnsweredRequestID(runID: "run-1", connection: "conn-1") == "req-2")
                #expect(try await store.lastAnsweredRequestID(runID: "run-1", connection: "conn-9") == nil)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func periodTotalsAreKeptPerEntityAndReplacedPerRun(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                let october = Period("2026-10")!
                #expect(try await store.latestPeriodTotals(period: october) == nil)
                let totals = [
                    PeriodTotalsRecord(
                        connectionID: "conn-1", exportStatus: .ok, individuals: 3, payments: 2,
                        payStatements: 5,
                        money: [
                            .init(currency: "EUR", gross: Cents(100), net: Cents(80)),
                            .init(currency: "USD", gross: Cents(-5), net: nil),
                        ]),
                    PeriodTotalsRecord(
                        connectionID: "conn-2", exportStatus: .partial, individuals: 1, payments: 0,
                        payStatements: 0,
                        money: [], entityID: "ent-a"),
                    PeriodTotalsRecord(
                        connectionID: "conn-2", exportStatus: .ok, individuals: 2, payments: 1,
                        payStatements: 1,
                        money: [.init(currency: nil, gross: Cents(7), net: Cents(6))], entityID: "ent-b"),
                ]
                try await store.savePeriodTotals(
                    [totals[0]], runID: "run-1", period: october, finishedAt: instant(1))
                try await store.savePeriodTotals(
                    totals, runID: "run-1", period: october, finishedAt: instant(1))
                let latest = try #require(try await store.latestPeriodTotals(period: october))
                #expect(latest.runID == "run-1" && latest.totals == totals)
                try await store.savePeriodTotals(
                    [totals[1]], runID: "run-2", period: october, finishedAt: instant(2))
                #expect(try await store.latestPeriodTotals(period: october)?.runID == "run-2")
                #expect(try await store.latestPeriodTotals(period: Period("2026-11")!) == nil)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func refreshJobsAreSavedUpdatedAndListedLatestFirst(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                var first = RefreshJobRecord(
                    connectionID: "conn-2", jobID: "job-1", requestedAt: instant(1), status: .pending,
                    allowedRefreshes: 3, remainingRefreshes: 2, retryAt: "2026-10-02T00:00:00Z",
                    requestID: "req-1")
                first.refreshID = try await store.saveRefreshJob(first)
                #expect(first.refreshID == 1)
                first.status = .complete
                first.updatedAt = instant(5)
                first.message = "done"
                #expect(try await store.saveRefreshJob(first) == 1)
                let second = try await store.saveRefreshJob(
                    RefreshJobRecord(connectionID: "conn-1", requestedAt: instant(2), status: .assisted))
                var third = RefreshJobRecord(
                    connectionID: "conn-2", requestedAt: instant(3), status: .quotaSpent)
                third.refreshID = try await store.saveRefreshJob(third)
                #expect(second == 2 && third.refreshID == 3)
                let latest = try await store.latestRefreshJobs()
                #expect(latest.map(\.connectionID) == ["conn-1", "conn-2"])
                #expect(latest.last == third)
                #expect(latest.first?.status == .assisted && latest.first?.refreshID == 2)
            }
        }
    }
}
