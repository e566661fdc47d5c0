import CSQLite
import Foundation

extension SQLiteDatabase {
    /// Copies the whole database to a new file at `destination` with SQLite's online backup API
    /// (consistent even while others read), mode 0600. Never overwrites: an existing file is 73.
    public func backup(to destination: String) throws {
        do {
            let fd = try OwnerOnlyFiles.createExclusive(destination)
            close(fd)
        } catch {
            throw RunStop(
                .cannotCreate,
                error.alreadyExists
                    ? "\(destination) already exists; paybatch backup never overwrites a file."
                    : "Cannot create \(destination): \(error.reason).",
                remedy: "Name a new file, or move the old one away first.")
        }
        var target: OpaquePointer?
        let openCode = sqlite3_open_v2(destination, &target, SQLITE_OPEN_READWRITE, nil)
        guard openCode == SQLITE_OK, let target else {
            sqlite3_close(target)
            unlink(destination)
            throw SQLiteFailure(
                code: openCode, path: destination, operation: "opening the backup",
                sqliteMessage: String(cString: sqlite3_errstr(openCode)))
        }
        defer { sqlite3_close(target) }
        guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
            let failure = SQLiteFailure(
                code: sqlite3_errcode(target), path: destination, operation: "starting the backup",
                sqliteMessage: String(cString: sqlite3_errmsg(target)))
            unlink(destination)
            throw failure
        }
        // -1 copies every page in one step, under one read transaction: a consistent snapshot.
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE, finishCode == SQLITE_OK else {
            let failure = SQLiteFailure(
                code: stepCode == SQLITE_DONE ? finishCode : stepCode, path: destination,
                operation: "copying the store", sqliteMessage: String(cString: sqlite3_errmsg(target)))
            unlink(destination)
            throw failure
        }
        // The copied header says WAL, like the store's: opened again, the copy would grow -wal and
        // -shm files beside it, and a backup is one file to keep or move. The store's own opener
        // switches a restored copy back to WAL.
        let journalCode = sqlite3_exec(target, "PRAGMA journal_mode = DELETE", nil, nil, nil)
        guard journalCode == SQLITE_OK else {
            let failure = SQLiteFailure(
                code: journalCode, path: destination, operation: "making the backup one file",
                sqliteMessage: String(cString: sqlite3_errmsg(target)))
            unlink(destination)
            throw failure
        }
    }
}
