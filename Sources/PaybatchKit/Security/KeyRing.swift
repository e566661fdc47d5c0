import Foundation

/// The keys paybatch may use, the first one active (new ciphertexts use it; the others only
/// decrypt). Loaded from the environment only: never from the store, never from an argument.
public struct KeyRing: Sendable {
    /// Where the keys came from, for messages and for `keys rotate`.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case environment
        case file(path: String)

        public var description: String {
            switch self {
            case .environment: return "PAYBATCH_KEY"
            case .file(let path): return "the key file \(path)"
            }
        }
    }

    public let keys: [EncryptionKey]
    public let source: Source

    public init(keys: [EncryptionKey], source: Source) {
        precondition(!keys.isEmpty, "a key ring holds at least one key")
        self.keys = keys
        self.source = source
    }

    /// The key new ciphertexts are sealed with.
    public var active: EncryptionKey { keys[0] }

    /// Every kid, the active one first.
    public var kids: [String] { keys.map(\.kid) }

    public func key(for kid: String) -> EncryptionKey? { keys.first { $0.kid == kid } }

    /// Loads the keys from `PAYBATCH_KEY_FILE` or `PAYBATCH_KEY` in `environment` (passed in as a
    /// value so tests inject it). Missing → 78; malformed → 65 naming the line.
    public static func load(environment: [String: String]) throws(KeyFailure) -> KeyRing {
        let file = environment["PAYBATCH_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let inline = environment["PAYBATCH_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (file, inline) {
        case (nil, nil): throw .missingKey
        case (.some, .some): throw .bothKeySources
        case (.some(let path), nil): return try KeyRing(keys: KeyFile.read(path), source: .file(path: path))
        case (nil, .some(let base64)):
            guard let data = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)),
                let key = EncryptionKey(kid: EncryptionKey.derivedKid(for: data), keyData: data)
            else { throw .malformedEnvironmentKey }
            return KeyRing(keys: [key], source: .environment)
        }
    }
}
