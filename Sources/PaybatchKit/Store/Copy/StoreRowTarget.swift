/// A store `store copy` writes: it must hold no rows, and takes every table's rows in one
/// transaction (a copy that fails leaves it as empty as it was).
public protocol StoreRowTarget: Sendable {
    /// True when no table holds a row.
    func holdsNoRows() async throws -> Bool
    /// Copies every table of `StoreTable.all` from `source`, `pageSize` rows at a time, keeping
    /// row ids and orders; returns the rows copied per table.
    func load(from source: any StoreRowSource, pageSize: Int) async throws -> [String: Int]
}
