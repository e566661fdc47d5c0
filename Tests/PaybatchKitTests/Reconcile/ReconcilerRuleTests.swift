import Foundation
import Testing

@testable import PaybatchKit

@Suite("Reconciliation rules")
struct ReconcilerRuleTests {
    typealias F = ReconcileFixtures

    func line(
        _ company: CompanyID?, _ connection: ConnectionID? = nil, quantity: Int64 = 1, amount: Int64 = 5000
    ) -> InvoiceLine {
        InvoiceLine(
            line: 2, companyID: company, connectionID: connection, quantity: quantity, unitPrice: F.price,
            amount: Cents(amount))
    }

    func run(
        _ lines: [InvoiceLine], _ roster: [RosterConnection], dashboard: [DashboardConnection] = [],
        unitPrice: Cents? = nil
    ) throws -> Reconciliation {
        try Reconciler(
            invoice: Invoice(period: F.period, currency: "USD", lines: lines), roster: roster,
            dashboard: dashboard,
            unitPrice: unitPrice
        ).reconcile()
    }

    @Test("precedence: billed after disconnect wins over non-production and quantity")
    func precedence() throws {
        let roster = [
            RosterConnection(
                connectionID: "c1", companyID: "co", clientType: "sandbox",
                disconnectedAt: F.time("2026-09-01"),
                disconnectSource: .disconnect)
        ]
        #expect(F.categories(try run([line("co", quantity: 3)], roster)) == ["co": .billedAfterDisconnect])
        let live = [RosterConnection(connectionID: "c1", companyID: "co", clientType: "sandbox")]
        #expect(F.categories(try run([line("co", quantity: 3)], live)) == ["co": .nonProductionBilled])
    }

    @Test("disconnect time precedence: roster disconnect, then the Dashboard, then the estimate")
    func disconnectPrecedence() throws {
        let estimated = RosterConnection(
            connectionID: "c1", companyID: "co", status: .rejected,
            disconnectedAt: F.time("2026-11-20T10:00:00Z"),
            disconnectSource: .refresh, disconnectTimeEstimated: true)
        // Estimate alone: after the period, so billable; flagged.
        let alone = try run([line("co")], [estimated])
        #expect(F.categories(alone) == ["co": .matched])
        #expect(alone.connections[0].flags.contains(.disconnectTimeEstimated))
        // The Dashboard's time wins over the estimate.
        let dashboard = [
            DashboardConnection(
                connectionID: "c1", companyID: "co", status: "disconnected",
                disconnectedAt: F.time("2026-08-02"))
        ]
        let withDashboard = try run([line("co")], [estimated], dashboard: dashboard)
        #expect(F.categories(withDashboard) == ["co": .billedAfterDisconnect])
        #expect(withDashboard.connections[0].disconnectSource == "dashboard")
        // `roster disconnect` wins over the Dashboard.
        var disconnected = estimated
        disconnected.disconnectedAt = F.time("2026-10-15T00:00:00Z")
        disconnected.disconnectSource = .disconnect
        disconnected.disconnectTimeEstimated = false
        let withRoster = try run([line("co")], [disconnected], dashboard: dashboard)
        #expect(F.categories(withRoster) == ["co": .matched])
        #expect(withRoster.connections[0].disconnectedAt == F.time("2026-10-15T00:00:00Z"))
    }

    @Test("a first rejection in the history is the estimated disconnect time")
    func rejectionEvent() throws {
        let record = ConnectionRecord(
            connectionID: "c1", customerID: "cust",
            details: ConnectionDetails(companyID: "co", status: .rejected),
            createdAt: "2025-01-02", addedAt: Date(timeIntervalSince1970: 0))
        let events = [
            ConnectionEvent(
                connectionID: "c1", time: Date(timeIntervalSince1970: 100), from: nil, to: .connected,
                source: .import),
            ConnectionEvent(
                connectionID: "c1", time: Date(timeIntervalSince1970: 1_790_000_000), from: .connected,
                to: .rejected,
                source: .refresh),
        ]
        let connection = RosterConnection(record: record, events: events)
        #expect(connection.disconnectedAt == UTCTimestamp(secondsSinceEpoch: 1_790_000_000))
        #expect(connection.disconnectTimeEstimated)
        #expect(connection.createdAt == F.time("2025-01-02"))
    }

