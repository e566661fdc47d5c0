import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct StoreSchemaTests {
    let temp: TempStore
    init() throws { temp = try TempStore() }

    @Test func migratesAnEmptyFileToTheLatestVersion() throws {
        let store = try temp.open()
        #expect(try store.database.userVersion() == StoreSchema.latestVersion)
        let tables = try store.database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ) {
            $0.text(0) ?? ""
        }
        #expect(
            tables == [
                "connection_events", "connections", "customers", "period_totals", "refresh_jobs",
                "request_log",
                "responses",
                "run_connections", "runs",
                "secrets",
                "settings",
            ])
        #expect(try store.isIntact())
        #expect(OwnerOnlyFiles.mode(of: temp.databasePath) == 0o600)
        #expect(OwnerOnlyFiles.mode(of: temp.path("store")) == 0o700)
    }

    @Test func reopeningAStoreLeavesItsBytesUnchanged() throws {
        do {
            let store = try temp.open()
            try store.upsertCustomer("c1", name: "Acme")
        }
        let before = try #require(FileManager.default.contents(atPath: temp.databasePath))
        do {
            let store = try temp.open()
            #expect(try store.customer("c1")?.name == "Acme")
            #expect(try store.database.userVersion() == StoreSchema.latestVersion)
        }
        #expect(FileManager.default.contents(atPath: temp.databasePath) == before)
    }

    @Test func refusesAStoreFromANewerPaybatch() throws {
        do {
            let db = try SQLiteDatabase(path: temp.databasePath, mode: .readWrite)
            try db.execute("CREATE TABLE future (x)")
            try db.setUserVersion(StoreSchema.latestVersion + 1)
        }
        let failure = expectFailure(.dataError) { _ = try temp.open() }
        #expect(failure?.message.contains("schema version \(StoreSchema.latestVersion + 1)") == true)
    }

    @Test func refusesAnSQLiteFileThatIsNotAStore() throws {
        do {
            let db = try SQLiteDatabase(path: temp.databasePath, mode: .readWrite)
            try db.execute("CREATE TABLE other (x)")
        }
        let failure = expectFailure(.dataError) { _ = try temp.open() }
        #expect(failure?.message.contains("not a paybatch store") == true)
    }

    @Test func readOnlyOpeningOfAMissingStoreIsConfiguration() throws {
        expectFailure(.configuration) {
            _ = try SQLiteStore.open(path: temp.databasePath, keys: nil, mode: .readOnly)
        }
        #expect(!FileManager.default.fileExists(atPath: temp.databasePath))
    }
}
