/// One step of the store's schema: SQL, or code for a step that must read rows and rewrite them.
enum StoreMigration: Sendable {
    case sql(String)
    case code(@Sendable (SQLiteDatabase) throws -> Void)

    /// Runs the step inside the caller's transaction.
    func apply(to database: SQLiteDatabase) throws {
        switch self {
        case .sql(let sql): try database.execute(sql)
        case .code(let body): try body(database)
        }
    }
}
