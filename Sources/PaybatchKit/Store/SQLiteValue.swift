import Foundation

/// One value bound to, or read from, an SQLite statement.
public enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// Text, or NULL when absent: most optional columns are text.
    public static func text(_ value: String?) -> SQLiteValue {
        value.map { SQLiteValue.text($0) } ?? .null
    }

    /// An integer, or NULL when absent.
    public static func integer(_ value: Int?) -> SQLiteValue {
        value.map { SQLiteValue.integer(Int64($0)) } ?? .null
    }

    /// SQLite has no boolean type: 1 and 0, or NULL when unknown.
    public static func bool(_ value: Bool?) -> SQLiteValue {
        value.map { SQLiteValue.integer($0 ? 1 : 0) } ?? .null
    }

    /// A point in time as sortable ISO-8601 UTC text with milliseconds.
    public static func time(_ value: Date?) -> SQLiteValue {
        value.map { SQLiteValue.text(StoreTimestamp.text($0)) } ?? .null
    }
}
