import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The writer's lock of SPEC §7: flock(2) on `<db>.lock`, whose content names the holder. The
/// kernel releases a flock when its process dies, so a lock file whose flock is free is stale
/// whatever it says; its content is then only used to tell the user what was taken over.
/// Read-only commands take no lock. Release by `release()` or by letting the value go.
public final class StoreLock {
    public let path: String
    /// Set when a stale lock left by a process that ended without releasing was taken over.
    public let takeoverNotice: String?
    private var fd: Int32

    private init(path: String, fd: Int32, takeoverNotice: String?) {
        self.path = path
        self.fd = fd
        self.takeoverNotice = takeoverNotice
    }

    deinit { release() }

    /// `<db>.lock` for the store at `databasePath`.
    public static func lockPath(forDatabase databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the lock, trying every `pollInterval` for up to `wait` (`--wait-lock`, default 0)
    /// with the injected `sleep`; then gives up with StoreLockBusy (75) naming the holder.
    public static func acquire(
        databasePath: String, owner: LockOwner, wait: Duration = .zero,
        pollInterval: Duration = .milliseconds(250), sleep: (Duration) async throws -> Void
    ) async throws -> StoreLock {
        let path = lockPath(forDatabase: databasePath)
        let fd = try openLockFile(path)
        let waited: Double?
        do {
            waited = try await LockPolling(wait: wait, pollInterval: pollInterval).poll(sleep: sleep) {
                guard flock(fd, LOCK_EX | LOCK_NB) != 0 else { return true }
                let code = errno
                guard code == EWOULDBLOCK || code == EINTR else {
                    throw RunStop(.cannotCreate, "Cannot lock \(path): \(String(cString: strerror(code))).")
                }
                return false
            }
        } catch {
            close(fd)
            throw error
        }
        if let waited {
            let holder = LockOwner(fileText: readAll(fd))
            close(fd)
            throw StoreLockBusy(lockPath: path, holder: holder, waitedSeconds: waited)
        }
        let notice = LockOwner(fileText: readAll(fd)).map { previous in
            let state = previous.isDeadOnThisHost ? "which is no longer running" : "which no longer holds it"
            return "Took over a stale lock left by \(previous.summary), \(state)."
        }
        let text = Data(owner.fileText.utf8)
        ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        fsync(fd)
        return StoreLock(path: path, fd: fd, takeoverNotice: notice)
    }

    /// Empties the lock file (so the next holder sees no stale owner) and unlocks. The file is
    /// kept: unlinking it would let two processes lock two different files of the same name.
    public func release() {
        guard fd >= 0 else { return }
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    /// The folders above `<db>.lock` that do not exist yet, deepest first: what taking the lock
    /// creates, and `removeWithoutStore` takes away.
    public static func missingFolders(forDatabase databasePath: String) -> [String] {
        var missing: [String] = []
        var folder = (lockPath(forDatabase: databasePath) as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = (folder as NSString).deletingLastPathComponent
        }
        return missing
    }

    /// Unlinks the lock file, still held, and then the empty `folders` (deepest first), for a
    /// command that stopped before its store existed: there is nothing to protect yet, and a
    /// lock file without a store would only mislead. Unlike at `release`, unlinking costs little
    /// here: the worst case is a second first run that was already waiting on this file racing a
    /// third one, and each of those creates the store through an exclusive create and SQLite's
    /// own locking.
    public func removeWithoutStore(folders: [String]) {
        guard fd >= 0 else { return }
        unlink(path)
        for folder in folders { rmdir(folder) }
    }

    private static func openLockFile(_ path: String) throws -> Int32 {
        do {
            try OwnerOnlyFiles.createParentFolders(of: path)
        } catch {
            throw RunStop(.cannotCreate, "Cannot create the folder of \(path): \(error.reason).")
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw RunStop(
                .cannotCreate, "Cannot open the lock file \(path): \(String(cString: strerror(errno))).",
                remedy: "Check that the store's folder is writable by this user.")
        }
        return fd
    }

    private static func readAll(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = pread(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }
}
