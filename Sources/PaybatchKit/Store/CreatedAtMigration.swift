/// Migration 3: roster `created_at` texts were stored as the file wrote them, and forms the
/// import accepted (`2026-11-05 10:00`, `…+0100`, `…z`) were later read as "unknown" — "added
/// before every period" — by reconcile. Every stored time is re-read with the one reader
/// (`UTCTimestamp(iso:)`) and rewritten as canonical UTC text; a text it cannot read is left as
/// it was, for `doctor` to list (`CreatedAtMigration.unreadable`) and reconcile to refuse.
enum CreatedAtMigration {
    static func run(_ database: SQLiteDatabase) throws {
        let stored = try database.query(
            "SELECT connection_id, created_at FROM connections WHERE created_at IS NOT NULL"
        ) { row in (row.text(0) ?? "", row.text(1) ?? "") }
        for (id, text) in stored {
            guard let time = UTCTimestamp(iso: text), time.description != text else { continue }
            _ = try database.run(
                "UPDATE connections SET created_at = ? WHERE connection_id = ?",
                [.text(time.description), .text(id)])
        }
    }

    /// Connections whose stored `created_at` cannot be read, with the text: for `doctor`.
    static func unreadable(in database: SQLiteDatabase) throws -> [(connection: String, text: String)] {
        try database.query(
            "SELECT connection_id, created_at FROM connections WHERE created_at IS NOT NULL ORDER BY connection_id"
        ) { row in (row.text(0) ?? "", row.text(1) ?? "") }
        .filter { UTCTimestamp(iso: $0.1) == nil }
        .map { (connection: $0.0, text: $0.1) }
    }
}
