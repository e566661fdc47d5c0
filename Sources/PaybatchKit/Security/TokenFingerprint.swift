import Crypto
import Foundation

/// A token's lookup key: hex SHA-256 of the token. Finch tokens are long random strings, so an
/// unsalted hash cannot be reversed by guessing, and it stays the same across key rotations
/// (a keyed hash would change with every key). It lets `roster import` find a token already
/// present without decrypting every stored one.
public struct TokenFingerprint: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    public init(of token: AccessToken) {
        hex = SHA256.hash(data: Data(token.secret.utf8)).map { EncryptionKey.hex($0) }.joined()
    }

    public init(hex: String) { self.hex = hex }

    public var description: String { hex }
}
