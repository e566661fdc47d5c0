import Foundation
import Synchronization

/// Where normalized rows wait between normalizing and writing: a throwaway SQLite file beside the
/// outputs. Rows go in as they are normalized, in whatever order the API gave them, and come out
/// in SPEC §8's order one at a time, so neither the CSV files nor the workbook (whose sheets must
/// be written one after another) need a report in memory. SQLite's sorter spills to disk. Once
/// written, each output reads it through a `ReportSpool.Reader` of its own, so the CSV files and the
/// workbook can be written at the same time on two threads.
final class ReportSpool: Sendable {
    /// SPEC §8's sort key: connection, entity, payment (its place among the entity's payments; 0 for
    /// people), person, then arrival.
    struct Key {
        var connection: Int
        /// The entity's place among its connection's (1, 2…; 0 for a connection of one entity).
        var entity = 0
        var payment: Int
        var person: String
        var sequence: Int
    }

    /// Everything that changes, behind one lock: connections rendered at once append from their
    /// own tasks, and SQLite's handles are used by one thread at a time.
    private let state = Mutex(State())
    private let folder: String
    private let mode: OutputMode
    let path: String

    private struct State {
        /// Made on the first row.
        var open: Open?
        /// Each report's rows are kept under a small number, given on its first row (table `reports`).
        var reportIDs: [String: Int64] = [:]
        var sealed = false
    }

    /// SQLite's handles. Unchecked Sendable, and safe: they live in `state` and are used only
    /// inside `state.withLock`, so by one thread at a time, which is all SQLite's multi-thread
    /// mode asks of a connection and its statements. (Unchecked because, inside the lock, they
    /// are used together with the caller's closures — `opened`'s body, `forEach`'s row reader —
    /// and the compiler cannot prove those keep no reference to them past the lock; none does.)
    private struct Open: @unchecked Sendable {
        var database: SQLiteDatabase
        var insert: SQLiteStatement
    }

    /// A spool in `folder`, made (with the folder, in `mode`) on the first row, so a run that
    /// stops before any data leaves nothing behind. Its file has mode 0600 and a dot-name that
    /// no export keeps; spools an interrupted export left there are removed first.
    init(folder: String, mode: OutputMode) {
        self.folder = folder
        self.mode = mode
        path = folder + "/.paybatch-spool-" + UUID().uuidString.lowercased()
    }

    deinit { remove() }

    /// Adds one row to its report's table; `row.cell` is asked for every field of the report, in
    /// catalogue order.
    func append<Row: ReportRow>(key: Key, row: Row) throws {
        try append(Row.Field.self, key: key, cells: Self.encode(row))
    }

    /// Adds one row of `report` already encoded (`encode`).
    func append<Field: ReportField>(_ report: Field.Type, key: Key, cells: [UInt8]) throws {
        try opened { state, open in
            try open.insert.bind([
                .integer(try Self.reportID(Field.reportName, in: &state, open)),
                .integer(Int64(key.connection)), .integer(Int64(key.entity)),
                .integer(Int64(key.payment)), .text(key.person), .integer(Int64(key.sequence)),
                .blob(Data(cells)),
            ]).run()
        }
    }

