import Foundation

/// Shared small conversions of normalization; each oddity it meets becomes a data note.
struct NormalizationContext {
    var notes = DataNotes()

    /// A `YYYY-MM-DD` date, or nil with an `invalid_date` note when the text is not one. A date
    /// Excel cannot show (before 1900-03-01) is kept and noted `date_before_1900` here, not in the
    /// XLSX writer: SPEC §8 makes the note whatever `--formats` says.
    mutating func date(_ text: String?, report: String, column: String) -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        if let date = CalendarDate(text) {
            if date < CalendarDate.firstExcelDate {
                notes.add("date_before_1900", report: report, column: column)
            }
            return date
        }
        notes.add("invalid_date", report: report, column: column)
        return nil
    }

    /// An enum's text as it came, with an `unknown_enum` note when Finch does not document it.
    mutating func enumeration<E: WireEnum>(_ value: E?, report: String, column: String) -> String? {
        guard let value else { return nil }
        if !value.isKnown { notes.add("unknown_enum", report: report, column: column) }
        return value.rawValue
    }

    /// Counts the null or unreadable elements of a list.
    mutating func nullElements<T>(_ list: WireList<T>?, report: String, column: String) {
        notes.add("null_list_element", report: report, column: column, count: list?.missingCount ?? 0)
    }
}

extension String {
    /// A currency code as SPEC §4 writes it: upper case; empty text counts as absent.
    var currencyCode: String? {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed.uppercased()
    }
}
