import Foundation

/// The one text form of our own times in the store: ISO-8601 UTC with milliseconds, fixed width,
/// so that text order is time order and a person reading the file with `sqlite3` can follow it.
public enum StoreTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// `2026-11-29T08:54:14.123Z`.
    public static func text(_ date: Date) -> String { style.format(date) }

    /// Parses the form `text(_:)` writes (and the same without fractional seconds).
    public static func date(_ text: String) -> Date? {
        if let date = try? style.parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
