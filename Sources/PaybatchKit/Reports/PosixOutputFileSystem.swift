#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real file system, through POSIX calls.
public struct PosixOutputFileSystem: OutputFileSystem {
    public init() {}

    public func createFolder(_ path: String, mode: UInt32) throws(FileSystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, mode_t(mode)) != 0 {
                let code = errno
                var info = stat()
                guard code == EEXIST, stat(prefix, &info) == 0,
                    (info.st_mode & mode_t(S_IFMT)) == mode_t(S_IFDIR)
                else {
                    throw FileSystemError(
                        operation: "create folder", path: prefix, code: code == EEXIST ? ENOTDIR : code)
                }
            } else {
                // mkdir applies the umask; the output mode is a promise, so set it exactly.
                chmod(prefix, mode_t(mode))
            }
            prefix += "/"
        }
    }

    public func createFile(_ path: String, mode: UInt32) throws(FileSystemError) -> any OutputFileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw FileSystemError(operation: "create", path: path, code: errno) }
        fchmod(fd, mode_t(mode))
        return PosixFileHandle(fd: fd, path: path)
    }

    public func rename(_ source: String, to destination: String) throws(FileSystemError) {
        #if canImport(Glibc)
            let result = Glibc.rename(source, destination)
        #else
            let result = Darwin.rename(source, destination)
        #endif
        guard result == 0 else { throw FileSystemError(operation: "rename", path: destination, code: errno) }
    }

    public func remove(_ path: String) { unlink(path) }
}

/// A file descriptor written with write(2), retried on short writes and EINTR.
final class PosixFileHandle: OutputFileHandle {
    private var fd: Int32
    private let path: String

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { if fd >= 0 { _ = Glibc.close(fd) } }

    func write(_ bytes: UnsafeRawBufferPointer) throws(FileSystemError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "write", path: path, code: errno)
            }
            offset += n
        }
    }

    func close() throws(FileSystemError) {
        defer { fd = -1 }
        guard fsync(fd) == 0 || errno == EINVAL else {
            let code = errno
            _ = Glibc.close(fd)
            throw FileSystemError(operation: "sync", path: path, code: code)
        }
        guard Glibc.close(fd) == 0 else { throw FileSystemError(operation: "close", path: path, code: errno) }
    }
}
