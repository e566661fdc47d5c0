import Foundation
import Testing

@testable import PaybatchKit

@Suite("Reconciliation properties")
struct ReconcilerPropertyTests {
    typealias F = ReconcileFixtures
    static let seeds: [UInt64] = [1, 2, 3, 42, 1234, 99_999]

    func reconcile(_ invoice: Invoice, _ roster: [RosterConnection]) throws -> Reconciliation {
        try Reconciler(invoice: invoice, roster: roster).reconcile()
    }

    @Test("an invoice generated from the roster itself reconciles to all matched", arguments: seeds)
    func generatedInvoiceMatches(seed: UInt64) throws {
        let roster = F.roster(seed: seed)
        let r = try reconcile(F.invoice(for: roster), roster)
        #expect(F.discrepancies(r).isEmpty)
        #expect(r.exitStatus == .ok)
        #expect(r.variance == .zero)
        #expect(r.companies.count == Set(roster.compactMap(\.companyID)).count)
    }

    @Test("removing a line gives in_roster_not_billed for that company and nothing else", arguments: seeds)
    func removedLine(seed: UInt64) throws {
        let roster = F.roster(seed: seed)
        var invoice = F.invoice(for: roster)
        let removed = invoice.lines.remove(at: Int(seed % UInt64(invoice.lines.count)))
        let r = try reconcile(invoice, roster)
        #expect(F.discrepancies(r) == [removed.companyID!.rawValue: .inRosterNotBilled])
        #expect(r.exitStatus == .discrepancies)
        #expect(r.variance == Cents(-removed.amount.value))
    }

    @Test("adding an unknown company gives billed_not_in_roster for it and nothing else", arguments: seeds)
    func unknownCompany(seed: UInt64) throws {
        let roster = F.roster(seed: seed)
        var invoice = F.invoice(for: roster)
        invoice.lines.append(
            InvoiceLine(line: 99, companyID: "co-ghost", quantity: 1, unitPrice: F.price, amount: F.price))
        let r = try reconcile(invoice, roster)
        #expect(F.discrepancies(r) == ["co-ghost": .billedNotInRoster])
        #expect(r.companies.first { $0.key == "co-ghost" }?.action == .dispute)
    }

    @Test("doubling a quantity gives quantity_mismatch for that company and nothing else", arguments: seeds)
    func doubledQuantity(seed: UInt64) throws {
        let roster = F.roster(seed: seed)
        var invoice = F.invoice(for: roster)
        let index = Int(seed % UInt64(invoice.lines.count))
        invoice.lines[index].quantity *= 2
        let r = try reconcile(invoice, roster)
        #expect(F.discrepancies(r) == [invoice.lines[index].companyID!.rawValue: .quantityMismatch])
    }

    @Test(
        "disconnecting a company's only connection before the period gives billed_after_disconnect, and nothing else",
        arguments: seeds)
    func disconnectedBeforePeriod(seed: UInt64) throws {
        var roster = F.roster(seed: seed, companies: 16)
        let invoice = F.invoice(for: roster)
        let counts = Dictionary(grouping: roster, by: { $0.companyID! }).mapValues(\.count)
        let index = try #require(roster.firstIndex { counts[$0.companyID!] == 1 })
        roster[index].disconnectedAt = F.time("2026-09-30T23:59:59Z")
        roster[index].disconnectSource = .disconnect
        let r = try reconcile(invoice, roster)
        #expect(F.discrepancies(r) == [roster[index].companyID!.rawValue: .billedAfterDisconnect])
        // A disconnect during the period leaves it billable: everything matches again.
        roster[index].disconnectedAt = F.time("2026-10-01T00:00:00Z")
        #expect(F.discrepancies(try reconcile(invoice, roster)).isEmpty)
    }

    @Test(
        "changing an amount beyond the tolerance gives amount_mismatch; within it, matched", arguments: seeds)
    func changedAmount(seed: UInt64) throws {
        let roster = F.roster(seed: seed)
        var invoice = F.invoice(for: roster)
        invoice.lines[0].amount = Cents(invoice.lines[0].amount.value + 1)
        #expect(F.discrepancies(try reconcile(invoice, roster)).isEmpty)
        invoice.lines[0].amount = Cents(invoice.lines[0].amount.value + 1)
        #expect(
            F.discrepancies(try reconcile(invoice, roster)) == [
                invoice.lines[0].companyID!.rawValue: .amountMismatch
            ])
    }
}
