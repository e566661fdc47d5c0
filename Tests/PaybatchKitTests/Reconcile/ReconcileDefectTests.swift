import Foundation
import PaybatchTestSupport
import Testing

@testable import PaybatchKit

/// Issue 18's reconcile defects, one test each, written against the API the old code also had
/// so each can be seen failing there (see the closing note of the session that fixed them).
@Suite("Reconcile defects (issue 18)")
struct ReconcileDefectTests {
    typealias F = ReconcileFixtures

    func run(
        _ lines: [InvoiceLine], _ roster: [RosterConnection], unitPrice: Cents? = nil
    ) throws -> Reconciliation {
        try Reconciler(
            invoice: Invoice(period: F.period, currency: "USD", lines: lines), roster: roster,
            unitPrice: unitPrice
        ).reconcile()
    }

    func line(
        _ n: Int, company: CompanyID? = "co", connection: ConnectionID? = nil, quantity: Int64 = 1,
        price: Int64? = 5000, amount: Int64 = 5000
    ) -> InvoiceLine {
        InvoiceLine(
            line: n, companyID: company, connectionID: connection, quantity: quantity,
            unitPrice: price.map(Cents.init), amount: Cents(amount))
    }

    func flags(_ r: Reconciliation, _ id: ConnectionID) -> Set<String> {
        Set(r.connections.first { $0.connectionID == id }?.flags.map(\.rawValue) ?? [])
    }

