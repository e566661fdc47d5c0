import Crypto
import Foundation

/// One AES-256 key and its key id (kid). The key bytes never leave this type except as the
/// base64 written to a key file. `@unchecked Sendable`, and safe: swift-crypto's SymmetricKey
/// is not marked Sendable, but both stored properties are `let`s set once in `init`, and the key
/// is only ever read (its bytes handed to AES-GCM and SHA-256, or base64-encoded), never
/// mutated, so tasks sharing it only read memory no one writes.
public struct EncryptionKey: @unchecked Sendable {
    /// 8 lower-case hex characters: random for key-file keys; for PAYBATCH_KEY, the first 8 hex
    /// characters of SHA-256 of the key bytes (derived, because an environment variable has no
    /// room for an id). 32 bits of a hash reveal nothing useful about a 256-bit key.
    public let kid: String
    let key: SymmetricKey

    /// A key from its 32 raw bytes; nil for any other length.
    public init?(kid: String, keyData: Data) {
        guard keyData.count == 32, Self.isValidKid(kid) else { return nil }
        self.kid = kid
        self.key = SymmetricKey(data: keyData)
    }

    /// A fresh random key with a fresh random kid, avoiding `taken` ids.
    public static func generate(avoiding taken: Set<String> = []) -> EncryptionKey {
        var kid = randomKid()
        while taken.contains(kid) { kid = randomKid() }
        let data = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return EncryptionKey(kid: kid, keyData: data)!
    }

    /// The kid of a PAYBATCH_KEY: the first 8 hex characters of SHA-256 of its 32 bytes.
    public static func derivedKid(for keyData: Data) -> String {
        String(SHA256.hash(data: keyData).map { hex($0) }.joined().prefix(8))
    }

    static func randomKid() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in hex(UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Exactly 8 characters of 0-9a-f.
    public static func isValidKid(_ kid: String) -> Bool {
        kid.utf8.count == 8 && kid.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `kid:base64key`, one line of a key file (without its newline).
    var keyFileLine: String {
        kid + ":" + key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
