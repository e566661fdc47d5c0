/// How a column's values are written: the `type` of a template column (Templates/README.md).
public enum CellType: String, Sendable, CaseIterable, Codable {
    /// Free text; guarded against formula injection in the CSV excel profile.
    case text
    /// An identifier: always text, never a number or formula; Excel's "number stored as text" is off.
    case id
    /// Cents written as `1234.56`; in XLSX a number formatted `#,##0.00`.
    case money
    /// `YYYY-MM-DD`; in XLSX a real date.
    case date
    /// ISO-8601 UTC `YYYY-MM-DDTHH:MM:SSZ`; in XLSX a real datetime shown in the same form.
    case datetime
    /// A whole number.
    case integer
    /// An exact decimal kept as its text (`42.5` hours); in XLSX a number.
    case decimal
    /// A percentage with one decimal (`12.5`); in XLSX a number formatted `0.0`.
    case percent
    /// `true`/`false`; in XLSX a real boolean.
    case boolean

    /// Whether values of this type are written as text (and so may need the injection guard).
    public var isTextual: Bool { self == .text || self == .id }
}
