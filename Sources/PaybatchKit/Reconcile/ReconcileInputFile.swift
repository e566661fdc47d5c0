import Crypto
import Foundation

/// One input file of a reconciliation, read once: its bytes for the parser and its SHA-256 for
/// the Inputs sheet and reconciliation.json, so the digest is of exactly what was reconciled.
public struct ReconcileInputFile: Sendable, Equatable {
    /// What the file is: `invoice` or `connections`.
    public var role: String
    /// The path as the user gave it (so re-runs with the same arguments give the same JSON).
    public var path: String
    public var data: Data
    /// Lower-case hex SHA-256 of `data`.
    public var sha256: String

    public init(role: String, path: String, data: Data) {
        self.role = role
        self.path = path
        self.data = data
        sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads `path`; an unreadable file is exit 65 naming it.
    public static func read(role: String, path: String) throws(ReconcileInputFailure) -> ReconcileInputFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ReconcileInputFailure(
                file: path, line: nil, problem: exists ? "cannot be read" : "no such file",
                remedy: "Check the path of the \(role) file and that paybatch may read it.")
        }
        return ReconcileInputFile(role: role, path: path, data: data)
    }
}
