import Foundation

/// Whether files can be written into a folder, found out without making the folder: an export
/// asks before it fetches anything (it used to fetch every connection, then stop on 73), and
/// `doctor` reports the answer. A folder that exists gets a probe file, created and removed; one
/// that does not must have a nearest existing ancestor that is a folder this user may write in.
public enum OutputFolderCheck {
    /// Nil when `path` is, or can be made, a folder to write files in; else why not (exit 73).
    public static func failure(
        for path: String, mode: OutputMode, fileSystem: any OutputFileSystem = PosixOutputFileSystem()
    ) -> OutputFailure? {
        var existing = path
        while !existing.isEmpty, !FileManager.default.fileExists(atPath: existing) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        if existing.isEmpty { existing = "." }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: existing, isDirectory: &isFolder), isFolder.boolValue
        else {
            return OutputFailure(path: existing, reason: "it is a file, so \(path) cannot be a folder")
        }
        guard existing == path else {
            guard access(existing, W_OK | X_OK) == 0 else {
                return OutputFailure(
                    path: existing,
                    reason: "\(path) cannot be created in it: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        let probe = (path as NSString).appendingPathComponent(
            ".paybatch-probe-\(getpid())-\(UUID().uuidString)")
        do {
            let handle = try fileSystem.createFile(probe, mode: mode.file)
            try? handle.close()
            fileSystem.remove(probe)
            return nil
        } catch {
            return OutputFailure(error, path: path)
        }
    }

    /// Throws `failure(for:mode:)`'s answer when there is one.
    public static func require(_ path: String, mode: OutputMode) throws(OutputFailure) {
        if let failure = failure(for: path, mode: mode) { throw failure }
    }
}
