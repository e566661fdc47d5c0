import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates files and folders that only their owner can read (0600 / 0700), using open(2) and
/// mkdir(2) with the mode given at creation, so there is no moment when a secret-bearing file is
/// readable by others (a later chmod would leave such a window).
public enum OwnerOnlyFiles {
    /// Why a create failed, with errno's text; callers turn it into their own typed failure.
    public struct CreateError: Error, Sendable {
        public var path: String
        public var errno: Int32
        public var reason: String { String(cString: strerror(errno)) }
        public var alreadyExists: Bool { errno == EEXIST }
    }

    /// Creates every missing folder above `path` with mode 0700; folders that exist are left alone.
    public static func createParentFolders(of path: String) throws(CreateError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty else { return }
        try createFolders(parent)
    }

    /// Creates `folder` and any missing ancestors with mode 0700.
    public static func createFolders(_ folder: String) throws(CreateError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try createFolders(parent) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw CreateError(path: folder, errno: errno)
        }
    }

    /// Creates `path` exclusively (O_EXCL: fails when it exists) with mode 0600 and returns the
    /// open descriptor, which the caller closes; missing folders are made (0700) unless
    /// `makingFolders` is false.
    public static func createExclusive(
        _ path: String, makingFolders: Bool = true
    ) throws(CreateError) -> Int32 {
        if makingFolders { try createParentFolders(of: path) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 { throw CreateError(path: path, errno: errno) }
        return fd
    }

    /// Writes `data` fully to `fd`, retrying short writes and EINTR.
    public static func writeAll(_ data: Data, to fd: Int32, path: String) throws(CreateError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw CreateError(path: path, errno: failure) }
    }

    /// Replaces `path` atomically with `data` at mode 0600: a temporary file beside it, fsync,
    /// rename, then fsync of the folder, so a crash leaves either the old or the new file whole.
    public static func replaceAtomically(_ path: String, with data: Data) throws(CreateError) {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = try createExclusive(temporary)
        do throws(CreateError) {
            try writeAll(data, to: fd, path: temporary)
            if fsync(fd) != 0 { throw CreateError(path: temporary, errno: errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw CreateError(path: path, errno: code)
        }
        syncFolder(of: path)
    }

    /// fsync of the folder holding `path`, so a rename or create survives a power loss.
    public static func syncFolder(of path: String) {
        var parent = (path as NSString).deletingLastPathComponent
        if parent.isEmpty { parent = "." }
        let fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// The permission bits of `path` (`0o600`…), or nil when it does not exist.
    public static func mode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mode & 0o777)
    }
}
