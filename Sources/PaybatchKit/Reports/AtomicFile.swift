import Crypto
import Foundation

/// A file written under a temporary name beside its destination and renamed into place only on
/// `commit()`, so a reader never sees half a file. Dropped without a commit, it removes itself.
public final class AtomicFile: ByteSink {
    /// The name relative to the output folder.
    public let name: String
    let finalPath: String
    let temporaryPath: String
    private let fileSystem: any OutputFileSystem
    private var handle: (any OutputFileHandle)?
    private var hasher = SHA256()
    public private(set) var bytesWritten = 0
    private var finished = false
    /// What `seal` said was written; the file waits under its temporary name for `publish`.
    public private(set) var sealed: WrittenFile?

    init(name: String, folder: String, fileSystem: any OutputFileSystem, mode: UInt32) throws(OutputFailure) {
        self.name = name
        self.fileSystem = fileSystem
        finalPath = (folder as NSString).appendingPathComponent(name)
        // Same folder as the destination, so rename(2) is atomic; hidden, so globs skip it.
        temporaryPath = (folder as NSString).appendingPathComponent(
            ".\(name)\(Self.temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            handle = try fileSystem.createFile(temporaryPath, mode: mode)
        } catch {
            throw OutputFailure(error, path: finalPath)
        }
    }

    deinit { if !finished { abandon() } }

    /// What comes between a temporary file's hidden name and its writer's process id.
    private static let temporaryMarker = ".tmp-"

    /// Whether `name` is the temporary file of a writer whose process no longer runs: one an
    /// interrupted export left behind (`.NAME.tmp-PID-RANDOM`).
    static func isAbandonedTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: temporaryMarker, options: .backwards),
            let pid = Int32(name[marker.upperBound...].prefix { $0 != "-" })
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Writes bytes; on failure the temporary file is removed and the failure names the final path.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let handle else {
            throw OutputFailure(path: finalPath, reason: "written after it was finished")
        }
        do {
            try handle.write(bytes)
        } catch {
            abandon()
            throw OutputFailure(error, path: finalPath)
        }
        hasher.update(bufferPointer: bytes)
        bytesWritten += bytes.count
    }

    /// Writes `data` (a convenience over `write(_:)`).
    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { try write($0) }
    }

    /// Closes the file, renames it into place and says what was written.
    public func commit(rows: Int) throws(OutputFailure) -> WrittenFile {
        let written = try seal(rows: rows)
        try publish()
        return written
    }

    /// Closes the file and says what was written, leaving it under its temporary name: an export
    /// seals every file before it renames any (`publish`), so a failure while writing one leaves
    /// every earlier file of the folder as it was.
    public func seal(rows: Int) throws(OutputFailure) -> WrittenFile {
        guard !finished, sealed == nil else {
            throw OutputFailure(path: finalPath, reason: "already finished")
        }
        do {
            if let handle {
                try handle.close()
                self.handle = nil
            } else {
                try hashWrittenFile()
            }
        } catch {
            abandon()
            throw OutputFailure(error, path: finalPath)
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let written = WrittenFile(path: name, rows: rows, bytes: bytesWritten, sha256: digest)
        sealed = written
        return written
    }

    /// Renames a sealed file into place.
    public func publish() throws(OutputFailure) {
        guard !finished, sealed != nil else { throw OutputFailure(path: finalPath, reason: "not sealed") }
        do {
            try fileSystem.rename(temporaryPath, to: finalPath)
        } catch {
            abandon()
            throw OutputFailure(error, path: finalPath)
        }
        finished = true
    }

    /// Hands the temporary path to a writer that opens files itself (libxlsxwriter). The file
    /// already exists with the output mode, and an fopen("wb") keeps that mode. `commit` then hashes
    /// what the writer left there.
    func releaseForExternalWriter() throws(OutputFailure) -> String {
        guard let handle else { throw OutputFailure(path: finalPath, reason: "already released") }
        self.handle = nil
        do { try handle.close() } catch { throw OutputFailure(error, path: finalPath) }
        return temporaryPath
    }

    private func hashWrittenFile() throws(FileSystemError) {
        guard let reader = FileHandle(forReadingAtPath: temporaryPath) else {
            throw FileSystemError(operation: "read back", path: temporaryPath, code: errno)
        }
        defer { try? reader.close() }
        while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            bytesWritten += chunk.count
        }
    }

    /// Gives up: closes and removes the temporary file. Safe to call more than once.
    public func abandon() {
        if let handle { try? handle.close() }
        handle = nil
        if !finished { fileSystem.remove(temporaryPath) }
        finished = true
    }
}
