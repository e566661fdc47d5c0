/// SPEC §8's billing window of one period: a connection is billable when it is production, was
/// added before the period's end and was not disconnected before the period's start. UTC bounds.
public struct BillingWindow: Sendable, Equatable {
    public var period: Period
    /// The first instant of the period.
    public var start: UTCTimestamp
    /// The first instant after the period.
    public var end: UTCTimestamp

    public init(period: Period) {
        self.period = period
        start = Self.midnight(period.firstDay)
        end = Self.midnight(period.next.firstDay)
    }

    /// Whether a connection with these facts is billed for the period. An unknown creation time
    /// counts as before every period; a disconnect during or after the period leaves it billable.
    public func isBillable(production: Bool, addedAt: UTCTimestamp?, disconnectedAt: UTCTimestamp?) -> Bool {
        guard production, addedAt.map({ $0 < end }) ?? true else { return false }
        return !disconnectedBeforeStart(disconnectedAt)
    }

    /// Disconnected before the period began (so not billable for it, nor for any later one).
    public func disconnectedBeforeStart(_ disconnectedAt: UTCTimestamp?) -> Bool {
        disconnectedAt.map { $0 < start } ?? false
    }

    static func midnight(_ date: CalendarDate) -> UTCTimestamp {
        UTCTimestamp(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400)
    }
}
