import Crypto
import Foundation

/// Seals and opens secrets with the key ring's keys (AES-256-GCM), binding each ciphertext to
/// its location. Never logs; its errors name keys and locations, never values.
public struct SecretCipher: Sendable {
    public let ring: KeyRing

    public init(ring: KeyRing) { self.ring = ring }

    /// Encrypts `plaintext` for `location` under the active key.
    public func seal(_ plaintext: Data, at location: SecretLocation) -> CiphertextEnvelope {
        let key = ring.active
        let version = CiphertextEnvelope.currentVersion
        let aad = location.associatedData(version: version, kid: key.kid)
        // AES.GCM.seal fails only for an invalid nonce or key size; ours are generated correctly.
        let box = try! AES.GCM.seal(plaintext, using: key.key, authenticating: aad)
        return CiphertextEnvelope(version: version, kid: key.kid, sealed: box.combined!)
    }

    /// The size of the stored bytes `seal` makes of `count` bytes under the active key: the
    /// envelope's header, then AES-GCM's 12-byte nonce, the ciphertext and the 16-byte tag.
    public func sealedSize(ofPlaintext count: Int) -> (kid: String, bytes: Int) {
        let kid = ring.active.kid
        return (kid, CiphertextEnvelope(kid: kid, sealed: Data()).header.count + 12 + count + 16)
    }

    /// Encrypts text (a token, a secret) for `location`.
    public func seal(_ plaintext: String, at location: SecretLocation) -> CiphertextEnvelope {
        seal(Data(plaintext.utf8), at: location)
    }

    /// Decrypts stored bytes read from `location`. Unknown kid or failed authentication → 77.
    public func open(_ stored: Data, at location: SecretLocation) throws(KeyFailure) -> Data {
        guard let envelope = CiphertextEnvelope(bytes: stored) else {
            throw .malformedCiphertext(location: location.description)
        }
        guard let key = ring.key(for: envelope.kid) else {
            throw .unknownKid(kid: envelope.kid, configured: ring.kids, source: ring.source.description)
        }
        let aad = location.associatedData(version: envelope.version, kid: envelope.kid)
        do {
            let box = try AES.GCM.SealedBox(combined: envelope.sealed)
            return try AES.GCM.open(box, using: key.key, authenticating: aad)
        } catch {
            throw .cannotDecrypt(
                kid: envelope.kid, location: location.description, source: ring.source.description)
        }
    }

    /// Decrypts stored bytes as UTF-8 text.
    public func openText(_ stored: Data, at location: SecretLocation) throws(KeyFailure) -> String {
        String(decoding: try open(stored, at: location), as: UTF8.self)
    }
}
