/// One row of data_quality.csv (SPEC §8): a null profile of a column, a failed payment check, or
/// a data note.
public struct DataQualityRow: Sendable, Equatable, ReportRow {
    /// Whose row it is: customer, connection and provider.
    public var identity: ConnectionIdentity
    public var report: String
    public var column: String
    public var rows: Int?
    public var nulls: Int?
    public var check: String?
    public var paymentID: PaymentID?
    /// The statement's person, for findings about one statement (benefit checks).
    public var individualID: IndividualID?
    public var expected: Cell = .empty
    public var actual: Cell = .empty
    public var difference: Cell = .empty
    /// What a benefit finding found, in words (the `message` column of `--include benefits`).
    public var message: String?

    /// A failed check, a data note or a period change — not a null-profile row.
    public var isFinding: Bool { check != nil }

    public func cell(_ field: DataQualityField) -> Cell {
        switch field {
        case .customerID: Cell(identity.customerID)
        case .customerName: Cell(identity.customerName)
        case .connectionID: Cell(identity.connectionID)
        case .entityID: Cell(identity.entityID)
        case .entityName: Cell(identity.entityName)
        case .providerID: Cell(identity.providerID)
        case .report: .text(report)
        case .column: .text(column)
        case .rows: Cell(rows)
        case .nulls: Cell(nulls)
        case .nullPct: rows.map { Cell.percent(Int64(nulls ?? 0), of: Int64($0)) } ?? .empty
        case .check: Cell(check)
        case .paymentID: Cell(paymentID)
        case .individualID: Cell(individualID)
        case .expected: expected
        case .actual: actual
        case .difference: difference
        case .message: Cell(message)
        }
    }
}

extension DataQualityRow {
    /// A `period_change` finding (SPEC §8): the figure as `column` (with its currency for
    /// money), last month's value as `expected`, this month's as `actual`.
    init(_ change: PeriodChange, identity: ConnectionIdentity) {
        self.init(
            identity: identity, report: change.figure.report,
            column: change.figure.rawValue + (change.currency.map { " (\($0))" } ?? ""),
            check: "period_change",
            expected: change.cell(change.previous), actual: change.cell(change.current),
            difference: change.cell(change.difference)
        )
    }
}
