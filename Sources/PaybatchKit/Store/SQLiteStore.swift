import Foundation

/// The roster store over one SQLite file: customers, connections and their history, encrypted
/// secrets, settings, runs, stored responses and the request log. Opening verifies the key
/// before anything is written, so a wrong key leaves the file byte-for-byte unchanged.
/// Not Sendable (one SQLite connection): open one per task.
public final class SQLiteStore {
    /// The underlying connection, for callers that need a transaction across several calls.
    public let database: SQLiteDatabase
    /// The keys in use; nil when the command needs no secret (it then cannot read or write one).
    public private(set) var keys: KeyRing?
    let now: () -> Date

    init(database: SQLiteDatabase, keys: KeyRing?, now: @escaping () -> Date) {
        self.database = database
        self.keys = keys
        self.now = now
    }

    /// Opens (read-write: migrating) the store at `path`. With `keys`, every key id the store
    /// uses must be known and decrypt one of its rows, checked before any write: unknown kid or
    /// wrong key → 77. A missing file is `MissingStore` (78) unless `creating` (read-write only:
    /// the few commands SPEC §2 lets create a store).
    public static func open(
        path: String, keys: KeyRing?, mode: SQLiteDatabase.Mode = .readWrite, creating: Bool = false,
        now: @escaping () -> Date = Date.init
    ) throws -> SQLiteStore {
        if !creating || mode == .readOnly { try MissingStore.require(at: path) }
        let database = try SQLiteDatabase(path: path, mode: mode)
        let store = SQLiteStore(database: database, keys: keys, now: now)
        let version = try database.userVersion()
        if version >= 1, version <= StoreSchema.latestVersion, keys != nil {
            try store.verifyKeys()
        }
        if mode == .readWrite {
            try StoreSchema.migrate(database)
        } else if version != StoreSchema.latestVersion {
            throw StoreSchema.notMigrated(place: path, version: version)
        }
        return store
    }

    /// The cipher over the configured keys; 78 when none were given.
    var cipher: SecretCipher {
        get throws(KeyFailure) {
            guard let keys else { throw .missingKey }
            return SecretCipher(ring: keys)
        }
    }

    /// Switches to `ring` (after `keys rotate` wrote a new key file).
    func useKeys(_ ring: KeyRing) { keys = ring }

    /// Checks that every key id in use is configured and that each one decrypts a row.
    public func verifyKeys() throws {
        let cipher = try self.cipher
        let usage = try keyUsage()
        try cipher.requireKnown(usage.keys)
        for kid in usage.keys.sorted() {
            let secret = try database.query(
                "SELECT kind, owner, ciphertext FROM secrets WHERE kid = ? LIMIT 1", [.text(kid)]
            ) { ($0.text(0) ?? "", $0.text(1) ?? "", $0.blob(2) ?? Data()) }
            if let (kind, owner, stored) = secret.first {
                _ = try cipher.open(stored, at: StoredSecret.location(kind: kind, owner: owner))
                continue
            }
            if let (info, stored) = try firstResponse(kid: kid) {
                _ = try cipher.open(stored, at: StoredSecret.location(of: info))
            }
        }
    }

    /// Rows encrypted under each key id: what rotation re-encrypts and `--retire` refuses over.
    public func keyUsage() throws -> [String: KeyUsage] {
        var usage: [String: KeyUsage] = [:]
        for (kid, count) in try database.query(
            "SELECT kid, count(*) FROM secrets GROUP BY kid", row: Self.kidCount)
        {
            usage[kid, default: KeyUsage()].secrets = count
        }
        for (kid, count) in try database.query(
            "SELECT kid, count(*) FROM responses GROUP BY kid", row: Self.kidCount)
        {
            usage[kid, default: KeyUsage()].responses = count
        }
        return usage
    }

    private static func kidCount(_ row: SQLiteStatement) -> (String, Int) {
        (row.text(0) ?? "", row.int(1) ?? 0)
    }

    /// Settings: small plain values (never secrets: those go through the secrets table).
    public func setSetting(_ key: String, _ value: String) throws {
        try database.run(
            """
            INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """, [.text(key), .text(value), .time(now())])
    }

    public func setting(_ key: String) throws -> String? {
        try database.scalarText("SELECT value FROM settings WHERE key = ?", [.text(key)])
    }

    /// `paybatch backup FILE`: an online-backup copy (0600, never overwriting), then checked
    /// with `PRAGMA integrity_check`; a copy that fails the check is removed and reported (70).
    public func backup(to path: String) throws {
        try database.backup(to: path)
        let problems = try SQLiteDatabase(path: path, mode: .readOnly).integrityCheck()
        guard problems == ["ok"] else {
            try? FileManager.default.removeItem(atPath: path)
            throw RunStop(
                .software,
                "The backup \(path) failed its integrity check: \(problems.prefix(3).joined(separator: "; ")).",
                remedy: "Run `paybatch doctor` on the store, then try the backup again.")
        }
    }

    /// `PRAGMA integrity_check` is `ok`.
    public func isIntact() throws -> Bool { try database.integrityCheck() == ["ok"] }
}
