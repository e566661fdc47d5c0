import FinchSandbox
import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// A connection of several entities, exported entity by entity (issue 21): each data call names
/// one entity, each entity gets rows of its own in every report, an entity Finch cannot read is a
/// failed row of its own (exit 3), and a render from the stored answers gives the same files.
@Suite("Multi-entity export", .serialized)
struct MultiEntityExportTests {
    static func records(_ text: String) throws -> [[String: String]] {
        try BenefitExportTests.records(text)
    }

    @Test func eachEntityIsFetchedAndReportedOnItsOwn() async throws {
        let fixture = try await ExportFixture()
        let world = fixture.sandbox.world
        let connection = try #require(world.connections.first { $0.scenario == .multiEntity })
        let entities = world.entities(of: connection)
        let result = try await fixture.export()
        #expect(result.exitStatus == .partial)
        let rows = result.outcomes.filter { $0.identity.connectionID.rawValue == connection.connectionID }
        let employees = try Self.records(fixture.file("employees.csv")).filter {
            $0["connection_id"] == connection.connectionID
        }
        #expect(rows.map(\.identity.entityID?.rawValue) == entities.map(\.id).sorted())
        for outcome in rows {
            let entity = try #require(entities.first { $0.id == outcome.identity.entityID?.rawValue })
            #expect(outcome.identity.entityName == entity.name)
            if entity.fixedStatus == "error_permissions" {
                #expect(outcome.status == .failed)
                #expect(outcome.connectionStatus == "error_permissions")
                #expect(outcome.message?.contains("error_permissions") == true)
                #expect(outcome.individuals == 0)
                continue
            }
            #expect(outcome.status == .ok)
            let expected = try #require(
                world.expectedTotals(
                    connectionID: connection.connectionID, entityID: entity.id, period: "2026-10"))
            #expect(outcome.individuals == expected.individuals)
            // Each person once (a failed connection's rows are read from the store, not twice).
            #expect(employees.filter { $0["entity_id"] == entity.id }.count == expected.individuals)
            #expect(outcome.payments == expected.payments)
            #expect(outcome.payStatements == expected.payStatements)
            #expect((outcome.totals.byCurrency.first?.gross ?? .zero) == Cents(Int64(expected.grossCents)))
        }
        // Every report's rows name their entity, in (connection, entity) order.
        let byEntity = employees.map { $0["entity_id"] ?? "" }
        #expect(byEntity == byEntity.sorted() && Set(byEntity).count == 2)
        #expect(!byEntity.contains(""))
        let others = try Self.records(fixture.file("payments.csv")).filter {
            $0["connection_id"] != connection.connectionID
        }
        #expect(others.allSatisfy { $0["entity_id"] == "" && $0["entity_name"] == "" })
        let connections = try Self.records(fixture.file("connections.csv")).filter {
            $0["connection_id"] == connection.connectionID
        }
        #expect(connections.map { $0["export_status"] } == rows.map { $0.status.rawValue })
        // run.json: the connection once, failed (its worst entity), with its three entities.
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(try fixture.file("run.json").utf8)) as? [String: Any])
        let listed = try #require(
            (run["connections"] as? [[String: Any]])?.first {
                $0["connection_id"] as? String == connection.connectionID
            })
        #expect(listed["export_status"] as? String == "failed")
        let entries = try #require(listed["entities"] as? [[String: Any]])
        #expect(entries.map { $0["status"] as? String } == rows.map(\.connectionStatus))
        #expect(entries.map { $0["export_status"] as? String } == rows.map { $0.status.rawValue })
        await fixture.stop()
    }

    @Test func callsAreTheMinimumPerEntityAndNoneForTheUnreadableOne() async throws {
        let fixture = try await ExportFixture()
        let world = fixture.sandbox.world
        let connection = try #require(world.connections.first { $0.scenario == .multiEntity })
        _ = try await fixture.export()
        let store = try fixture.temp.runStore()
        let calls = try #require(
            try await store.latestCallCounts(period: fixture.period)[ConnectionID(connection.connectionID)])
        let read = world.exportedViews(of: connection)
        #expect(read.count == 2)
        #expect(calls["introspect"] == 1)
        #expect(calls["company"] == 2 && calls["payment"] == 2)
        #expect(calls["directory"] == 2 && calls["individual"] == 2 && calls["employment"] == 2)
        // Nothing was refused: every call named one connected entity.
        let counters = fixture.sandbox.counters()
        #expect(counters.buckets.values.allSatisfy { $0.refused == 0 })
        let sandboxCalls = counters.buckets.values.reduce(0) { $0 + $1.calls }
        let counted = try await store.latestCallCounts(period: fixture.period).values
            .flatMap { $0.filter { $0.key != "introspect" }.values }.reduce(0, +)
        #expect(sandboxCalls == counted)
        await fixture.stop()
    }

    @Test("an entity disconnected is gone from the reports; the others still export, now completely")
    func aDisconnectedEntityIsNotListed() async throws {
        let fixture = try await ExportFixture()
        let world = fixture.sandbox.world
        let connection = try #require(world.connections.first { $0.scenario == .multiEntity })
        let unreadable = try #require(world.entities(of: connection).first { $0.fixedStatus != nil })
        let answer = try await fixture.client(cache: nil).send(
            .disconnectEntity, .bearer(AccessToken(connection.accessToken)),
            body: Data(#"{"entity_ids":["\#(unreadable.id)"]}"#.utf8))
        #expect(answer.status == 200)
        let result = try await fixture.export()
        let rows = result.outcomes.filter { $0.identity.connectionID.rawValue == connection.connectionID }
        #expect(rows.count == 2 && rows.allSatisfy { $0.status == .ok })
        #expect(!(try fixture.file("connections.csv")).contains(unreadable.id))
        await fixture.stop()
    }

    @Test func theRosterKeepsTheEntitiesAndTheReconciliationListsThem() async throws {
        let fixture = try await ExportFixture()
        let connection = try #require(fixture.sandbox.world.connections.first { $0.scenario == .multiEntity })
        let store = try fixture.temp.open()
        let record = try #require(try store.connection(ConnectionID(connection.connectionID)))
        #expect(Set(record.details.entities.map(\.status)) == ["connected", "error_permissions"])
        #expect(record.details.entities.count == 3)
        let roster = try await RosterConnection.all(in: try fixture.temp.openShared())
        let merged = ConnectionMerger(
            window: BillingWindow(period: fixture.period), roster: roster, dashboard: [],
            invoice: Invoice(period: fixture.period, currency: "USD", lines: [])
        ).merged()
        let row = try #require(merged.first { $0.connectionID.rawValue == connection.connectionID })
        guard case .text(let text) = row.cell(.entities) else {
            Issue.record("no entities listed")
            return
        }
        #expect(text.contains("error_permissions") && text.components(separatedBy: "; ").count == 3)
        // A connection of one entity lists none: it is the connection itself.
        #expect(
            merged.filter { $0.connectionID != row.connectionID }.allSatisfy { $0.cell(.entities) == .empty })
        await fixture.stop()
    }

    @Test("an entity whose call fails is failed alone: the others keep their rows, and the run exits 75")
    func oneEntityFailingCostsOnlyItself() async throws {
        let options = SandboxOptions(seed: 1, companies: 12, now: ExportFixture.now)
        let world = SandboxWorld(options: options, now: ExportFixture.now)
        let connection = try #require(world.connections.first { $0.scenario == .multiEntity })
        let (east, west) = (world.entities(of: connection)[0], world.entities(of: connection)[1])
        var faults = try FaultPlan(parsing: "500=1")
        faults.paths = ["/employer/payment"]
        faults.connections = [west.id]
        let fixture = try await ExportFixture(faults: faults)
        let result = try await fixture.export()
        #expect(result.exitStatus == .temporary)
        let rows = result.outcomes.filter { $0.identity.connectionID.rawValue == connection.connectionID }
        let failed = try #require(rows.first { $0.identity.entityID?.rawValue == west.id })
        #expect(failed.status == .failed && failed.failedTransiently)
        #expect(failed.errors.last?.httpStatus == 500 && failed.individuals == 0)
        let kept = try #require(rows.first { $0.identity.entityID?.rawValue == east.id })
        let expected = try #require(
            world.expectedTotals(connectionID: connection.connectionID, entityID: east.id, period: "2026-10"))
        #expect(kept.status == .ok && kept.individuals == expected.individuals)
        #expect(kept.payStatements == expected.payStatements)
        let employees = try Self.records(fixture.file("employees.csv"))
        #expect(employees.filter { $0["entity_id"] == east.id }.count == expected.individuals)
        #expect(!employees.contains { $0["entity_id"] == west.id })
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(try fixture.file("run.json").utf8)) as? [String: Any])
        #expect((run["retry_next_run"] as? [String])?.contains(connection.connectionID) == true)
        await fixture.stop()
    }

    @Test func anOfflineRenderGivesTheSameFiles() async throws {
        let fixture = try await ExportFixture()
        _ = try await fixture.export()
        let names = [
            "connections.csv", "employees.csv", "payments.csv", "pay_statements.csv", "data_quality.csv",
        ]
        let first = try names.map { try fixture.file($0) }
        let again = try await fixture.export { $0.offline = true }
        #expect(again.exitStatus == .partial)
        for (name, text) in zip(names, first) {
            let now = try fixture.file(name)
            #expect(now == text, "\(name)")
        }
        await fixture.stop()
    }

    @Test func entitiesAreListedAndJudgedFromTheIntrospection() throws {
        func introspection(_ entities: String) throws -> Introspection {
            try JSONDecoder().decode(Introspection.self, from: Data(#"{"entities": \#(entities)}"#.utf8))
        }
        // One entity, or one left after the others were disconnected: fetched as before.
        #expect(ConnectionEntity.listed(in: try introspection(#"[{"id":"a","status":"connected"}]"#)).isEmpty)
        #expect(
            ConnectionEntity.listed(
                in: try introspection(
                    #"[{"id":"a","status":"connected"},{"id":"b","status":"disconnected"}]"#)
            ).isEmpty)
        let listed = ConnectionEntity.listed(
            in: try introspection(
                #"""
                [{"id":"e5","status":"error_no_account_setup"},{"id":"e4","status":"processing"},
                 {"id":"e3","status":"pending"},{"id":"e2","status":"reauth"},{"id":"e1","status":"connected"},
                 {"id":"e6","status":"error_permissions","name":"Acme West"},{"id":"e7","status":"disconnected"},
                 {"id":"e8","status":"something_new"}]
                """#))
        #expect(listed.map(\.id.rawValue) == ["e1", "e2", "e3", "e4", "e5", "e6", "e8"])
        #expect(
            listed.map { $0.statusWithoutCalls?.status } == [
                nil, .reauthRequired, .pending, .pending, .failed, .failed, .failed,
            ])
        #expect(listed[5].statusWithoutCalls?.message.contains("Acme West (e6)") == true)
    }
}
