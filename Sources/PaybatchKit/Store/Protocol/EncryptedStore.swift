import Foundation

/// The keys part of a store: which key ids its ciphertexts use, and re-encryption for
/// `keys rotate`. Opening a store verifies its keys before anything is written.
public protocol EncryptedStore: Sendable {
    /// Checks that every key id in use is configured and that each one decrypts a row (77).
    func verifyKeys() async throws
    /// Rows encrypted under each key id.
    func keyUsage() async throws -> [String: KeyUsage]
    /// Switches to `ring` (after `keys rotate` or `--retire` wrote the key file).
    func useKeys(_ ring: KeyRing) async
    /// Re-encrypts every secret not under `kid` with the active key, in one transaction;
    /// `beforeCommit` runs just before it commits (tests throw there to simulate a crash).
    func reencryptSecrets(
        notUnder kid: String, beforeCommit: @Sendable (Int) throws -> Void
    ) async throws
        -> Int
    /// One batch of up to `limit` stored answers not under `kid`, re-encrypted in one transaction.
    func reencryptResponses(
        notUnder kid: String, limit: Int, beforeCommit: @Sendable (Int) throws -> Void
    )
        async throws -> Int
    /// After a rotation: makes the old ciphertexts unreadable on disk where the backend can
    /// (SQLite: a WAL checkpoint after `secure_delete`).
    func discardOldCiphertexts() async throws
}
