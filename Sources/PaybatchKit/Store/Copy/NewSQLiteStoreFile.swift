import Foundation

/// A SQLite store that is either whole or absent (`store copy`'s SQLite target): written at a
/// temporary name beside `path` (0600, like the store), and moved to `path` only once everything
/// done to it succeeded; on any failure the temporary file goes, so a failed copy leaves nothing.
/// An existing `path` is never overwritten (73, like `paybatch backup`), not even one made while
/// the copy ran: the move is a hard link, which refuses an existing name, then an unlink.
public enum NewSQLiteStoreFile {
    /// Runs `body` on a new store at a temporary name and moves it to `path` once `body` returned.
    public static func writing<T: Sendable>(
        at path: String, keys: KeyRing?, _ body: (SQLiteStoreActor) async throws -> T
    ) async throws -> T {
        try refuseExisting(path)
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(
            ".\(name).copy-\(UUID().uuidString.prefix(8)).tmp")
        do {
            // No folder is made: one would outlive a failed copy.
            let fd = try OwnerOnlyFiles.createExclusive(temporary, makingFolders: false)
            close(fd)
        } catch {
            throw RunStop(
                .cannotCreate, "Cannot create \(path): \(error.reason).",
                remedy: "Name a file in a folder that exists and that you may write.")
        }
        do {
            let value = try await fill(temporary, keys: keys, body)
            try moveIntoPlace(temporary, path)
            remove(temporary)
            return value
        } catch var stop as RunStop {
            remove(temporary)
            // The store's messages name it by its place, the temporary name, which is gone now:
            // the person asked for `path`.
            stop.message = stop.message.replacingOccurrences(of: temporary, with: path)
            stop.remedy = stop.remedy?.replacingOccurrences(of: temporary, with: path)
            throw stop
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// The store closes (checkpointing its WAL into the file) when this returns, before the file
    /// is moved: the moved file alone holds every row.
    private static func fill<T: Sendable>(
        _ temporary: String, keys: KeyRing?, _ body: (SQLiteStoreActor) async throws -> T
    ) async throws -> T {
        try await body(try SQLiteStoreActor.open(path: temporary, keys: keys))
    }

    private static func refuseExisting(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) != 0 else {
            throw RunStop(
                .cannotCreate, "\(path) already exists; store copy never overwrites a file.",
                remedy: "Name a new file, or move the old one away first.")
        }
    }

    private static func moveIntoPlace(_ temporary: String, _ path: String) throws {
        guard link(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try refuseExisting(path)
            throw RunStop(.cannotCreate, "Cannot create \(path): \(reason).", remedy: "Name another file.")
        }
        unlink(temporary)
    }

    /// The temporary name and whatever SQLite kept beside it.
    private static func remove(_ temporary: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }
}
