import Foundation

/// The secrets table: one row per (kind, owner); tokens are owned by their connection, the
/// client secret by `application` (`StoredSecret` names their locations).
extension SQLiteStore {

    /// Encrypts and stores (or replaces) one secret.
    func putSecret(kind: String, owner: String, plaintext: String) throws {
        let envelope = try cipher.seal(plaintext, at: StoredSecret.location(kind: kind, owner: owner))
        try database.run(
            """
            INSERT INTO secrets (kind, owner, kid, ciphertext, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(kind, owner) DO UPDATE SET kid = excluded.kid, ciphertext = excluded.ciphertext,
                updated_at = excluded.updated_at
            """,
            [.text(kind), .text(owner), .text(envelope.kid), .blob(envelope.bytes), .time(now())])
    }

    /// Decrypts one secret; nil when there is none.
    func readSecret(kind: String, owner: String) throws -> String? {
        let rows = try database.query(
            "SELECT ciphertext FROM secrets WHERE kind = ? AND owner = ?", [.text(kind), .text(owner)]
        ) { $0.blob(0) ?? Data() }
        guard let stored = rows.first else { return nil }
        return try cipher.openText(stored, at: StoredSecret.location(kind: kind, owner: owner))
    }

    /// Stores the application's client secret encrypted (`config set-client-secret --stdin`).
    public func setClientSecret(_ secret: ClientSecret) throws {
        try putSecret(
            kind: StoredSecret.clientSecretKind, owner: StoredSecret.applicationOwner,
            plaintext: secret.secret)
    }

    /// The stored client secret, decrypted; nil when none was stored.
    public func clientSecret() throws -> ClientSecret? {
        try readSecret(kind: StoredSecret.clientSecretKind, owner: StoredSecret.applicationOwner).map(
            ClientSecret.init)
    }

    /// The connection's access token, decrypted: the one method that reveals a token, for
    /// building an `Authorization` header. Throws 65 when the connection has no token.
    public func decryptAccessToken(for connection: ConnectionID) throws -> AccessToken {
        guard let token = try readSecret(kind: StoredSecret.accessTokenKind, owner: connection.rawValue)
        else {
            throw RunStop(
                .dataError, "Connection \(connection) has no stored access token.",
                remedy: "Reconnect it with `paybatch reauth \(connection)`.")
        }
        return AccessToken(token)
    }

    /// The stored connection whose token is `token`, found by fingerprint without decrypting.
    public func connectionID(forToken token: AccessToken) throws -> ConnectionID? {
        try database.scalarText(
            "SELECT connection_id FROM connections WHERE token_fingerprint = ?",
            [.text(TokenFingerprint(of: token).hex)]
        ).map(ConnectionID.init)
    }
}
