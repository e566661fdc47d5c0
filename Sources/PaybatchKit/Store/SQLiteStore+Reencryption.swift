import Foundation

/// `keys rotate`'s re-encryption: rows not under the new key id are decrypted and sealed again
/// with the active key, secrets in one transaction, stored answers in batches.
extension SQLiteStore {
    /// Re-encrypts every secret not under `kid`; `beforeCommit` gets the count just before commit.
    func reencryptSecrets(notUnder kid: String, beforeCommit: (Int) throws -> Void) throws -> Int {
        try database.transaction {
            let rows = try database.query(
                "SELECT kind, owner FROM secrets WHERE kid <> ? ORDER BY kind, owner", [.text(kid)]
            ) { ($0.text(0) ?? "", $0.text(1) ?? "") }
            for (kind, owner) in rows {
                guard let plaintext = try readSecret(kind: kind, owner: owner) else { continue }
                try putSecret(kind: kind, owner: owner, plaintext: plaintext)
            }
            try beforeCommit(rows.count)
            return rows.count
        }
    }

    /// One batch: up to `limit` answers not under `kid`, re-encrypted one body at a time.
    func reencryptResponses(
        notUnder kid: String, limit: Int, beforeCommit: (Int) throws -> Void
    ) throws -> Int {
        try database.transaction {
            let keys = try database.query(
                "SELECT run_id, connection_id, request_key FROM responses WHERE kid <> ? ORDER BY rowid LIMIT ?",
                [.text(kid), .integer(limit)]
            ) { ($0.text(0) ?? "", ConnectionID($0.text(1) ?? ""), $0.text(2) ?? "") }
            for (runID, connection, requestKey) in keys {
                guard
                    let info = try responseInfo(runID: runID, connection: connection, requestKey: requestKey),
                    let body = try responseBody(runID: runID, connection: connection, requestKey: requestKey)
                else { continue }
                try storeResponse(info, body: body)
            }
            if !keys.isEmpty { try beforeCommit(keys.count) }
            return keys.count
        }
    }
}
