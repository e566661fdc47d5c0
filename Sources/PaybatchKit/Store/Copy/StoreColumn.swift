/// One column of a `StoreTable`, with what its values are. A flag is SQLite's 0/1 integer and
/// PostgreSQL's `boolean`; a copied row carries it as an integer (`SQLiteValue`).
public struct StoreColumn: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case text, integer, blob, flag
    }

    public let name: String
    public let kind: Kind
    /// The row's place in its table's order: SQLite's `rowid`, PostgreSQL's `position` column.
    public let isPosition: Bool

    static func text(_ name: String) -> StoreColumn {
        StoreColumn(name: name, kind: .text, isPosition: false)
    }
    static func integer(_ name: String) -> StoreColumn {
        StoreColumn(name: name, kind: .integer, isPosition: false)
    }
    static func blob(_ name: String) -> StoreColumn {
        StoreColumn(name: name, kind: .blob, isPosition: false)
    }
    static func flag(_ name: String) -> StoreColumn {
        StoreColumn(name: name, kind: .flag, isPosition: false)
    }
    static let position = StoreColumn(name: "position", kind: .integer, isPosition: true)

    /// Its name in a SQLite statement.
    var sqliteName: String { isPosition ? "rowid" : name }
}
