/// What `export --include` (or `include` in paybatch.toml) adds to an export.
public enum ExportInclusion: String, Sendable, CaseIterable, Hashable {
    /// Benefits, enrollments and the check of deductions against them (issue 21).
    case benefits

    /// The names, for a message.
    public static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
