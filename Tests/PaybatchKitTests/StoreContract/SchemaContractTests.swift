import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension StoreContract {
    @Suite struct Schema {
        @Test(arguments: StoreBackend.underTest)
        func aNewStoreIsAtTheLatestVersionAndOpensAgain(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, fixture in
                #expect(store.backend == backend)
                #expect(try await store.schemaVersion() == StoreSchema.latestVersion)
                let token = try await store.addTestConnection("conn-1")
                let before = try await fixture.snapshot()
                let again = try await fixture.open()
                let readOnly = try await fixture.open(mode: .readOnly)
                #expect(try await fixture.snapshot() == before)
                #expect(again.place == store.place && !store.place.isEmpty)
                #expect(try await again.decryptAccessToken(for: "conn-1") == token)
                #expect(try await readOnly.connection("conn-1")?.tokenHint == token.redacted)
                #expect(try await again.schemaVersion() == StoreSchema.latestVersion)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func withoutAStoreOnlyACreatingCommandMakesOne(_ backend: StoreBackend) async throws {
            try await backend.withFixture { fixture in
                for mode in [SQLiteDatabase.Mode.readWrite, .readOnly] {
                    let failure = await expectStoreFailure(.configuration) {
                        _ = try await fixture.open(mode: mode)
                    }
                    #expect(failure is MissingStore)
                    #expect(failure?.message.contains(fixture.place) == true)
                    #expect(failure?.remedy?.contains("paybatch roster import FILE") == true)
                }
                await expectStoreFailure(.configuration) {
                    _ = try await fixture.open(mode: .readOnly, creating: true)
                }
                _ = try await fixture.open(creating: true)
                #expect(try await fixture.open(mode: .readOnly).schemaVersion() == StoreSchema.latestVersion)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func aReadOnlyStoreNeverWrites(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, fixture in
                try await store.addTestConnection("conn-1")
                let before = try await fixture.snapshot()
                let readOnly = try await fixture.open(mode: .readOnly)
                await expectStoreFailure(.cannotCreate) { try await readOnly.setSetting("plan", "a") }
                await expectStoreFailure(.cannotCreate) { try await readOnly.createTestRun("run-1") }
                #expect(try await fixture.snapshot() == before)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func aStoreFromANewerPaybatchIsRefused(_ backend: StoreBackend) async throws {
            try await backend.withStore { _, fixture in
                try await fixture.setRawSchemaVersion(StoreSchema.latestVersion + 1)
                for mode in [SQLiteDatabase.Mode.readWrite, .readOnly] {
                    let failure = await expectStoreFailure(.dataError) {
                        _ = try await fixture.open(mode: mode)
                    }
                    #expect(
                        failure?.message.contains("schema version \(StoreSchema.latestVersion + 1)") == true)
                }
            }
        }
    }
}