    @Test("added: the Dashboard's created_at wins; created after the period is not billable")
    func addedAt() throws {
        let roster = [RosterConnection(connectionID: "c1", companyID: "co", createdAt: F.time("2026-01-01"))]
        let dashboard = [
            DashboardConnection(
                connectionID: "c1", companyID: "co", createdAt: F.time("2026-11-01T00:00:00Z"))
        ]
        let r = try run([line("co")], roster, dashboard: dashboard)
        #expect(F.categories(r) == ["co": .quantityMismatch])
        #expect(r.connections[0].billable == false)
        #expect(F.categories(try run([line("co")], roster)) == ["co": .matched])
    }

    @Test("an unknown connection billed alone is keyed connection:<id> with an empty company_id")
    func unknownConnection() throws {
        let r = try run([line(nil, "ghost-conn")], [])
        #expect(r.companies.map(\.key) == ["connection:ghost-conn"])
        #expect(r.companies[0].companyID == nil && r.companies[0].category == .billedNotInRoster)
        #expect(r.companies[0].cell(.companyID) == .empty)
        // A known connection billed alone goes to its company.
        let known = try run([line(nil, "c1")], [RosterConnection(connectionID: "c1", companyID: "co")])
        #expect(F.categories(known) == ["co": .matched])
    }

    @Test("a connection the roster lacks but the Dashboard lists live: fix the roster, not a dispute")
    func dashboardOnly() throws {
        let dashboard = [DashboardConnection(connectionID: "c9", companyID: "co9", providerID: "gusto")]
        let r = try run([line("co9")], [], dashboard: dashboard)
        #expect(r.companies[0].category == .billedNotInRoster && r.companies[0].action == .fixRoster)
        #expect(r.connections[0].flags == [.notInRoster])
    }

    @Test("account-level lines are checked against every billable connection")
    func accountTotal() throws {
        let roster = [
            RosterConnection(connectionID: "c1", companyID: "a"),
            RosterConnection(connectionID: "c2", companyID: "b"),
        ]
        let r = try run([line("a"), line("b"), line(nil, quantity: 2, amount: 10_000)], roster)
        #expect(r.accountTotal?.matched == true && r.accountTotal?.billableConnections == 2)
        #expect(r.exitStatus == .ok)
        let off = try run([line("a"), line("b"), line(nil, quantity: 3, amount: 15_000)], roster)
        #expect(off.accountTotal?.matched == false && off.exitStatus == .discrepancies)
    }

    @Test("without any unit price amounts are not checked; --unit-price wins over the invoice's")
    func unitPrice() throws {
        let roster = [RosterConnection(connectionID: "c1", companyID: "co")]
        let noPrice = InvoiceLine(line: 2, companyID: "co", quantity: 1, amount: Cents(12_345))
        let r = try run([noPrice], roster)
        #expect(F.categories(r) == ["co": .matched] && r.expectedTotal == nil && r.unitPrice == nil)
        #expect(r.unitPriceSource.contains("no unit_price"))
        let priced = try run([noPrice], roster, unitPrice: Cents(5000))
        #expect(F.categories(priced) == ["co": .amountMismatch])
        #expect(priced.companies[0].variance == Cents(7345))
    }

    @Test("flags: reauth_required, multi_provider, duplicate_connection")
    func flags() throws {
        let roster = [
            RosterConnection(connectionID: "c1", companyID: "co", providerID: "gusto", status: .reauth),
            RosterConnection(connectionID: "c2", companyID: "co", providerID: "gusto"),
            RosterConnection(connectionID: "c3", companyID: "co", providerID: "rippling"),
        ]
        let r = try run([line("co", quantity: 3, amount: 15_000)], roster)
        #expect(r.companies[0].category == .matched)
        #expect(r.companies[0].flags == [.reauthRequired, .multiProvider, .duplicateConnection])
        #expect(r.companies[0].action == .fixRoster)
        #expect(r.companies[0].cell(.flags) == .text("reauth_required;multi_provider;duplicate_connection"))
    }

    @Test("rows are sorted by company_id, then connection_id, bytewise")
    func sorting() throws {
        let roster = ["b", "B", "a", "é"].map {
            RosterConnection(connectionID: ConnectionID("x-\($0)"), companyID: CompanyID($0))
        }
        let r = try run(["b", "B", "a", "é"].map { line(CompanyID($0)) }, roster)
        #expect(r.companies.map(\.key) == ["B", "a", "b", "é"])
        #expect(r.connections.map(\.connectionID.rawValue) == ["x-B", "x-a", "x-b", "x-é"])
    }
}
