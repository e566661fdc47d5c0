/// Finch's invoice for one period: its lines, all in one currency.
public struct Invoice: Sendable, Equatable {
    public var period: Period
    /// Upper-case ISO code; nil when no line names one.
    public var currency: String?
    public var lines: [InvoiceLine]

    public init(period: Period, currency: String?, lines: [InvoiceLine]) {
        self.period = period
        self.currency = currency
        self.lines = lines
    }
}
