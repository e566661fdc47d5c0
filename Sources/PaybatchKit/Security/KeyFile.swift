import Foundation

/// The key file of SPEC §7: text, one `kid:base64key` a line, the first line the active key.
/// Blank lines are ignored. Errors name the line, never its content.
public enum KeyFile {
    /// What `keys init` tells the user after creating a key file.
    public struct Created: Sendable {
        public var path: String
        public var kid: String
        /// Lines to print: where the key is, how to point paybatch at it, to back it up apart.
        public var instructions: String
    }

    /// Reads and parses the key file at `path`; refuses one that group or others may write.
    public static func read(_ path: String) throws(KeyFailure) -> [EncryptionKey] {
        if let mode = OwnerOnlyFiles.mode(of: path), mode & 0o022 != 0 {
            throw .keyFileWritableByOthers(path: path, mode: mode)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path) ? "not readable as UTF-8 text" : "no such file"
            throw .unreadableKeyFile(path: path, reason: reason)
        }
        return try parse(text, path: path)
    }

    /// Parses key-file text; `path` only names the file in errors.
    public static func parse(_ text: String, path: String) throws(KeyFailure) -> [EncryptionKey] {
        var keys: [EncryptionKey] = []
        var lineOfKid: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw .malformedKeyFile(path: path, line: number, reason: "expected `kid:base64key`")
            }
            let kid = String(line[..<colon])
            guard EncryptionKey.isValidKid(kid) else {
                throw .malformedKeyFile(
                    path: path, line: number, reason: "the key id is not 8 hex characters (0-9, a-f)")
            }
            guard let data = Data(base64Encoded: String(line[line.index(after: colon)...])),
                let key = EncryptionKey(kid: kid, keyData: data)
            else {
                throw .malformedKeyFile(
                    path: path, line: number, reason: "the key is not the base64 of 32 bytes")
            }
            if let first = lineOfKid[kid] {
                throw .malformedKeyFile(
                    path: path, line: number, reason: "key id \(kid) repeats line \(first)")
            }
            lineOfKid[kid] = number
            keys.append(key)
        }
        if keys.isEmpty { throw .malformedKeyFile(path: path, line: 1, reason: "the file holds no key") }
        return keys
    }

    /// The text of a key file holding `keys`, the first one active.
    public static func render(_ keys: [EncryptionKey]) -> String {
        keys.map(\.keyFileLine).joined(separator: "\n") + "\n"
    }

    /// `keys init`: a new 256-bit key in a new file, mode 0600, created with O_EXCL so an
    /// existing file is never overwritten (73). Missing folders are created 0700.
    public static func create(at path: String = "paybatch.key") throws(KeyFailure) -> Created {
        let key = EncryptionKey.generate()
        let fd: Int32
        do {
            fd = try OwnerOnlyFiles.createExclusive(path)
        } catch {
            if error.alreadyExists { throw .keyFileExists(path: path) }
            throw .cannotWriteKeyFile(path: path, reason: error.reason)
        }
        defer { close(fd) }
        do throws(OwnerOnlyFiles.CreateError) {
            try OwnerOnlyFiles.writeAll(Data(render([key]).utf8), to: fd, path: path)
            guard fsync(fd) == 0 else { throw OwnerOnlyFiles.CreateError(path: path, errno: errno) }
        } catch {
            unlink(path)
            throw .cannotWriteKeyFile(path: path, reason: error.reason)
        }
        OwnerOnlyFiles.syncFolder(of: path)
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let instructions = """
            Created \(absolute) (mode 0600) holding key \(key.kid).
            Point paybatch at it:  export PAYBATCH_KEY_FILE=\(absolute)
            Back this file up now, somewhere apart from the store: without it the store cannot be \
            read, and anyone holding both can read every token.
            """
        return Created(path: absolute, kid: key.kid, instructions: instructions)
    }

    /// A warning when the key file can be read by anyone but its owner (every command that
    /// loads it, and `doctor`); nil when its mode is 0600 or stricter, or it does not exist. (One
    /// that others may write is refused by `read`.) A Kubernetes secret volume is 0644 unless its
    /// `defaultMode` says otherwise, hence the second hint.
    public static func permissionWarning(for path: String) -> String? {
        guard let mode = OwnerOnlyFiles.mode(of: path), mode & 0o077 != 0 else { return nil }
        return
            "The key file \(path) has mode \(String(mode, radix: 8)); other users may read it. Run `chmod 600 \(path)` "
            + "(for a Kubernetes secret volume, set `defaultMode: 0400`)."
    }

    /// Replaces the key file atomically (temporary file, fsync, rename; mode 0600).
    public static func replace(_ path: String, with keys: [EncryptionKey]) throws(KeyFailure) {
        do {
            try OwnerOnlyFiles.replaceAtomically(path, with: Data(render(keys).utf8))
        } catch {
            throw .cannotWriteKeyFile(path: path, reason: error.reason)
        }
    }
}
