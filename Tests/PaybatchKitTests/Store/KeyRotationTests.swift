import Foundation
import PaybatchKit
import PaybatchTestSupport
import Synchronization
import Testing

@Suite struct KeyRotationTests {
    let temp: TempStore
    let tokens = (0..<5).map { _ in TempStore.fakeToken() }
    let bodies = (0..<7).map { Data("body-\($0)".utf8) }
    let oldKid: String

    init() throws {
        temp = try TempStore()
        oldKid = try temp.keyRing().active.kid
        let store = try temp.open()
        try TempStore.addConnections(tokens, to: store)
        try store.setClientSecret(ClientSecret("sec_value"))
        try store.createRun(
            RunRecord(runID: "run-1", period: Period("2026-10")!, command: "export", startedAt: Date()))
        for (index, body) in bodies.enumerated() {
            try store.storeResponse(
                StoredResponse(
                    runID: "run-1", connectionID: "conn-0", requestKey: "k\(index)", endpoint: "directory",
                    httpStatus: 200, createdAt: Date()),
                body: body)
        }
    }

    /// Opens the store afresh with the key file as it is on disk now and reads every secret.
    func expectEverySecretReadable() throws {
        let store = try temp.open()
        for (index, token) in tokens.enumerated() {
            #expect(try store.decryptAccessToken(for: ConnectionID("conn-\(index)")) == token)
        }
        #expect(try store.clientSecret() == ClientSecret("sec_value"))
        var read: [Data] = []
        try store.forEachResponse(runID: "run-1") { _, body in read.append(body) }
        #expect(read == bodies)
    }

    @Test func rotationReencryptsEverythingUnderANewActiveKey() async throws {
        let store = try temp.open()
        let oldCiphertexts =
            try store.database.query("SELECT ciphertext FROM secrets") { $0.blob(0)! }
            + store.database.query("SELECT body FROM responses") { $0.blob(0)! }
        let outcome = try await KeyRotation.rotate(
            store: try temp.openShared(), environment: temp.environment, batchSize: 3)
        // Nothing sealed under the old key is left on disk (free pages, WAL) after rotation.
        let bytes = temp.storeBytes()
        #expect(oldCiphertexts.count == tokens.count + 1 + bodies.count)
        #expect(oldCiphertexts.allSatisfy { bytes.range(of: $0) == nil })
        #expect(outcome.previousKids == [oldKid])
        #expect(outcome.secretsReencrypted == tokens.count + 1)
        #expect(outcome.responsesReencrypted == bodies.count)
        let ring = try temp.keyRing()
        #expect(ring.kids == [outcome.newKid, oldKid])
        #expect(OwnerOnlyFiles.mode(of: temp.keyFilePath) == 0o600)
        #expect(
            try store.keyUsage() == [
                outcome.newKid: KeyUsage(secrets: tokens.count + 1, responses: bodies.count)
            ])
        try expectEverySecretReadable()
        let report = try await KeyStatusReport.make(store: try temp.openShared(), ring: ring)
        #expect(report.entries.map(\.kid) == [outcome.newKid, oldKid])
        #expect(report.entries.map(\.active) == [true, false])
    }

    @Test func retiringIsRefusedWhileInUseAndAllowedAfterRotation() async throws {
        let store = try temp.openShared()
        let refused = await expectFailure(.usage) {
            try await KeyRotation.retire(oldKid, store: store, environment: temp.environment)
        }
        #expect(
            refused?.message.contains("\(tokens.count + 1) secret(s) and \(bodies.count) stored response(s)")
                == true)
        let outcome = try await KeyRotation.rotate(store: store, environment: temp.environment)
        await expectFailure(.usage) {
            try await KeyRotation.retire(outcome.newKid, store: store, environment: temp.environment)
        }
        await expectFailure(.usage) {
            try await KeyRotation.retire("00000000", store: store, environment: temp.environment)
        }
        try await KeyRotation.retire(oldKid, store: store, environment: temp.environment)
        #expect(try temp.keyRing().kids == [outcome.newKid])
        try expectEverySecretReadable()
    }

    @Test func keyStatusNamesAKidTheStoreUsesButTheKeysLack() async throws {
        let store = try temp.openShared()
        let other = KeyRing(keys: [EncryptionKey.generate()], source: .environment)
        let report = try await KeyStatusReport.make(store: store, ring: other)
        #expect(report.entries.map(\.kid) == [other.active.kid, oldKid])
        #expect(report.entries.map(\.configured) == [true, false])
        #expect(report.entries[1].usage == KeyUsage(secrets: tokens.count + 1, responses: bodies.count))
        #expect(report.lines.last?.contains("\(oldKid)  MISSING") == true)
    }

    @Test func rotationNeedsAKeyFile() async throws {
        let store = try temp.openShared()
        let env = ["PAYBATCH_KEY": Data(repeating: 1, count: 32).base64EncodedString()]
        let failure = await expectFailure(.configuration) {
            _ = try await KeyRotation.rotate(store: store, environment: env)
        }
        #expect(failure?.message.contains("PAYBATCH_KEY_FILE") == true)
    }

    struct SimulatedCrash: Error {}

    @Test(arguments: [
        KeyRotation.Stage.secrets(count: 6), .responses(batch: 0, count: 3), .responses(batch: 1, count: 3),
        .responses(batch: 2, count: 1),
    ])
    func aCrashAtAnyCommitLeavesEverySecretReadable(crashAt: KeyRotation.Stage) async throws {
        let store = try temp.openShared()
        let stages = Mutex<[KeyRotation.Stage]>([])
        await #expect(throws: SimulatedCrash.self) {
            _ = try await KeyRotation.rotate(store: store, environment: temp.environment, batchSize: 3) {
                stage in
                stages.withLock { $0.append(stage) }
                if stage == crashAt { throw SimulatedCrash() }
            }
        }
        #expect(stages.withLock { $0.last } == crashAt)
        #expect(try temp.keyRing().kids.count == 2)
        try expectEverySecretReadable()
        // The interrupted rotation can simply be run again.
        let again = try await KeyRotation.rotate(store: try temp.openShared(), environment: temp.environment)
        #expect(try temp.open().keyUsage().keys.sorted() == [again.newKid])
        try expectEverySecretReadable()
    }
}
