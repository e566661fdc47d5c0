/// A store `store copy` reads: each table's rows, page by page, in the table's order, as
/// stored — ciphertexts included, never decrypted (their associated data names their row by its
/// natural key, so they open in the other backend unchanged).
public protocol StoreRowSource: Sendable {
    /// Up to `limit` rows of `table` after `cursor` (0 for the first page), each in
    /// `table.columns`' order, and the cursor of the next page.
    func rows(of table: StoreTable, after cursor: Int64, limit: Int) async throws -> StoreRowPage
    /// How many rows `table` holds.
    func rowCount(of table: StoreTable) async throws -> Int
}
