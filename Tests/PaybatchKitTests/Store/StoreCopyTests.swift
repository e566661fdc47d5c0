import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

@Suite struct StoreCopyTests {
    /// Every row of every table, as `store copy` reads it.
    static func everyRow(_ store: any StoreRowSource) async throws -> [String: [[SQLiteValue]]] {
        var rows: [String: [[SQLiteValue]]] = [:]
        for table in StoreTable.all {
            var cursor: Int64 = 0
            while true {
                let page = try await store.rows(of: table, after: cursor, limit: 3)
                if page.rows.isEmpty { break }
                rows[table.name, default: []] += page.rows
                cursor = page.next
            }
        }
        return rows
    }

    /// A SQLite store with rows in every table, and its folder.
    static func filledStore() async throws -> (TempStore, SQLiteStoreActor) {
        let temp = try TempStore()
        let source = try SQLiteStoreActor.open(path: temp.databasePath, keys: temp.keyRing(), creating: true)
        try await StoreFiller.fill(source)
        return (temp, source)
    }

    @Test func aCopyHoldsEveryRowAsStoredWithItsIdAndOrderAndItsCiphertextsOpen() async throws {
        let (temp, source) = try await Self.filledStore()
        let target = try SQLiteStoreActor.open(
            path: temp.path("copy.sqlite"), keys: temp.keyRing(), creating: true)

        let report = try await StoreCopy.run(from: source, to: target, pageSize: 2)

        let (original, copy) = (try await Self.everyRow(source), try await Self.everyRow(target))
        #expect(copy == original)
        #expect(
            StoreTable.all.allSatisfy { original[$0.name]?.isEmpty == false },
            "the filler leaves no table empty")
        #expect(report.rows.map(\.table) == StoreTable.all.map(\.name))
        #expect(report.rows.map(\.count) == StoreTable.all.map { original[$0.name]?.count ?? 0 })
        // 3 tokens, the client secret, and 3 answers in each of two runs (introspect replaced in place).
        #expect(report.opened == 3 + 1 + 6)
        let keys = try await source.responses(runID: "run-a", connection: nil, endpoint: nil, entity: nil)
        #expect(
            try await target.responses(runID: "run-a", connection: nil, endpoint: nil, entity: nil).map(
                \.requestKey)
                == keys.map(\.requestKey))
        #expect(
            try await target.decryptAccessToken(for: "conn-1") == source.decryptAccessToken(for: "conn-1"))
    }

    @Test func aTargetHoldingRowsIsRefusedAndLeftAsItWas() async throws {
        let (temp, source) = try await Self.filledStore()
        let target = try SQLiteStoreActor.open(
            path: temp.path("copy.sqlite"), keys: temp.keyRing(), creating: true)
        try await target.setSetting("mine", "kept")

        let refusal = await #expect(throws: RunStop.self) {
            try await StoreCopy.run(from: source, to: target)
        }
        #expect(refusal?.exitStatus == .cannotCreate)
        #expect(refusal?.message.contains("already holds a paybatch store") == true)
        #expect(try await target.rowCount(of: StoreTable.all.first { $0.name == "customers" }!) == 0)
        #expect(try await target.setting("mine") == "kept")
    }

    @Test func aCopyCannotBeOpenedWithAnotherKey() async throws {
        let (temp, source) = try await Self.filledStore()
        let path = temp.path("copy.sqlite")
        _ = try await StoreCopy.run(
            from: source, to: try SQLiteStoreActor.open(path: path, keys: temp.keyRing(), creating: true))
        let other = KeyRing(keys: [EncryptionKey.generate(avoiding: [])], source: .environment)
        await #expect(throws: KeyFailure.self) { _ = try SQLiteStoreActor.open(path: path, keys: other) }
    }

    /// `StoreTable.all` is what a copy moves: it must name every column of every table of the
    /// SQLite schema (a migration that adds one must add it there too).
    @Test func theCopiedTablesAreTheWholeSQLiteSchema() throws {
        let temp = try TempStore()
        let store = try temp.open()
        let tables = try store.database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        ) { $0.text(0) ?? "" }
        #expect(tables == StoreTable.all.map(\.name).sorted())
        for table in StoreTable.all {
            let columns = try store.database.query(
                "SELECT name FROM pragma_table_info(?)", [.text(table.name)]
            ) {
                $0.text(0) ?? ""
            }
            #expect(
                Set(columns) == Set(table.columns.filter { !$0.isPosition }.map(\.name)), "\(table.name)")
        }
    }
}

/// The copy between backends, on the throw-away PostgreSQL server.
@Suite("store copy across backends", .needsPostgres, .serialized, .timeLimit(.minutes(2)))
struct StoreCopyAcrossBackendsTests {
    @Test func sqliteToPostgresAndBackKeepsEveryRowAsStored() async throws {
        let (temp, source) = try await StoreCopyTests.filledStore()
        try await StoreBackend.postgres.withFixture { fixture in
            let postgres = try await fixture.open(withKeys: temp.keyRing(), creating: true)
            let there = try await StoreCopy.run(from: source, to: postgres, pageSize: 2)
            let back = try SQLiteStoreActor.open(
                path: temp.path("back.sqlite"), keys: temp.keyRing(), creating: true)
            let again = try await StoreCopy.run(from: postgres, to: back, pageSize: 2)

            let original = try await StoreCopyTests.everyRow(source)
            #expect(try await StoreCopyTests.everyRow(postgres) == original)
            #expect(try await StoreCopyTests.everyRow(back) == original)
            #expect(there == again)
            #expect(
                try await postgres.decryptAccessToken(for: "conn-2")
                    == source.decryptAccessToken(for: "conn-2"))
            // Identity sequences moved past the copied ids: a new row follows them.
            try await postgres.logRequests([RequestLogEntry(endpoint: "/introspect", time: Date())])
            #expect(try await postgres.requestLog(runID: nil, connection: nil).count == 5)
        }
    }

    @Test func aPostgresStoreHoldingRowsIsRefusedUnchanged() async throws {
        let (temp, source) = try await StoreCopyTests.filledStore()
        try await StoreBackend.postgres.withFixture { fixture in
            let postgres = try await fixture.open(withKeys: temp.keyRing(), creating: true)
            try await postgres.upsertCustomer("cust-9", name: "Already here")
            let before = try await fixture.snapshot()
            let refusal = await #expect(throws: RunStop.self) {
                try await StoreCopy.run(from: source, to: postgres)
            }
            #expect(refusal?.exitStatus == .cannotCreate)
            #expect(try await fixture.snapshot() == before)
        }
    }

    /// `StoreTable.all` names every column of every table of the PostgreSQL schema too.
    @Test func theCopiedTablesAreTheWholePostgresSchema() async throws {
        try await StoreBackend.postgres.withStore { _, fixture in
            let client = try #require(fixture.postgres?.client)
            var columns: [String: Set<String>] = [:]
            let rows = try await client.query(
                """
                SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'paybatch' AND table_name <> 'schema_version'
                """)
            for try await (table, column) in rows.decode((String, String).self) {
                columns[table, default: []].insert(column)
            }
            #expect(Set(columns.keys) == Set(StoreTable.all.map(\.name)))
            for table in StoreTable.all {
                #expect(columns[table.name] == Set(table.columns.map(\.name)), "\(table.name)")
            }
        }
    }
}
