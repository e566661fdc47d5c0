/// A running count of empty cells per template column: data_quality.csv's null profile of one
/// report for one connection, kept while rows stream past.
struct NullProfile<Field: ReportField> {
    let columns: [Field]
    private(set) var rows = 0
    private var nulls: [Int]

    init(_ template: ReportTemplate<Field>) {
        columns = template.columns.map(\.field)
        nulls = Array(repeating: 0, count: columns.count)
    }

    mutating func add(_ row: some ReportRow<Field>) {
        rows += 1
        for (i, field) in columns.enumerated() where row.cell(field) == .empty { nulls[i] += 1 }
    }

    mutating func merge(_ other: NullProfile<Field>) {
        rows += other.rows
        for i in nulls.indices { nulls[i] += other.nulls[i] }
    }

    /// One data-quality row per column, in template order.
    func qualityRows(for identity: ConnectionIdentity) -> [DataQualityRow] {
        columns.indices.map {
            DataQualityRow(
                identity: identity, report: Field.reportName, column: columns[$0].rawValue, rows: rows,
                nulls: nulls[$0])
        }
    }
}
