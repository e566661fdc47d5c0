/// One row of data_quality.csv (SPEC §8): a null profile of a column, a failed payment check, or
/// a data note.
public struct DataQualityRow: Sendable, Equatable, ReportRow {
    public var connectionID: ConnectionID
    public var providerID: ProviderID?
    public var report: String
    public var column: String
    public var rows: Int?
    public var nulls: Int?
    public var check: String?
    public var paymentID: PaymentID?
    public var expected: Cell = .empty
    public var actual: Cell = .empty
    public var difference: Cell = .empty

    public func cell(_ field: DataQualityField) -> Cell {
        switch field {
        case .connectionID: Cell(connectionID)
        case .providerID: Cell(providerID)
        case .report: .text(report)
        case .column: .text(column)
        case .rows: Cell(rows)
        case .nulls: Cell(nulls)
        case .nullPct: rows.map { Cell.percent(Int64(nulls ?? 0), of: Int64($0)) } ?? .empty
        case .check: Cell(check)
        case .paymentID: Cell(paymentID)
        case .expected: expected
        case .actual: actual
        case .difference: difference
        }
    }
}
