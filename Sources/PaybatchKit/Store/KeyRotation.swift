import Foundation

/// `keys rotate` and `keys rotate --retire KID`. Crash-safe by ordering: the new key is added to
/// the key file (atomically) before any row is re-encrypted, and old keys stay in the file, so
/// every row is readable at every moment whichever key it is under.
public enum KeyRotation {
    /// A point just before a transaction commits; tests throw here to simulate a crash.
    public enum Stage: Sendable, Equatable {
        /// Tokens and the client secret, all in one transaction.
        case secrets(count: Int)
        /// One batch of stored responses (0-based).
        case responses(batch: Int, count: Int)
    }

    /// What a rotation did, for the command to print.
    public struct Outcome: Sendable, Equatable {
        public var newKid: String
        public var previousKids: [String]
        public var secretsReencrypted: Int
        public var responsesReencrypted: Int
    }

    /// Prepends a new key to PAYBATCH_KEY_FILE, then re-encrypts every secret under it in one
    /// transaction and stored responses in batches of `batchSize`. 78 without a key file.
    public static func rotate(
        store: any PaybatchStore, environment: [String: String], batchSize: Int = 100,
        beforeCommit: @Sendable (Stage) throws -> Void = { _ in }
    ) async throws -> Outcome {
        let path = try keyFilePath(environment, command: "keys rotate")
        let ring = try KeyRing.load(environment: environment)
        await store.useKeys(ring)
        try await store.verifyKeys()
        let key = EncryptionKey.generate(avoiding: Set(ring.kids))
        let rotated = KeyRing(keys: [key] + ring.keys, source: .file(path: path))
        try KeyFile.replace(path, with: rotated.keys)
        await store.useKeys(rotated)

        let secrets = try await store.reencryptSecrets(notUnder: key.kid) { count in
            try beforeCommit(.secrets(count: count))
        }
        var responses = 0
        var batch = 0
        while true {
            let count = try await store.reencryptResponses(notUnder: key.kid, limit: max(batchSize, 1)) {
                [batch] count in
                try beforeCommit(.responses(batch: batch, count: count))
            }
            if count == 0 { break }
            responses += count
            batch += 1
        }
        // On SQLite, old ciphertexts were zeroed in the pages (secure_delete); this clears the WAL.
        try await store.discardOldCiphertexts()
        return Outcome(
            newKid: key.kid, previousKids: ring.kids, secretsReencrypted: secrets,
            responsesReencrypted: responses)
    }

    /// Removes `kid` from the key file, refusing (64, with counts) while any row still uses it,
    /// when it is the active key, or when the file does not hold it.
    public static func retire(
        _ kid: String, store: any PaybatchStore, environment: [String: String]
    ) async throws {
        let path = try keyFilePath(environment, command: "keys rotate --retire")
        let ring = try KeyRing.load(environment: environment)
        guard ring.key(for: kid) != nil else {
            throw KeyFailure.retireRefused(
                kid: kid,
                reason: "\(ring.source) does not hold it (it holds \(ring.kids.joined(separator: ", ")))",
                remedy: "See `paybatch keys status` for the key ids.")
        }
        let usage = try await store.keyUsage()[kid] ?? KeyUsage()
        guard usage.total == 0 else {
            throw KeyFailure.retireRefused(
                kid: kid,
                reason:
                    "\(usage.secrets) secret(s) and \(usage.responses) stored response(s) are still encrypted under it",
                remedy: "Run `paybatch keys rotate` to re-encrypt them, then retire it.")
        }
        guard kid != ring.active.kid else {
            throw KeyFailure.retireRefused(
                kid: kid, reason: "it is the active key",
                remedy: "Run `paybatch keys rotate` first; then the old key can be retired.")
        }
        let remaining = ring.keys.filter { $0.kid != kid }
        try KeyFile.replace(path, with: remaining)
        await store.useKeys(KeyRing(keys: remaining, source: .file(path: path)))
    }

    private static func keyFilePath(
        _ environment: [String: String], command: String
    ) throws(KeyFailure) -> String {
        if let path = environment["PAYBATCH_KEY_FILE"], !path.isEmpty { return path }
        let inline = environment["PAYBATCH_KEY"].map { !$0.isEmpty } ?? false
        throw .keyFileRequired(command: command, hasEnvironmentKey: inline)
    }
}