    @Test("1. amounts past the 64-bit range are refused with 65 naming the line, never a trap")
    func overflowIsRefused() async throws {
        let temp = try TempStore()
        let invoice = temp.folder.appendingPathComponent("invoice.csv")
        try Data(
            ("period,company_id,quantity,amount\r\n2026-10,co,1,92233720368547758.07\r\n"
                + "2026-10,co,1,50000000000000000.00\r\n").utf8
        ).write(to: invoice)
        let job = ReconcileJob(period: F.period, invoicePath: invoice.path, outputRoot: temp.path("out"))
        let roster = [RosterConnection(connectionID: "c1", companyID: "co")]
        let failure = await #expect(throws: ReconcileInputFailure.self) {
            try await job.run(roster: roster, rosterSource: RosterSource(path: "store", connections: 1))
        }
        #expect(failure?.line == 3)
        #expect(failure?.exitStatus == .dataError)
        #expect(!FileManager.default.fileExists(atPath: temp.path("out") + "/2026-10/reconciliation.csv"))
    }

    @Test("2. every created_at the import accepts is read by reconcile as the same instant")
    func createdAtForms() {
        let forms = [
            "2026-11-05 10:00", "2026-11-05T10:00", "2026-11-05T11:00+0100", "2026-11-05T10:00:00z",
            "2026-11-05T11:00:00.250+01:00",
        ]
        for text in forms {
            #expect(UTCTimestamp(iso: text)?.description == "2026-11-05T10:00:00Z", "\(text)")
            let record = ConnectionRecord(
                connectionID: "c1", customerID: "cu", details: ConnectionDetails(status: .connected),
                createdAt: text,
                addedAt: Date())
            #expect(RosterConnection(record: record, events: []).createdAt != nil, "\(text)")
        }
        #expect(UTCTimestamp(iso: "2026-11-05")?.description == "2026-11-05T00:00:00Z")
        for refused in ["2026-11-05 10:00 UTC", "2026-11-05T10:00+01", "2026-11-05T24:00", "05/11/2026", ""] {
            #expect(UTCTimestamp(iso: refused) == nil, "\(refused)")
        }
    }

    @Test("3. one connection disconnected before the period beside a live one: quantity_mismatch, flagged")
    func oneOfTwoDisconnected() throws {
        let roster = [
            RosterConnection(connectionID: "c1", companyID: "co", providerID: "gusto"),
            RosterConnection(
                connectionID: "c2", companyID: "co", providerID: "adp", disconnectedAt: F.time("2026-09-20"),
                disconnectSource: .disconnect),
        ]
        let r = try run([line(2, connection: "c1"), line(3, connection: "c2")], roster)
        #expect(F.categories(r) == ["co": .quantityMismatch])
        #expect(flags(r, "c2").contains("billed_disconnected"))
        #expect(!flags(r, "c1").contains("billed_disconnected"))
        // Only the disconnected one billed, the live one not: the count agrees, the flag decides.
        let alone = try run([line(2, connection: "c2")], roster)
        #expect(F.categories(alone) == ["co": .quantityMismatch])
    }

    @Test("4. lines naming only production connections never blame an unnamed sandbox one")
    func unnamedSandboxNotBlamed() throws {
        let roster = [
            RosterConnection(connectionID: "c1", companyID: "co"),
            RosterConnection(connectionID: "c2", companyID: "co", clientType: "sandbox"),
        ]
        let r = try run([line(2, connection: "c1", quantity: 2, amount: 10_000)], roster)
        #expect(F.categories(r) == ["co": .quantityMismatch])
        // Unnamed excess with a sandbox connection is still the sandbox's.
        let bulk = try run([line(2, quantity: 2, amount: 10_000)], roster)
        #expect(F.categories(bulk) == ["co": .nonProductionBilled])
    }

    @Test("5. the message does not depend on the order connections come in")
    func messageOrder() throws {
        var messages: Set<String> = []
        for extra in 0..<40 {
            var roster = [
                RosterConnection(connectionID: "s-dev", companyID: "co", clientType: "development"),
                RosterConnection(connectionID: "s-box", companyID: "co", clientType: "sandbox"),
            ]
            roster += (0..<extra).map {
                RosterConnection(connectionID: ConnectionID("x\($0)"), companyID: "other")
            }
            let r = try run([line(2, quantity: 3, amount: 15_000)], roster.shuffled())
            messages.insert(r.companies.first { $0.key == "co" }!.message)
        }
        #expect(messages.count == 1, "\(messages)")
    }

    @Test("6. each line is checked against its own unit price when a company's lines differ")
    func ownUnitPrice() throws {
        let roster = [
            RosterConnection(connectionID: "c1", companyID: "co"),
            RosterConnection(connectionID: "c2", companyID: "co"),
        ]
        let agreeing = try run(
            [
                line(2, connection: "c1", price: 5000, amount: 5000),
                line(3, connection: "c2", price: 4500, amount: 4500),
            ],
            roster)
        #expect(F.categories(agreeing) == ["co": .matched])
        // The quantity-weighted mean (47.50) × 2 billable.
        #expect(agreeing.companies[0].expectedAmount == Cents(9500))
        let off = try run(
            [
                line(2, connection: "c1", price: 5000, amount: 5000),
                line(3, connection: "c2", price: 4500, amount: 4000),
            ],
            roster)
        #expect(F.categories(off) == ["co": .amountMismatch])
    }

    @Test("11. duplicate_connection: billable production connections at one known provider only")
    func duplicates() throws {
        let sandboxTwin = [
            RosterConnection(connectionID: "c1", companyID: "co", providerID: "gusto"),
            RosterConnection(connectionID: "c2", companyID: "co", providerID: "gusto", clientType: "sandbox"),
        ]
        #expect(flags(try run([line(2)], sandboxTwin), "c1").isEmpty)
        let unknownProviders = [
            RosterConnection(connectionID: "c1", companyID: "co"),
            RosterConnection(connectionID: "c2", companyID: "co"),
        ]
        #expect(flags(try run([line(2, quantity: 2, amount: 10_000)], unknownProviders), "c1").isEmpty)
        let twins = [
            RosterConnection(connectionID: "c1", companyID: "co", providerID: "gusto"),
            RosterConnection(connectionID: "c2", companyID: "co", providerID: "gusto"),
        ]
        #expect(
            flags(try run([line(2, quantity: 2, amount: 10_000)], twins), "c1") == ["duplicate_connection"])
    }

    /// Found by `BillingModelPropertyTests` on the old code and shrunk to this: a connection of
    /// unknown provider counted as a second provider (and with another, as a duplicate).
    @Test("model-found: an unknown provider beside a known one is neither multi_provider nor a duplicate")
    func unknownProviderIsNoSecondProvider() throws {
        let roster = [RosterConnection(connectionID: "c0-1", companyID: "co-0", providerID: "gusto")]
        let dashboard = [DashboardConnection(connectionID: "c0-0", companyID: "co-0")]
        let r = try Reconciler(
            invoice: Invoice(
                period: F.period, currency: "USD",
                lines: [
                    line(2, company: nil, connection: "ghost"), line(3, company: nil, quantity: 0, amount: 0),
                ]),
            roster: roster, dashboard: dashboard
        ).reconcile()
        #expect(flags(r, "c0-1").isEmpty)
        #expect(flags(r, "c0-0") == ["not_in_roster"])
        #expect(F.categories(r)["co-0"] == .inRosterNotBilled)
    }

    @Test("14. one sign per amount: a leading minus or parentheses, never both or two")
    func amountSigns() {
        #expect(InvoiceAmount.parse("-50.00") == Cents(-5000))
        #expect(InvoiceAmount.parse("(50.00)") == Cents(-5000))
        #expect(InvoiceAmount.parse("-$5.00") == Cents(-500))
        for refused in ["(-5.00)", "+-5", "--5", "-+5", "($-5.00)", "$-5.00", "(+5.00)"] {
            #expect(InvoiceAmount.parse(refused) == nil, "\(refused)")
        }
    }
}
