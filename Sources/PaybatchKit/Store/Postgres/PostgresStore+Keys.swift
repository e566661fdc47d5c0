import Foundation
import PostgresNIO

/// Key checks and `keys rotate`'s re-encryption (`SQLiteStore.verifyKeys`,
/// `SQLiteStore+Reencryption`): rows are read, opened and sealed again in Swift, under a row lock
/// (`FOR UPDATE`), so a process storing an answer meanwhile never has its row overwritten with
/// an older body.
extension PostgresStore {
    /// Every key id in use is configured and opens one of its rows; else 77, nothing written.
    public func verifyKeys() async throws {
        let cipher = try await cipher()
        let usage = try await keyUsage()
        try cipher.requireKnown(usage.keys)
        for kid in usage.keys.sorted() {
            let secret = try await reading("verifying the keys") { connection in
                try await rows(
                    "SELECT kind, owner, ciphertext FROM paybatch.secrets WHERE kid = \(kid) LIMIT 1",
                    on: connection
                ) { (try $0.text(0) ?? "", try $0.text(1) ?? "", try $0.bytes(2) ?? Data()) }.first
            }
            if let (kind, owner, stored) = secret {
                _ = try cipher.open(stored, at: StoredSecret.location(kind: kind, owner: owner))
                continue
            }
            let response = try await reading("verifying the keys") { connection in
                try await rows(
                    """
                    SELECT \(unescaped: StoreColumns.response), body FROM paybatch.responses
                    WHERE kid = \(kid) LIMIT 1
                    """, on: connection
                ) { (try Self.responseInfo($0), try $0.bytes(9) ?? Data()) }.first
            }
            if let (info, stored) = response {
                _ = try cipher.open(stored, at: StoredSecret.location(of: info))
            }
        }
    }

    public func keyUsage() async throws -> [String: KeyUsage] {
        try await reading("counting rows per key") { connection in
            var usage: [String: KeyUsage] = [:]
            for (kid, count) in try await rows(
                "SELECT kid, count(*) FROM paybatch.secrets GROUP BY kid", on: connection, Self.kidCount)
            {
                usage[kid, default: KeyUsage()].secrets = count
            }
            for (kid, count) in try await rows(
                "SELECT kid, count(*) FROM paybatch.responses GROUP BY kid", on: connection, Self.kidCount)
            {
                usage[kid, default: KeyUsage()].responses = count
            }
            return usage
        }
    }

    private static func kidCount(_ row: PostgresRowValues) throws -> (String, Int) {
        (try row.text(0) ?? "", try row.int(1) ?? 0)
    }

    public func reencryptSecrets(
        notUnder kid: String, beforeCommit: @Sendable (Int) throws -> Void
    ) async throws -> Int {
        let cipher = try await cipher()
        return try await writing("re-encrypting secrets") { connection in
            let stored = try await rows(
                """
                SELECT kind, owner, ciphertext FROM paybatch.secrets WHERE kid <> \(kid)
                ORDER BY kind, owner FOR UPDATE
                """, on: connection
            ) { (try $0.text(0) ?? "", try $0.text(1) ?? "", try $0.bytes(2) ?? Data()) }
            for (kind, owner, ciphertext) in stored {
                let plaintext = try cipher.openText(
                    ciphertext, at: StoredSecret.location(kind: kind, owner: owner))
                try await putSecret(
                    kind: kind, owner: owner, plaintext: plaintext, cipher: cipher, on: connection)
            }
            try beforeCommit(stored.count)
            return stored.count
        }
    }

    /// One batch, oldest stored first, one body in memory at a time.
    public func reencryptResponses(
        notUnder kid: String, limit: Int, beforeCommit: @Sendable (Int) throws -> Void
    ) async throws -> Int {
        let cipher = try await cipher()
        return try await writing("re-encrypting stored answers") { connection in
            let batch = try await rows(
                """
                SELECT \(unescaped: StoreColumns.response) FROM paybatch.responses WHERE kid <> \(kid)
                ORDER BY position LIMIT \(limit) FOR UPDATE
                """, on: connection, Self.responseInfo)
            for info in batch {
                guard let body = try await responseBody(info, cipher: cipher, on: connection) else {
                    continue
                }
                let envelope = cipher.seal(body, at: StoredSecret.location(of: info))
                try await execute(
                    try """
                    UPDATE paybatch.responses SET kid = \(envelope.kid), body = \(envelope.bytes)
                    WHERE run_id = \(info.runID) AND connection_id = \(info.connectionID.rawValue)
                        AND request_key = \(info.requestKey)
                    """, on: connection)
            }
            if !batch.isEmpty { try beforeCommit(batch.count) }
            return batch.count
        }
    }

    /// Nothing paybatch can do: the old ciphertexts stay in dead row versions until the server's
    /// (auto)vacuum reclaims their space and later rows overwrite it. SQLite's file, unlike a
    /// server's disk, is paybatch's to scrub.
    public func discardOldCiphertexts() async throws {}
}
