import Foundation

/// A roster file paybatch cannot read as it is, though a person can fix it in a minute: saved as
/// UTF-16 ("Unicode text" in Excel: a byte-order mark FF FE or FE FF, or NUL bytes between the
/// characters) or with semicolons between the fields (Excel's CSV where the list separator is
/// `;`). Without this, such a file fails at its header with a message about a missing column.
public struct RosterFileLayoutFailure: PaybatchFailure, Equatable {
    public enum Layout: Sendable, Equatable {
        /// `mark` is the byte-order mark as hex (`FF FE`), nil when NUL bytes gave it away.
        case utf16(mark: String?)
        case semicolonDelimited
    }

    public var file: String
    public var layout: Layout

    public init(file: String, layout: Layout) {
        self.file = file
        self.layout = layout
    }

    public var exitStatus: ExitStatus { .dataError }

    public var message: String {
        switch layout {
        case .utf16(let mark?):
            "\(file) is UTF-16 text (it begins with the byte-order mark \(mark)); paybatch reads UTF-8. Nothing was imported."
        case .utf16(nil):
            "\(file) looks like UTF-16 text (it holds NUL bytes); paybatch reads UTF-8. Nothing was imported."
        case .semicolonDelimited:
            "\(file) looks semicolon-delimited (its header line has ; between the fields and no comma); paybatch reads comma-separated CSV. Nothing was imported."
        }
    }

    public var remedy: String? {
        switch layout {
        case .utf16:
            "Save it again as \"CSV UTF-8 (Comma delimited)\", or convert it: iconv -f UTF-16 -t UTF-8 \(file) > roster-utf8.csv"
        case .semicolonDelimited:
            "Save it again with commas between the fields (in Excel, \"CSV UTF-8 (Comma delimited)\" with the list separator set to a comma), or convert it: tr ';' ',' < \(file) > roster-commas.csv when no value holds a ; or a comma."
        }
    }

    /// The failure the start of a roster file shows, or nil when it looks readable. `csv` says
    /// whether it is read as CSV (the semicolon check applies to CSV only).
    static func detect(in head: Data, file: String, csv: Bool) -> RosterFileLayoutFailure? {
        let bytes = [UInt8](head)
        if bytes.starts(with: [0xFF, 0xFE]) { return .init(file: file, layout: .utf16(mark: "FF FE")) }
        if bytes.starts(with: [0xFE, 0xFF]) { return .init(file: file, layout: .utf16(mark: "FE FF")) }
        if bytes.contains(0) { return .init(file: file, layout: .utf16(mark: nil)) }
        guard csv else { return nil }
        let header = bytes.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.prefix { $0 != 0x0A && $0 != 0x0D }
        if header.contains(UInt8(ascii: ";")), !header.contains(UInt8(ascii: ",")) {
            return .init(file: file, layout: .semicolonDelimited)
        }
        return nil
    }
}
