import Foundation

/// One `paybatch reconcile`: reads the inputs, reconciles them against the roster and writes
/// the files into `OUT/YYYY-MM/`. The command line only gathers the options and the roster.
public struct ReconcileJob {
    public var period: Period
    public var invoicePath: String
    public var connectionsPath: String?
    public var unitPrice: Cents?
    public var tolerance: Cents
    /// The output root; files go into its `YYYY-MM` folder.
    public var outputRoot: String
    public var outputMode: OutputMode
    public var writer: ReconciliationWriter
    public var invoiceProfile: ColumnProfile<InvoiceColumn>
    public var connectionsProfile: ColumnProfile<DashboardColumn>

    public init(
        period: Period, invoicePath: String, connectionsPath: String? = nil, unitPrice: Cents? = nil,
        tolerance: Cents = Cents(1), outputRoot: String, outputMode: OutputMode = .owner,
        writer: ReconciliationWriter = ReconciliationWriter(),
        invoiceProfile: ColumnProfile<InvoiceColumn> = .embedded,
        connectionsProfile: ColumnProfile<DashboardColumn> = .embedded
    ) {
        self.period = period
        self.invoicePath = invoicePath
        self.connectionsPath = connectionsPath
        self.unitPrice = unitPrice
        self.tolerance = tolerance
        self.outputRoot = outputRoot
        self.outputMode = outputMode
        self.writer = writer
        self.invoiceProfile = invoiceProfile
        self.connectionsProfile = connectionsProfile
    }

    /// What one run produced.
    public struct Outcome: Sendable {
        public var reconciliation: Reconciliation
        public var folder: String
        public var files: [WrittenFile]
    }

    /// Runs against a roster given as values.
    public func run(roster: [RosterConnection], rosterSource: RosterSource) async throws -> Outcome {
        try await run { (roster, rosterSource) }
    }

    /// Reads and checks every input file first (so a bad file is named even without a store),
    /// then loads the roster, reconciles and writes; a bad input leaves no output.
    public func run(
        loadingRoster: () async throws -> ([RosterConnection], RosterSource)
    ) async throws -> Outcome {
        let invoiceFile = try ReconcileInputFile.read(role: "invoice", path: invoicePath)
        let invoice = try InvoiceReader(period: period, profile: invoiceProfile).read(
            invoiceFile.data, name: invoicePath)
        var inputs = [invoiceFile]
        var dashboard: [DashboardConnection] = []
        if let connectionsPath {
            let file = try ReconcileInputFile.read(role: "connections", path: connectionsPath)
            dashboard = try DashboardExportReader(profile: connectionsProfile).read(
                file.data, name: connectionsPath)
            inputs.append(file)
        }
        let (roster, rosterSource) = try await loadingRoster()
        let reconciliation: Reconciliation
        do {
            reconciliation = try Reconciler(
                invoice: invoice, roster: roster, dashboard: dashboard, unitPrice: unitPrice,
                tolerance: tolerance
            ).reconcile()
        } catch {
            throw error.failure(file: invoicePath)
        }
        let folder = try OutputFolder(
            path: (outputRoot as NSString).appendingPathComponent(period.description), mode: outputMode)
        let files = try writer.write(reconciliation, inputs: inputs, roster: rosterSource, to: folder)
        return Outcome(reconciliation: reconciliation, folder: folder.path, files: files)
    }
}
