/// One column of a report template: which field, under which header, shown as which type.
public struct TemplateColumn<Field: ReportField>: Sendable, Equatable {
    public var field: Field
    /// The header label; the field's name unless the template says otherwise.
    public var header: String
    public var type: CellType
    /// An XLSX number format overriding the type's own (`0.00`, `dd/mm/yyyy`…); CSV ignores it.
    public var format: String?
    /// A fixed XLSX column width in characters; nil fits the width to the content.
    public var width: Double?

    public init(
        field: Field, header: String? = nil, type: CellType? = nil, format: String? = nil,
        width: Double? = nil
    ) {
        self.field = field
        self.header = header ?? field.rawValue
        self.type = type ?? field.type
        self.format = format
        self.width = width
    }
}
