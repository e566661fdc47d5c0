import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension StoreContract {
    @Suite struct Keys {
        /// A connection with its token, the client secret and two stored answers.
        static func fill(_ store: any PaybatchStore) async throws -> AccessToken {
            let token = try await store.addTestConnection("conn-1")
            try await store.setClientSecret(ClientSecret("sec_value"))
            try await store.createTestRun("run-1")
            try await store.storeTestResponse(run: "run-1", key: "a", body: "body a")
            try await store.storeTestResponse(run: "run-1", key: "b", body: "body b")
            return token
        }

        @Test(arguments: StoreBackend.underTest)
        func aWrongOrUnknownKeyIsRefusedBeforeAnythingIsWritten(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, fixture in
                _ = try await Self.fill(store)
                try await store.verifyKeys()
                let kid = try fixture.keys.active.kid
                let wrong = KeyRing(
                    keys: [try #require(EncryptionKey(kid: kid, keyData: Data(repeating: 7, count: 32)))],
                    source: .environment)
                let unknown = KeyRing(keys: [EncryptionKey.generate(avoiding: [kid])], source: .environment)
                let before = try await fixture.snapshot()
                for ring in [wrong, unknown] {
                    await expectStoreFailure(.noPermission) { _ = try await fixture.open(withKeys: ring) }
                    await expectStoreFailure(.noPermission) {
                        _ = try await fixture.open(withKeys: ring, creating: true)
                    }
                }
                #expect(try await fixture.snapshot() == before)
                await store.useKeys(wrong)
                await expectStoreFailure(.noPermission) { try await store.verifyKeys() }
                await expectStoreFailure(.noPermission) {
                    _ = try await store.decryptAccessToken(for: "conn-1")
                }
                await expectStoreFailure(.noPermission) {
                    _ = try await store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "a")
                }
                // No key at all: the store opens, and what needs one says so (78).
                let keyless = try await fixture.open(withKeys: nil)
                await expectStoreFailure(.configuration) { _ = try await keyless.clientSecret() }
                await expectStoreFailure(.configuration) { try await keyless.verifyKeys() }
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func rotationReencryptsInBatchesAndARefusedCommitChangesNothing(_ backend: StoreBackend) async throws
        {
            try await backend.withStore { store, fixture in
                let token = try await Self.fill(store)
                let old = try fixture.keys
                #expect(try await store.keyUsage() == [old.active.kid: KeyUsage(secrets: 2, responses: 2)])
                let key = EncryptionKey.generate(avoiding: Set(old.kids))
                let rotated = KeyRing(keys: [key] + old.keys, source: old.source)
                await store.useKeys(rotated)
                struct Crash: Error {}
                await #expect(throws: Crash.self) {
                    _ = try await store.reencryptSecrets(notUnder: key.kid) { _ in throw Crash() }
                }
                await #expect(throws: Crash.self) {
                    _ = try await store.reencryptResponses(notUnder: key.kid, limit: 5) { _ in throw Crash() }
                }
                #expect(try await store.keyUsage() == [old.active.kid: KeyUsage(secrets: 2, responses: 2)])
                let secrets = try await store.reencryptSecrets(notUnder: key.kid) { _ in }
                let firstBatch = try await store.reencryptResponses(notUnder: key.kid, limit: 1) { _ in }
                #expect(secrets == 2 && firstBatch == 1)
                #expect(
                    try await store.keyUsage() == [
                        key.kid: KeyUsage(secrets: 2, responses: 1), old.active.kid: KeyUsage(responses: 1),
                    ])
                let secondBatch = try await store.reencryptResponses(notUnder: key.kid, limit: 1) { _ in }
                let lastBatch = try await store.reencryptResponses(notUnder: key.kid, limit: 1) { _ in }
                #expect(secondBatch == 1 && lastBatch == 0)
                try await store.discardOldCiphertexts()
                // Only the new key is needed now, and every secret reads back.
                let fresh = try await fixture.open(withKeys: KeyRing(keys: [key], source: .environment))
                #expect(try await fresh.decryptAccessToken(for: "conn-1") == token)
                #expect(try await fresh.clientSecret() == ClientSecret("sec_value"))
                #expect(
                    try await fresh.responseBody(runID: "run-1", connection: "conn-1", requestKey: "b")
                        == Data("body b".utf8))
                #expect(
                    try await fresh.responses(runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                        .map(
                            \.requestKey) == ["a", "b"])
            }
        }
    }
}
