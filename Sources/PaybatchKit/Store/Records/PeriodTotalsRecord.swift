import Foundation

/// One connection's totals in one finished export: what next month's Summary compares with.
public struct PeriodTotalsRecord: Sendable, Equatable {
    /// Gross and net pay of one currency; nil amounts are unknown (no payment gave them, or the
    /// sum was past the 64-bit range), never 0.
    public struct Money: Sendable, Equatable {
        /// Upper-case ISO code; nil for payments without one.
        public var currency: String?
        public var gross: Cents?
        public var net: Cents?

        public init(currency: String?, gross: Cents?, net: Cents?) {
            self.currency = currency
            self.gross = gross
            self.net = net
        }
    }

    public var connectionID: ConnectionID
    /// The entity of a multi-entity connection, whose totals are kept apart; nil otherwise.
    public var entityID: EntityID?
    public var exportStatus: ExportStatus
    public var individuals: Int
    public var payments: Int
    public var payStatements: Int
    /// By currency, bytewise, the one without a currency last.
    public var money: [Money]

    public init(
        connectionID: ConnectionID, exportStatus: ExportStatus, individuals: Int, payments: Int,
        payStatements: Int, money: [Money], entityID: EntityID? = nil
    ) {
        self.connectionID = connectionID
        self.entityID = entityID
        self.exportStatus = exportStatus
        self.individuals = individuals
        self.payments = payments
        self.payStatements = payStatements
        self.money = money
    }
}

extension PeriodTotalsRecord {
    /// What a finished connection of this run leaves for next month's comparison. A total past
    /// the 64-bit range is unknown, not compared.
    init(_ outcome: ConnectionOutcome) {
        self.init(
            connectionID: outcome.identity.connectionID, exportStatus: outcome.status,
            individuals: outcome.individuals, payments: outcome.payments,
            payStatements: outcome.payStatements,
            money: outcome.totals.byCurrency.map {
                Money(
                    currency: $0.currency, gross: $0.grossOutOfRange ? nil : $0.gross,
                    net: $0.netOutOfRange ? nil : $0.net)
            }, entityID: outcome.identity.entityID)
    }

    /// What one month's totals are matched with the next month's on: the connection, and its
    /// entity when it has several.
    var unit: [String] { [connectionID.rawValue, entityID?.rawValue ?? ""] }
}