    /// A row's cells as the spool keeps them: every field of its report, in catalogue order.
    static func encode<Row: ReportRow>(_ row: Row) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        CellCodec.encode(Row.Field.allCases.lazy.map(row.cell), into: &bytes)
        return bytes
    }

    /// Drops a connection's rows of every report (of one of its entities, when given): data that
    /// arrived before a failure that means it is not to be reported.
    func remove(connection: Int, entity: Int? = nil) throws {
        try state.withLock { state in
            if let entity {
                _ = try state.open?.database.run(
                    "DELETE FROM rows WHERE conn = ? AND ent = ?",
                    [.integer(Int64(connection)), .integer(Int64(entity))])
            } else {
                _ = try state.open?.database.run(
                    "DELETE FROM rows WHERE conn = ?", [.integer(Int64(connection))])
            }
        }
    }

    /// Drops `report`'s rows of one payment of a connection's entity.
    func remove<Field: ReportField>(_ report: Field.Type, connection: Int, entity: Int, payment: Int) throws {
        try state.withLock { state in
            guard let id = state.reportIDs[Field.reportName] else { return }
            _ = try state.open?.database.run(
                "DELETE FROM rows WHERE conn = ? AND ent = ? AND report = ? AND grp = ?",
                [
                    .integer(Int64(connection)), .integer(Int64(entity)), .integer(id),
                    .integer(Int64(payment)),
                ])
        }
    }

    /// `name`'s number, given on its first row.
    private static func reportID(_ name: String, in state: inout State, _ open: Open) throws -> Int64 {
        if let id = state.reportIDs[name] { return id }
        try open.database.run("INSERT INTO reports (name) VALUES (?)", [.text(name)])
        let id = Int64(
            try open.database.scalarInt("SELECT id FROM reports WHERE name = ?", [.text(name)]) ?? 0)
        state.reportIDs[name] = id
        return id
    }

    /// Runs `body` under the lock with the spool open, opening it first if need be.
    private func opened<T>(_ body: (inout State, Open) throws -> T) throws -> T {
        try state.withLock { state in
            if let open = state.open { return try body(&state, open) }
            _ = try OutputFolder(path: folder, mode: mode)
            Self.removeLeftovers(in: folder)
            let database = try SQLiteDatabase(path: path, mode: .readWrite)
            // Nothing here needs to survive a crash: no journal, no syncs, sorting spills to files.
            try database.execute(
                "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; PRAGMA cache_size = -2048"
            )
            // The index finds one connection's rows, to write them while others are still fetched.
            try database.execute(
                "CREATE TABLE reports (id INTEGER PRIMARY KEY, name TEXT UNIQUE); "
                    + "CREATE TABLE rows (report INTEGER, conn INTEGER, ent INTEGER, grp INTEGER, person TEXT, seq INTEGER, cells BLOB); "
                    + "CREATE INDEX rows_by_connection ON rows (report, conn)"
            )
            let open = Open(
                database: database,
                insert: try database.prepare("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?)")
            )
            try database.execute("BEGIN")
            state.open = open
            return try body(&state, open)
        }
    }

    /// Ends writing: what was appended is committed and can be read by `Reader`s, at once.
    func seal() throws {
        try opened { state, open in
            guard !state.sealed else { return }
            try open.database.execute("COMMIT")
            state.sealed = true
        }
    }

    /// Streams the rows of `connections` (by their place in the report order) of `report` before
    /// the spool is sealed: rows of connections whose fetch has ended, written while others are
    /// still fetched. Appends wait meanwhile.
    func forEach<Field: ReportField>(
        template: ReportTemplate<Field>, connections: Range<Int>, _ body: ((Int) -> Cell) throws -> Void
    ) throws {
        try state.withLock { state in
            guard let database = state.open?.database, let id = state.reportIDs[Field.reportName] else {
                return
            }
            try Self.forEach(id, template: template, connections: connections, in: database, body)
        }
    }

    /// `report`'s rows of `connections` in SPEC §8's order; `body` reads a row's cells by template column.
    fileprivate static func forEach<Field: ReportField>(
        _ report: Int64, template: ReportTemplate<Field>, connections: Range<Int>,
        in database: SQLiteDatabase, _ body: ((Int) -> Cell) throws -> Void
    ) throws {
        // Rows hold every field in catalogue order; a template shows some, in its own order.
        let positions = template.columns.map { Field.allCases.firstIndex(of: $0.field) ?? Int.max }
        let select = try database.prepare(
            "SELECT cells FROM rows WHERE report = ? AND conn >= ? AND conn < ? ORDER BY conn, ent, grp, person, seq"
        ).bind([
            .integer(report), .integer(Int64(connections.lowerBound)),
            .integer(Int64(connections.upperBound)),
        ])
        while try select.step() {
            let cells = (select.blob(0) ?? Data()).withUnsafeBytes(CellCodec.decode)
            try body { column in positions[column] < cells.count ? cells[positions[column]] : .empty }
        }
    }

    /// One read-only connection to a sealed spool; use it from one task at a time.
    final class Reader {
        private let database: SQLiteDatabase

        init(path: String) throws {
            database = try SQLiteDatabase(path: path, mode: .readOnly)
            // Two readers run at once; a small cache each keeps memory flat (SQLite's sorter spills).
            try database.execute("PRAGMA temp_store = FILE; PRAGMA cache_size = -2048")
        }

        /// How many rows `report` has.
        func count<Field: ReportField>(_ report: Field.Type) throws -> Int {
            guard let id = try id(of: report) else { return 0 }
            return try database.scalarInt("SELECT count(*) FROM rows WHERE report = ?", [.integer(id)]) ?? 0
        }

        /// Streams the report's rows of `connections` (every one by default) in SPEC §8's order.
        func forEach<Field: ReportField>(
            template: ReportTemplate<Field>, connections: Range<Int> = 0..<Int.max,
            _ body: ((Int) -> Cell) throws -> Void
        ) throws {
            guard let id = try id(of: Field.self) else { return }
            try ReportSpool.forEach(id, template: template, connections: connections, in: database, body)
        }

        /// The report's number in this spool; nil when it has no row.
        private func id<Field: ReportField>(of report: Field.Type) throws -> Int64? {
            try database.scalarInt("SELECT id FROM reports WHERE name = ?", [.text(Field.reportName)]).map(
                Int64.init)
        }
    }

    /// Deletes the spool's file.
    func remove() {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// Spools, and the temporary files of writers (`AtomicFile`), that an interrupted export left.
    private static func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".paybatch-spool-") || AtomicFile.isAbandonedTemporary(name) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }
}
