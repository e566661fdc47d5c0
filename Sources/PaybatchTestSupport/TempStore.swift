import Foundation
import PaybatchKit

/// A private temporary folder holding a store path and a fresh key file, removed when the value
/// goes away. Tests pass `environment` wherever paybatch reads keys from the environment.
public final class TempStore {
    public let folder: URL
    /// Where the store's SQLite file goes (not created until opened).
    public let databasePath: String
    /// A key file made by `keys init` logic.
    public let keyFilePath: String
    /// `PAYBATCH_KEY_FILE` pointing at `keyFilePath`.
    public var environment: [String: String] { ["PAYBATCH_KEY_FILE": keyFilePath] }

    public init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("paybatch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("store/paybatch.sqlite").path
        keyFilePath = folder.appendingPathComponent("keys/paybatch.key").path
        _ = try KeyFile.create(at: keyFilePath)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The current key ring from `environment`.
    public func keyRing() throws -> KeyRing { try KeyRing.load(environment: environment) }

    /// Opens the store read-write with the key file's keys.
    public func open(now: @escaping () -> Date = Date.init) throws -> SQLiteStore {
        try SQLiteStore.open(path: databasePath, keys: keyRing(), creating: true, now: now)
    }

    /// The store as the commands use it (`PaybatchStore`): created when missing, read-write, with
    /// the key file's keys.
    public func openShared() throws -> SQLiteStoreActor {
        try SQLiteStoreActor.open(path: databasePath, keys: keyRing(), creating: true)
    }

    /// The store an export uses, opened as `export` opens it (a missing one is `MissingStore`).
    public func runStore() throws -> RunStore {
        RunStore(store: try SQLiteStoreActor.open(path: databasePath, keys: keyRing()))
    }

    /// A path inside the folder, for extra files (a second key file, a backup).
    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The bytes of the store file and of its WAL when present: what an attacker with the disk sees.
    public func storeBytes() -> Data {
        var data = FileManager.default.contents(atPath: databasePath) ?? Data()
        data.append(FileManager.default.contents(atPath: databasePath + "-wal") ?? Data())
        return data
    }

    /// Stores one connected connection per token, `conn-0`, `conn-1`…, for customer `cust-1`.
    public static func addConnections(_ tokens: [AccessToken], to store: SQLiteStore) throws {
        try store.upsertCustomer("cust-1", name: "Acme")
        for (index, token) in tokens.enumerated() {
            try store.addConnection(
                ConnectionID("conn-\(index)"), customer: "cust-1",
                details: ConnectionDetails(status: .connected),
                token: token, source: .import)
        }
    }

    /// A random token-like string (Finch tokens are long random strings).
    public static func fakeToken() -> AccessToken {
        AccessToken("tok_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))
    }
}
