/// The fields one report can show: the field catalogue of that report (Templates/README.md).
/// A template picks and orders them; a row answers the cell of each.
public protocol ReportField: RawRepresentable<String>, CaseIterable, Hashable, Sendable
where AllCases == [Self] {
    /// The report's name, which is also its template's file stem (`employees`).
    static var reportName: String { get }
    /// The type a template column shows this field as by default.
    var type: CellType { get }
    /// One line for the catalogue: what the field holds.
    var meaning: String { get }
}

extension ReportField {
    /// Types a template may give this field: its own, or text (anything can be shown as text).
    public var allowedTypes: [CellType] {
        switch type {
        case .text: return [.text, .id]
        case .id: return [.id, .text]
        default: return [type, .text]
        }
    }
}
