import Foundation

/// The stored form of one ciphertext: `[version][kid length][kid][AES-GCM nonce|ciphertext|tag]`.
/// The version and kid are readable without the key, so a reader can name the key it needs.
public struct CiphertextEnvelope: Sendable, Equatable {
    /// Format version 1: AES-256-GCM, 12-byte nonce, 16-byte tag, associated data per SPEC §7.
    public static let currentVersion: UInt8 = 1

    public var version: UInt8
    public var kid: String
    /// swift-crypto's `SealedBox.combined`: nonce, ciphertext, tag.
    public var sealed: Data

    public init(version: UInt8 = currentVersion, kid: String, sealed: Data) {
        self.version = version
        self.kid = kid
        self.sealed = sealed
    }

    /// The bytes to store.
    public var bytes: Data { header + sealed }

    /// The bytes before `sealed`: version, kid length, kid.
    public var header: Data {
        var data = Data([version, UInt8(kid.utf8.count)])
        data.append(contentsOf: kid.utf8)
        return data
    }

    /// Parses stored bytes; nil when they are not a version-1 envelope.
    public init?(bytes: Data) {
        let raw = [UInt8](bytes)
        // 1 + 1 + kid + 12 (nonce) + 16 (tag) at least.
        guard raw.count >= 2, raw[0] == Self.currentVersion else { return nil }
        let kidLength = Int(raw[1])
        guard kidLength > 0, raw.count >= 2 + kidLength + 28,
            let kid = String(bytes: raw[2..<(2 + kidLength)], encoding: .utf8)
        else { return nil }
        self.init(version: raw[0], kid: kid, sealed: Data(raw[(2 + kidLength)...]))
    }
}
