/// The two CSV flavours of SPEC §4 (`--csv-profile`).
public enum CSVProfile: String, Sendable, CaseIterable, Codable {
    /// For spreadsheets: a UTF-8 byte-order mark, and text beginning with `=`, `+`, `-`, `@`, tab or
    /// CR prefixed with `'` so that Excel does not run it as a formula. The default.
    case excel
    /// For programs: no byte-order mark, text exactly as it came.
    case rfc
}
