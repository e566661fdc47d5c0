import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 1: only a caller that says so creates a store; every other open of a missing
/// one is 78 naming the path, and makes no file and no folder.
@Suite struct MissingStoreTests {
    @Test(arguments: [SQLiteDatabase.Mode.readOnly, .readWrite])
    func openingAMissingStoreIs78AndCreatesNothing(mode: SQLiteDatabase.Mode) throws {
        let temp = try TempStore()
        let path = temp.path("typo/paybatch.sqlite")
        let failure = expectFailure(.configuration) {
            _ = try SQLiteStore.open(path: path, keys: try temp.keyRing(), mode: mode)
        }
        #expect(failure?.message == "no store at \(path).")
        #expect(failure?.remedy?.contains("paybatch roster import FILE") == true)
        #expect(!FileManager.default.fileExists(atPath: temp.path("typo")))
    }

    @Test func creatingMakesTheStoreAndItsFolder() throws {
        let temp = try TempStore()
        let path = temp.path("new/paybatch.sqlite")
        _ = try SQLiteStore.open(path: path, keys: try temp.keyRing(), creating: true)
        #expect(FileManager.default.fileExists(atPath: path))
        expectFailure(.configuration) {
            _ = try SQLiteStore.open(
                path: temp.path("other.sqlite"), keys: nil, mode: .readOnly, creating: true)
        }
    }

    @Test func aRunStoreNeverCreatesOne() throws {
        let temp = try TempStore()
        expectFailure(.configuration) {
            _ = RunStore(
                store: try SQLiteStoreActor.open(path: temp.path("x.sqlite"), keys: try temp.keyRing()))
        }
        #expect(!FileManager.default.fileExists(atPath: temp.path("x.sqlite")))
    }

    @Test func anExportOfAStoreWithoutLiveConnectionsIs78() async throws {
        let temp = try TempStore()
        _ = try temp.open()
        let store = try temp.runStore()
        do {
            _ = try await store.exportableConnections()
            Issue.record("an empty roster must not export")
        } catch let failure as any PaybatchFailure {
            #expect(failure.exitStatus == .configuration)
            #expect(failure.message.contains("no live connection"))
        }
    }

    @Test func aLockTakenForAStoreNeverMadeIsRemovedWithTheFoldersItMade() async throws {
        let temp = try TempStore()
        let database = temp.path("a/b/paybatch.sqlite")
        let folders = StoreLock.missingFolders(forDatabase: database)
        #expect(folders == [temp.path("a/b"), temp.path("a")])
        let lock = try await StoreLock.acquire(
            databasePath: database, owner: LockOwner.current(startedAt: Date()), sleep: { _ in })
        #expect(FileManager.default.fileExists(atPath: lock.path))
        lock.removeWithoutStore(folders: folders)
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: temp.path("a")))
    }
}
