/// Why keys could not be loaded, written or used. No case ever carries key material or plaintext:
/// only key ids (which are not secret), paths, line numbers and row names.
public enum KeyFailure: PaybatchFailure, Equatable {
    /// Neither PAYBATCH_KEY nor PAYBATCH_KEY_FILE is set.
    case missingKey
    /// Both are set; paybatch will not guess which one is meant.
    case bothKeySources
    /// PAYBATCH_KEY_FILE names a file that does not exist or cannot be read.
    case unreadableKeyFile(path: String, reason: String)
    /// The key file's group or others may write it: anyone of them could swap in a key of their
    /// own, and every secret stored afterwards would be theirs to read.
    case keyFileWritableByOthers(path: String, mode: Int)
    /// A line of the key file is not `kid:base64key` (or repeats a kid).
    case malformedKeyFile(path: String, line: Int, reason: String)
    /// PAYBATCH_KEY is not the base64 of 32 bytes.
    case malformedEnvironmentKey
    /// A ciphertext names a key id the configured keys lack.
    case unknownKid(kid: String, configured: [String], source: String)
    /// The key with the ciphertext's id fails to authenticate it: a wrong key, or a ciphertext
    /// that was altered or moved to another row.
    case cannotDecrypt(kid: String, location: String, source: String)
    /// A stored value is not a paybatch ciphertext (truncated or unknown version).
    case malformedCiphertext(location: String)
    /// `keys rotate` / `--retire` need a key file to write to.
    case keyFileRequired(command: String, hasEnvironmentKey: Bool)
    /// `keys init` never overwrites.
    case keyFileExists(path: String)
    /// A key file could not be created or replaced.
    case cannotWriteKeyFile(path: String, reason: String)
    /// `--retire KID` refused.
    case retireRefused(kid: String, reason: String, remedy: String)

    public var exitStatus: ExitStatus {
        switch self {
        case .missingKey, .bothKeySources, .unreadableKeyFile, .keyFileRequired, .keyFileWritableByOthers:
            return .configuration
        case .malformedKeyFile, .malformedEnvironmentKey: return .dataError
        case .unknownKid, .cannotDecrypt, .malformedCiphertext: return .noPermission
        case .keyFileExists, .cannotWriteKeyFile: return .cannotCreate
        case .retireRefused: return .usage
        }
    }

    public var message: String {
        switch self {
        case .missingKey:
            return "No encryption key is configured: set PAYBATCH_KEY_FILE (or PAYBATCH_KEY)."
        case .bothKeySources:
            return "Both PAYBATCH_KEY and PAYBATCH_KEY_FILE are set; paybatch uses exactly one."
        case .unreadableKeyFile(let path, let reason):
            return "Cannot read the key file \(path) named by PAYBATCH_KEY_FILE: \(reason)."
        case .keyFileWritableByOthers(let path, let mode):
            return
                "The key file \(path) has mode \(String(mode, radix: 8)): users other than its owner may change it, so paybatch will not use it."
        case .malformedKeyFile(let path, let line, let reason):
            return "\(path):\(line): \(reason)."
        case .malformedEnvironmentKey:
            return "PAYBATCH_KEY is not the base64 encoding of 32 bytes."
        case .unknownKid(let kid, let configured, let source):
            let have = configured.isEmpty ? "none" : configured.joined(separator: ", ")
            return
                "The store holds secrets under key id \(kid), which \(source) does not have (it has: \(have))."
        case .cannotDecrypt(let kid, let location, let source):
            return
                "The key \(kid) from \(source) cannot decrypt \(location): wrong key, or the stored value was altered."
        case .malformedCiphertext(let location):
            return "The stored value at \(location) is not a paybatch ciphertext."
        case .keyFileRequired(let command, let hasEnvironmentKey):
            return hasEnvironmentKey
                ? "`paybatch \(command)` needs PAYBATCH_KEY_FILE; PAYBATCH_KEY holds a single key that cannot be rotated."
                : "`paybatch \(command)` needs PAYBATCH_KEY_FILE, and it is not set."
        case .keyFileExists(let path):
            return "\(path) already exists; paybatch never overwrites a key file."
        case .cannotWriteKeyFile(let path, let reason):
            return "Cannot write the key file \(path): \(reason)."
        case .retireRefused(let kid, let reason, _):
            return "Key \(kid) was not retired: \(reason)."
        }
    }

    public var remedy: String? {
        switch self {
        case .missingKey:
            return "Create one with `paybatch keys init`, then export PAYBATCH_KEY_FILE=<its path>."
        case .bothKeySources: return "Unset one of them."
        case .unreadableKeyFile: return "Point PAYBATCH_KEY_FILE at the key file `paybatch keys init` wrote."
        case .keyFileWritableByOthers(let path, _):
            return "Run `chmod 600 \(path)` (and check that nobody changed it)."
        case .malformedKeyFile:
            return
                "Each line must be `kid:base64key` (8 hex characters, a colon, the base64 of 32 bytes); restore the file from its backup."
        case .malformedEnvironmentKey:
            return "Set PAYBATCH_KEY to the base64 of a 32-byte key, or use PAYBATCH_KEY_FILE."
        case .unknownKid(let kid, _, _):
            return
                "Point PAYBATCH_KEY_FILE at the key file that has a line starting `\(kid):` (the one used when these secrets were stored, or its backup)."
        case .cannotDecrypt:
            return
                "Use the key file this store was written with; if it is the right one, restore the store from a backup."
        case .malformedCiphertext: return "Restore the store from a `paybatch backup` copy."
        case .keyFileRequired:
            return "Move the key into a file (`paybatch keys init` writes one) and set PAYBATCH_KEY_FILE."
        case .keyFileExists: return "Pass --key-file with a new path, or keep using the existing file."
        case .cannotWriteKeyFile: return "Check that the folder exists and is writable by this user."
        case .retireRefused(_, _, let remedy): return remedy
        }
    }
}
