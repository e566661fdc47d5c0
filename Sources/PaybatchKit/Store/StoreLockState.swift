import Foundation

/// Whether a live process holds the store's lock, read from `<db>.lock` without taking it:
/// `status` takes no lock (SPEC §7), and even a brief flock would make a writer starting at
/// that moment give up with 75. A holder writes its pid, host and start time on taking the lock
/// and empties the file on release; a file that names a process gone from this host was left by
/// a crash or a kill.
public enum StoreLockState: Sendable, Equatable {
    /// No process holds it: absent, released, or left by a process that no longer runs.
    case free
    /// Held by this process, one still running on this host, or one on another host (which
    /// cannot be checked from here, so it counts as running).
    case held(LockOwner)

    /// The state of the lock of the store at `databasePath`.
    public static func read(databasePath: String) -> StoreLockState {
        let path = StoreLock.lockPath(forDatabase: databasePath)
        guard let data = FileManager.default.contents(atPath: path),
            let owner = LockOwner(fileText: String(decoding: data, as: UTF8.self)), !owner.isDeadOnThisHost
        else { return .free }
        return .held(owner)
    }
}
