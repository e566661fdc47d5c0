import Foundation

/// What one run made of one connection: the facts connections.csv, the Summary sheet and run.json
/// report. Counts are filled when the connection's rows are written.
public struct ConnectionOutcome: Sendable {
    public var record: ConnectionRecord
    public var customerName: String
    public var identity: ConnectionIdentity
    public var status: ExportStatus
    /// `fetched` or `reused` (SPEC §8).
    public var source: String
    public var errors: [FinchFailure]
    public var message: String?
    public var pendingPayments: [PaymentID]
    public var dataRetrieved: UTCTimestamp?
    public var lastRequestID: RequestID?
    public var connectionStatus: String?
    public var lastSuccessfulSync: String?
    public var individuals = 0
    public var payments = 0
    public var payStatements = 0
    public var grossPay = Cents.zero
    public var netPay = Cents.zero

    init(record: ConnectionRecord, customerName: String, data: ConnectionData?, source: String) {
        self.record = record
        self.customerName = customerName
        let introspection = data?.introspection
        identity = ConnectionIdentity(
            customerID: record.customerID,
            companyID: introspection?.companyID.map(CompanyID.init) ?? record.details.companyID,
            connectionID: record.connectionID,
            providerID: introspection?.effectiveProviderID.map(ProviderID.init) ?? record.details.providerID)
        status = data?.status ?? .notFetched
        self.source = source
        errors = data?.errors ?? []
        message = data?.message
        pendingPayments = data?.pendingPayments ?? []
        connectionStatus = introspection?.connectionStatus?.status?.rawValue ?? record.details.status.rawValue
        lastSuccessfulSync =
            introspection?.connectionStatus?.lastSuccessfulSync ?? record.details.lastSuccessfulSync
    }

    /// Adds one connection's written rows to the counts.
    mutating func count(_ report: ConnectionReport) {
        individuals = report.employees.count
        payments = report.payments.count
        payStatements = report.statements.count
        grossPay = report.payments.reduce(.zero) { $0 + ($1.grossPay ?? .zero) }
        netPay = report.payments.reduce(.zero) { $0 + ($1.netPay ?? .zero) }
    }
}

extension ConnectionOutcome: ReportRow {
    public func cell(_ field: ConnectionsField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(customerName)
        case .companyID: Cell(identity.companyID)
        case .connectionID: Cell(identity.connectionID)
        case .providerID: Cell(identity.providerID)
        case .clientType: Cell(record.details.clientType)
        case .assisted: Cell(record.details.assisted)
        case .connectionStatus: Cell(connectionStatus)
        case .lastSuccessfulSync: Cell(lastSuccessfulSync.flatMap(UTCTimestamp.init(iso:)))
        case .dataRetrievedAt: Cell(dataRetrieved)
        case .exportStatus: .text(status.rawValue)
        case .individuals: Cell(individuals)
        case .payments: Cell(payments)
        case .payStatements: Cell(payStatements)
        case .pendingPayments: Cell(pendingPayments.count)
        case .errors: Cell(errors.count)
        case .lastRequestID: Cell(lastRequestID)
        case .message: Cell(message ?? (status == .ok ? nil : status.advice))
        }
    }
}
