import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// The promises of SPEC §7 about the store as a file: keys checked before any write, rows bound
/// to their place, no secret readable from the disk.
@Suite struct StoreSecurityTests {
    let temp: TempStore
    let tokens = (0..<20).map { _ in TempStore.fakeToken() }
    let clientSecret = ClientSecret("sec_" + UUID().uuidString)

    init() throws {
        temp = try TempStore()
        let store = try temp.open()
        try TempStore.addConnections(tokens, to: store)
        try store.setClientSecret(clientSecret)
    }

    @Test func aWrongKeyIs77AndLeavesTheFileByteForByteUnchanged() throws {
        let before = try #require(FileManager.default.contents(atPath: temp.databasePath))
        // The same kid with other key bytes: the check must decrypt, not just compare ids.
        let kid = try temp.keyRing().active.kid
        let wrong = temp.path("wrong.key")
        try "\(kid):\(Data(repeating: 9, count: 32).base64EncodedString())\n".write(
            toFile: wrong, atomically: true, encoding: .utf8)
        let failure = expectFailure(.noPermission) {
            _ = try SQLiteStore.open(
                path: temp.databasePath, keys: try KeyRing.load(environment: ["PAYBATCH_KEY_FILE": wrong]))
        }
        #expect(failure?.message.contains(kid) == true)
        #expect(FileManager.default.contents(atPath: temp.databasePath) == before)
    }

    @Test func anUnknownKidIs77NamingItAndTheFileIsUnchanged() throws {
        let before = try #require(FileManager.default.contents(atPath: temp.databasePath))
        let other = KeyRing(keys: [EncryptionKey.generate()], source: .environment)
        let failure = expectFailure(.noPermission) {
            _ = try SQLiteStore.open(path: temp.databasePath, keys: other)
        }
        #expect(failure?.message.contains(try temp.keyRing().active.kid) == true)
        #expect(FileManager.default.contents(atPath: temp.databasePath) == before)
    }

    @Test func withoutAKeySecretsAre78() throws {
        let store = try SQLiteStore.open(path: temp.databasePath, keys: nil, mode: .readOnly)
        #expect(try store.connections().count == tokens.count)
        expectFailure(.configuration) { _ = try store.decryptAccessToken(for: "conn-0") }
        expectFailure(.configuration) { _ = try store.clientSecret() }
    }

    @Test func swappingTwoTokensBetweenRowsIsDetected() throws {
        let store = try temp.open()
        try store.database.run(
            """
            UPDATE secrets SET ciphertext = (SELECT ciphertext FROM secrets WHERE owner = 'conn-1')
            WHERE owner = 'conn-0'
            """)
        let failure = expectFailure(.noPermission) { _ = try store.decryptAccessToken(for: "conn-0") }
        #expect(failure?.message.contains("conn-0") == true)
        #expect(try store.decryptAccessToken(for: "conn-1") == tokens[1])
    }

    @Test func noTokenOrSecretIsInTheFileOrItsWAL() throws {
        let store = try temp.open()
        try store.replaceToken(for: "conn-3", with: TempStore.fakeToken())
        for bytes in [temp.storeBytes(), try backupBytes(store)] {
            #expect(!bytes.isEmpty)
            for token in tokens { #expect(bytes.range(of: Data(token.secret.utf8)) == nil) }
            #expect(bytes.range(of: Data(clientSecret.secret.utf8)) == nil)
        }
    }

    @Test func aReplacedTokensOldCiphertextIsWipedFromTheFile() throws {
        let store = try temp.open()
        let old = try #require(
            try store.database.query("SELECT ciphertext FROM secrets WHERE owner = 'conn-2'") { $0.blob(0) }
                .first ?? nil)
        // A longer token does not fit the old cell, so SQLite moves it and frees the old bytes.
        try store.replaceToken(for: "conn-2", with: AccessToken(String(repeating: "n", count: 300)))
        try store.database.checkpoint()
        #expect(temp.storeBytes().range(of: old) == nil)
    }

    private func backupBytes(_ store: SQLiteStore) throws -> Data {
        let path = temp.path("backup.sqlite")
        try store.backup(to: path)
        return FileManager.default.contents(atPath: path) ?? Data()
    }
}
