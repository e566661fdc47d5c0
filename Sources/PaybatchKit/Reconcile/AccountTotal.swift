/// Account-level invoice lines (neither company_id nor connection_id) checked against every
/// billable connection: the Summary's `account_total` row (SPEC §5).
public struct AccountTotal: Sendable, Equatable {
    public var lines: [Int]
    public var billedQuantity: Int64
    public var billedAmount: Cents
    public var billableConnections: Int64
    public var expectedAmount: Cents?
    public var variance: Cents?
    public var matched: Bool
}
