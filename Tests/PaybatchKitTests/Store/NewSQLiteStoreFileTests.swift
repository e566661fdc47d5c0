import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// `store copy`'s SQLite target is whole or absent: moved into place only after the copy
/// succeeded, gone with its temporary name when anything failed, and never over a file.
@Suite struct NewSQLiteStoreFileTests {
    static func names(_ temp: TempStore) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: temp.folder.path))
    }

    @Test func aFailedCopyLeavesNothing() async throws {
        let temp = try TempStore()
        let before = try Self.names(temp)
        let path = temp.path("copy.sqlite")
        let failure = await #expect(throws: RunStop.self) {
            try await NewSQLiteStoreFile.writing(at: path, keys: temp.keyRing()) { store in
                try await store.upsertCustomer("cust-1", name: "Written, then thrown away")
                throw RunStop(.software, "the copy in \(store.place) failed midway")
            }
        }
        #expect(try Self.names(temp) == before)
        // Named as the person named it, not by the temporary name that is gone.
        #expect(failure?.message == "the copy in \(path) failed midway")
    }

    @Test func aSucceededCopyIsOneFileOfMode0600HoldingItsRows() async throws {
        let temp = try TempStore()
        let before = try Self.names(temp)
        let path = temp.path("copy.sqlite")
        try await NewSQLiteStoreFile.writing(at: path, keys: temp.keyRing()) { store in
            try await store.upsertCustomer("cust-1", name: "Kept")
        }
        #expect(try Self.names(temp) == before.union(["copy.sqlite"]))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let reopened = try SQLiteStoreActor.open(path: path, keys: temp.keyRing(), mode: .readOnly)
        #expect(try await reopened.customer("cust-1")?.name == "Kept")
    }

    @Test func anExistingFileIsRefusedBeforeAnythingIsWritten() async throws {
        let temp = try TempStore()
        let path = temp.path("copy.sqlite")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        let refusal = await #expect(throws: RunStop.self) {
            try await NewSQLiteStoreFile.writing(at: path, keys: temp.keyRing()) { _ in
                Issue.record("the body ran over an existing file")
            }
        }
        #expect(refusal?.exitStatus == .cannotCreate)
        #expect(FileManager.default.contents(atPath: path) == Data("mine".utf8))
    }
}
