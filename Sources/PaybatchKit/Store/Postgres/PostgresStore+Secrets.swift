import Foundation
import PostgresNIO

/// The secrets table: tokens and the client secret, sealed in Swift before they are sent, so the
/// database only ever holds ciphertexts (`bytea`) bound to `StoredSecret`'s locations — the same
/// as SQLite's, so either backend opens the other's ciphertexts.
extension PostgresStore {
    /// Encrypts and stores (or replaces) one secret, inside the caller's transaction.
    func putSecret(
        kind: String, owner: String, plaintext: String, cipher: SecretCipher,
        on connection: PostgresConnection
    ) async throws {
        let envelope = cipher.seal(plaintext, at: StoredSecret.location(kind: kind, owner: owner))
        try await execute(
            try """
            INSERT INTO paybatch.secrets (kind, owner, kid, ciphertext, updated_at)
            VALUES (\(kind), \(owner), \(envelope.kid), \(envelope.bytes), \(stamp(now())))
            ON CONFLICT (kind, owner) DO UPDATE SET kid = excluded.kid, ciphertext = excluded.ciphertext,
                updated_at = excluded.updated_at
            """, on: connection)
    }

    /// Decrypts one secret; nil when there is none.
    private func readSecret(kind: String, owner: String) async throws -> String? {
        let cipher = try await cipher()
        let stored = try await reading("reading a secret") { connection in
            try await rows(
                "SELECT ciphertext FROM paybatch.secrets WHERE kind = \(kind) AND owner = \(owner)",
                on: connection
            ) { try $0.bytes(0) ?? Data() }.first
        }
        guard let stored else { return nil }
        return try cipher.openText(stored, at: StoredSecret.location(kind: kind, owner: owner))
    }

    public func setClientSecret(_ secret: ClientSecret) async throws {
        let cipher = try await cipher()
        try await writing("storing the client secret") { connection in
            try await putSecret(
                kind: StoredSecret.clientSecretKind, owner: StoredSecret.applicationOwner,
                plaintext: secret.secret, cipher: cipher, on: connection)
        }
    }

    public func clientSecret() async throws -> ClientSecret? {
        try await readSecret(kind: StoredSecret.clientSecretKind, owner: StoredSecret.applicationOwner)
            .map(ClientSecret.init)
    }

    /// The one method that reveals a token. 65 when the connection has none.
    public func decryptAccessToken(for connection: ConnectionID) async throws -> AccessToken {
        guard let token = try await readSecret(kind: StoredSecret.accessTokenKind, owner: connection.rawValue)
        else {
            throw RunStop(
                .dataError, "Connection \(connection) has no stored access token.",
                remedy: "Reconnect it with `paybatch reauth \(connection)`.")
        }
        return AccessToken(token)
    }

    public func connectionID(forToken token: AccessToken) async throws -> ConnectionID? {
        try await reading("looking a token up") { try await connectionID(forToken: token, on: $0) }
    }

    /// Found by fingerprint, without decrypting.
    func connectionID(
        forToken token: AccessToken, on connection: PostgresConnection
    ) async throws -> ConnectionID? {
        try await rows(
            """
            SELECT connection_id FROM paybatch.connections
            WHERE token_fingerprint = \(TokenFingerprint(of: token).hex)
            """, on: connection
        ) { ConnectionID(try $0.text(0) ?? "") }.first
    }
}
