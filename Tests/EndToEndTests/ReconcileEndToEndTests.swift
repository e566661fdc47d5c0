import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `paybatch reconcile` as a user runs it: a store holding the sandbox's roster, the sandbox's
/// invoice and Dashboard export, the built binary.
@Suite("paybatch reconcile, end to end")
struct ReconcileEndToEndTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-15T12:00:00Z")!
    let world = SandboxWorld(options: SandboxOptions(seed: 1, companies: 12, now: now), now: now)
    var period: String { world.lastCompletePeriod }

    /// Stores every connection as `roster import` would: introspect's details, the roster file's
    /// created_at, and the disconnected token found rejected at import (an estimated time).
    func populate(_ temp: TempStore) throws {
        let store = try temp.open(now: { Self.now })
        for c in world.connections {
            try store.upsertCustomer(CustomerID(c.customerID), name: c.customerName)
            let status: ConnectionStatus =
                switch c.scenario {
                case .assisted: .pending
                case .reauth: .reauth
                default: .connected
                }
            try store.addConnection(
                ConnectionID(c.connectionID), customer: CustomerID(c.customerID),
                details: ConnectionDetails(
                    companyID: CompanyID(c.companyID), providerID: ProviderID(c.providerID),
                    clientType: c.clientType,
                    connectionType: c.connectionType, assisted: c.isAssisted,
                    products: SandboxConnection.products,
                    status: status),
                token: AccessToken(c.accessToken),
                createdAt: ISO8601DateFormatter().string(from: c.createdAt),
                source: .import)
            if c.disconnectedAt != nil {
                try store.markDisconnected(
                    ConnectionID(c.connectionID), at: Self.now, source: .import, estimated: true)
            }
        }
    }

    func files(_ temp: TempStore) throws -> (invoice: String, connections: String, out: String) {
        let invoice = temp.path("invoice.csv")
        let connections = temp.path("connections.csv")
        try Data(world.invoiceCSV(period: period)!.utf8).write(to: URL(fileURLWithPath: invoice))
        try Data(world.connectionsCSV().utf8).write(to: URL(fileURLWithPath: connections))
        return (invoice, connections, temp.path("out"))
    }

    @Test("every company gets the sandbox's ground-truth category; totals agree; re-runs are byte-identical")
    func groundTruth() async throws {
        let temp = try TempStore()
        try populate(temp)
        let (invoice, connections, out) = try files(temp)
        let arguments = [
            "reconcile", "--period", period, "--invoice", invoice, "--connections", connections, "--out", out,
            "--db", temp.databasePath,
        ]
        // No key in the environment: reconcile only reads the store.
        let result = try await PaybatchBinary.run(
            arguments, environment: ["PAYBATCH_KEY": "", "PAYBATCH_KEY_FILE": ""])
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stdout.contains("Reconciled \(period): 13 companies"))
        let folder = URL(fileURLWithPath: out).appendingPathComponent(period)
        let json = try Data(contentsOf: folder.appendingPathComponent("reconciliation.json"))
        let csv = try Data(contentsOf: folder.appendingPathComponent("reconciliation.csv"))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("reconciliation-\(period).xlsx").path))

        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let companies = try #require(object["companies"] as? [[String: Any]])
        var categories: [String: String] = [:]
        for company in companies { categories[company["key"] as! String] = company["category"] as? String }
        let expected = world.expectedCategories(period: period)
        #expect(categories == expected)
        #expect(Set(expected.values).count == 7, "the sandbox invoice exercises every category")

        let lines = world.invoiceLines(period: period)!
        let window = BillingPeriod(period)!
        let billable = world.connections.filter {
            $0.isBillable(periodStart: window.start.date, periodEnd: window.end.date)
        }
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(Self.cents(totals["billed"]) == lines.reduce(0) { $0 + $1.amountCents })
        #expect(Self.cents(totals["expected"]) == billable.count * SandboxWorld.unitPriceCents)

        let again = try await PaybatchBinary.run(arguments)
        #expect(again.exitCode == 4)
        #expect(try Data(contentsOf: folder.appendingPathComponent("reconciliation.json")) == json)
        #expect(try Data(contentsOf: folder.appendingPathComponent("reconciliation.csv")) == csv)
    }

    @Test("a bad invoice exits 65 naming the file, line and column; a wrong period too")
    func badInvoice() async throws {
        let temp = try TempStore()
        try populate(temp)
        let bad = temp.path("bad.csv")
        try Data("period,company_id,amount,currency\r\n\(period),co-1,12.3.4,usd\r\n".utf8).write(
            to: URL(fileURLWithPath: bad))
        let result = try await PaybatchBinary.run([
            "reconcile", "--period", period, "--invoice", bad, "--db", temp.databasePath, "--out",
            temp.path("out"),
        ])
        #expect(result.exitCode == 65)
        #expect(result.stderr.contains("\(bad), line 2, column 3 (amount): \"12.3.4\" is not an amount"))
        let wrongPeriod = try await PaybatchBinary.run([
            "reconcile", "--period", "2020-01", "--invoice", bad, "--db", temp.databasePath, "--out",
            temp.path("out"),
        ])
        #expect(wrongPeriod.exitCode == 65)
        #expect(wrongPeriod.stderr.contains("line 2, column 1 (period)"))
        // The inputs are checked before the store is opened: no store still names the bad line.
        let noStore = try await PaybatchBinary.run([
            "reconcile", "--period", period, "--invoice", bad, "--db", temp.path("none.sqlite"), "--out",
            temp.path("out"),
        ])
        #expect(noStore.exitCode == 65 && noStore.stderr.contains("line 2, column 3 (amount)"))
        #expect(!FileManager.default.fileExists(atPath: temp.path("out")))
    }

    @Test("--help has an example")
    func help() async throws {
        let result = try await PaybatchBinary.run(["reconcile", "--help"])
        #expect(result.stdout.contains("Example:") && result.stdout.contains("paybatch reconcile --period"))
    }

    /// A JSON amount (read as a Double by JSONSerialization) in cents, rounded to the cent.
    static func cents(_ value: Any?) -> Int? {
        (value as? NSNumber).map { Int(($0.doubleValue * 100).rounded()) }
    }
}
