import ArgumentParser
import Foundation
import PaybatchKit

/// `paybatch reconcile`: Finch's invoice against the roster, keyed by company_id (SPEC §5).
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Check Finch's invoice against the roster: what to dispute, what to fix.",
        discussion: """
            Reads the invoice CSV (and Finch Dashboard's connections export, when given), gives every \
            company one category (matched, billed_not_in_roster, billed_after_disconnect, \
            non_production_billed, in_roster_not_billed, quantity_mismatch, amount_mismatch) and writes \
            reconciliation-YYYY-MM.xlsx, reconciliation.csv and reconciliation.json into OUT/YYYY-MM/. \
            The store is only read: no lock and no key are needed. Exits 0 when everything matched, 4 \
            when something did not, 65 when an input cannot be read (naming file, line and column).

            Example:
              paybatch reconcile --period 2026-10 --invoice finch-invoice-2026-10.csv
              paybatch reconcile --period 2026-10 --invoice invoice.csv \\
                  --connections connections.csv --unit-price 50.00 --out reports
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The billing period, YYYY-MM (UTC month).") var period: String
    @Option(help: "Finch's invoice as CSV.") var invoice: String
    @Option(help: "Finch Dashboard's connections export (CSV), a third view of the connections.")
    var connections: String?
    @Option(help: "Price of one connection; wins over the invoice's unit_price (e.g. 50.00).")
    var unitPrice: String?
    @Option(help: "Largest amount difference still counted as agreeing.") var tolerance =
        "0.01"
    @Option(help: "Output root; files go into its YYYY-MM folder (env PAYBATCH_OUT; default ./out).")
    var out: String?
    @Option(help: "CSV flavour: excel (byte-order mark, formula guard) or rfc.") var csvProfile: CSVProfile =
        .excel
    @Option(
        help: """
            A column profile for the invoice: a JSON file {"columns": {"amount": ["amount", "Charge"], …}} \
            listing, for each invoice column, the header names it may go by.
            """)
    var invoiceProfile: String?
    @Option(help: "A column profile for the connections export.") var connectionsProfile: String?

    func validate() throws {
        guard Period(period) != nil else {
            throw ValidationError("--period must be YYYY-MM, such as 2026-10")
        }
        if let unitPrice, InvoiceAmount.parse(unitPrice) == nil {
            throw ValidationError("--unit-price must be an amount such as 50.00")
        }
        guard let cents = InvoiceAmount.parse(tolerance), cents.value >= 0 else {
            throw ValidationError("--tolerance must be an amount of 0 or more, such as 0.01")
        }
    }

    func run() async throws {
        try await withContext(global) { context in
            let job = ReconcileJob(
                period: Period(period)!, invoicePath: invoice, connectionsPath: connections,
                unitPrice: unitPrice.flatMap(InvoiceAmount.parse), tolerance: InvoiceAmount.parse(tolerance)!,
                outputRoot: out ?? context.settings.outputFolder, outputMode: context.settings.outputMode,
                writer: ReconciliationWriter(csvProfile: csvProfile),
                invoiceProfile: try invoiceProfile.map(ColumnProfile<InvoiceColumn>.load(path:)) ?? .embedded,
                connectionsProfile: try connectionsProfile.map(ColumnProfile<DashboardColumn>.load(path:))
                    ?? .embedded)
            let outcome = try await job.run {
                // Read-only and keyless: reconciliation never decrypts a token.
                try await context.withStore(mode: .readOnly, keys: .keyless) { store in
                    let roster = try await RosterConnection.all(in: store)
                    return (roster, RosterSource(path: store.place, connections: roster.count))
                }
            }
            for line in ReconcileReport.lines(outcome) { context.console.out(line) }
            return outcome.reconciliation.exitStatus
        }
    }
}
