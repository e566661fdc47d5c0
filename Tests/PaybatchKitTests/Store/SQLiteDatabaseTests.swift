import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct SQLiteDatabaseTests {
    let temp: TempStore
    init() throws { temp = try TempStore() }

    @Test func createsFile0600InFolders0700AndUsesWAL() throws {
        let path = temp.path("a/b/store.sqlite")
        let db = try SQLiteDatabase(path: path, mode: .readWrite)
        try db.execute("CREATE TABLE t (x)")
        #expect(OwnerOnlyFiles.mode(of: path) == 0o600)
        #expect(OwnerOnlyFiles.mode(of: temp.path("a")) == 0o700)
        #expect(OwnerOnlyFiles.mode(of: temp.path("a/b")) == 0o700)
        #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(OwnerOnlyFiles.mode(of: path + "-wal") == 0o600)
        #expect(try db.integrityCheck() == ["ok"])
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }

    @Test func bindsAndReadsTypedValues() throws {
        let db = try SQLiteDatabase(path: temp.path("v.sqlite"), mode: .readWrite)
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        let blob = Data([0, 1, 2, 255])
        try db.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [.integer(Int64.max), .real(1.5), .text("Müller ✓"), .blob(blob), .null])
        try db.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [.integer(-1), .null, .text(""), .blob(Data()), .bool(true)])
        let rows = try db.query("SELECT i, r, s, b, n FROM t ORDER BY rowid") {
            ($0.int64(0), $0.isNull(1), $0.text(2), $0.blob(3), $0.bool(4))
        }
        #expect(rows[0].0 == Int64.max)
        #expect(rows[0].2 == "Müller ✓")
        #expect(rows[0].3 == blob)
        #expect(rows[0].4 == nil)
        #expect(rows[1].1)
        #expect(rows[1].2 == "")
        #expect(rows[1].3 == Data())
        #expect(rows[1].4 == true)
    }

    @Test func transactionRollsBackWhenBodyThrows() throws {
        let db = try SQLiteDatabase(path: temp.path("t.sqlite"), mode: .readWrite)
        try db.execute("CREATE TABLE t (x)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        try db.transaction {
            try db.run("INSERT INTO t VALUES (2)")
            // A nested transaction is a savepoint: its rollback keeps the outer work.
            _ = try? db.transaction {
                try db.run("INSERT INTO t VALUES (3)")
                throw Boom()
            }
        }
        #expect(try db.query("SELECT x FROM t") { $0.int(0) } == [2])
    }

    @Test func failuresNameThePathAndSQLitesMessage() throws {
        let db = try SQLiteDatabase(path: temp.path("e.sqlite"), mode: .readWrite)
        let failure = expectFailure(.software) { try db.execute("SELEC nonsense") }
        #expect(failure?.message.contains(temp.path("e.sqlite")) == true)
        #expect(failure?.message.contains("syntax error") == true)
    }

    @Test func readOnlyNeverCreatesAFile() throws {
        let path = temp.path("missing.sqlite")
        expectFailure(.cannotCreate) { _ = try SQLiteDatabase(path: path, mode: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func backupCopiesTheStoreAndNeverOverwrites() throws {
        let db = try SQLiteDatabase(path: temp.path("src.sqlite"), mode: .readWrite)
        try db.execute("CREATE TABLE t (x); INSERT INTO t VALUES (42);")
        let target = temp.path("backups/copy.sqlite")
        try db.backup(to: target)
        #expect(OwnerOnlyFiles.mode(of: target) == 0o600)
        let copy = try SQLiteDatabase(path: target, mode: .readOnly)
        #expect(try copy.scalarInt("SELECT x FROM t") == 42)
        #expect(try copy.integrityCheck() == ["ok"])
        // One file: the store's WAL mode is not carried over, so nothing grows beside the copy.
        #expect(try copy.scalarText("PRAGMA journal_mode")?.lowercased() == "delete")
        for suffix in ["-wal", "-shm"] {
            #expect(!FileManager.default.fileExists(atPath: target + suffix), "\(suffix) beside the backup")
        }
        let before = FileManager.default.contents(atPath: target)
        expectFailure(.cannotCreate) { try db.backup(to: target) }
        #expect(FileManager.default.contents(atPath: target) == before)
    }
}
