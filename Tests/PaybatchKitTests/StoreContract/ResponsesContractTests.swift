import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

extension StoreContract {
    @Suite struct Responses {
        static func keys(_ responses: [StoredResponse]) -> [String] { responses.map(\.requestKey) }

        @Test(arguments: StoreBackend.underTest)
        func storingAgainReplacesInPlaceAndKeepsTheOrder(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await store.storeTestResponse(run: "run-1", key: "c", body: "first c")
                try await store.storeTestResponse(run: "run-1", key: "a", body: "first a")
                try await store.storeTestResponse(run: "run-1", key: "b", body: "first b")
                var again = StoredResponse(
                    runID: "run-1", connectionID: "conn-1", requestKey: "c", endpoint: "payment",
                    httpStatus: 404,
                    createdAt: instant(9))
                try await store.storeResponse(again, body: Data("second c".utf8))
                let all = try await store.responses(
                    runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                #expect(Self.keys(all) == ["c", "a", "b"])
                #expect(all.first == again)
                #expect(
                    try await store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "c")
                        == again)
                #expect(
                    try await store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "c")
                        == Data("second c".utf8))
                #expect(
                    try await store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "z") == nil
                )
                #expect(
                    try await store.responseBody(runID: "run-1", connection: "conn-1", requestKey: "z") == nil
                )
                let a = try #require(
                    try await store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "a"))
                #expect(
                    a.requestID == "req-a" && a.dataRetrieved == "2026-10-31T00:00:00Z"
                        && a.createdAt == instant(0))
                // An answer of a run never recorded, a run recorded twice: refused alike (70).
                again.runID = "run-404"
                await expectStoreFailure(.software) { try await store.storeResponse(again, body: Data()) }
                await expectStoreFailure(.software) { try await store.createTestRun("run-1") }
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func answersAreFilteredByConnectionEndpointAndEntity(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await store.createTestRun("run-2")
                try await store.storeTestResponse(run: "run-1", key: "1", endpoint: "directory", body: "x")
                try await store.storeTestResponse(
                    run: "run-1", key: "2", endpoint: "payment", entity: "ent-a", body: "x")
                try await store.storeTestResponse(
                    run: "run-1", connection: "conn-2", key: "3", endpoint: "payment", entity: "ent-b",
                    body: "x")
                try await store.storeTestResponse(
                    run: "run-1", key: "4", endpoint: "payment", entity: "ent-b", body: "x")
                try await store.storeTestResponse(run: "run-2", key: "5", body: "x")
                func keys(
                    _ connection: ConnectionID?, _ endpoint: String?, _ entity: EntityID?
                ) async throws -> [String] {
                    Self.keys(
                        try await store.responses(
                            runID: "run-1", connection: connection, endpoint: endpoint, entity: entity))
                }
                #expect(try await keys(nil, nil, nil) == ["1", "2", "3", "4"])
                #expect(try await keys("conn-1", nil, nil) == ["1", "2", "4"])
                #expect(try await keys(nil, "payment", nil) == ["2", "3", "4"])
                #expect(try await keys(nil, nil, "ent-b") == ["3", "4"])
                #expect(try await keys("conn-1", "payment", "ent-b") == ["4"])
                #expect(try await keys("conn-9", nil, nil) == [])
                let info = try await store.responseInfo(runID: "run-1", connection: "conn-1", requestKey: "2")
                #expect(info?.entity == "ent-a")
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func copiedAnswersAreReencryptedAndTheTargetsOwnStay(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await store.createTestRun("run-2")
                for key in ["introspect", "b", "a"] {
                    try await store.storeTestResponse(run: "run-1", key: key, body: "old \(key)")
                }
                try await store.storeTestResponse(run: "run-1", connection: "conn-2", key: "other", body: "x")
                try await store.storeTestResponse(run: "run-2", key: "introspect", body: "fresh introspect")
                #expect(try await store.copyResponses(from: "run-1", to: "run-2", connection: "conn-1") == 2)
                let copied = try await store.responses(
                    runID: "run-2", connection: nil, endpoint: nil, entity: nil)
                #expect(Self.keys(copied) == ["introspect", "b", "a"])
                #expect(
                    try await store.responseBody(
                        runID: "run-2", connection: "conn-1", requestKey: "introspect")
                        == Data("fresh introspect".utf8))
                #expect(
                    try await store.responseBody(runID: "run-2", connection: "conn-1", requestKey: "a")
                        == Data("old a".utf8))
                #expect(try await store.copyResponses(from: "run-1", to: "run-2", connection: "conn-1") == 0)
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func deletingAConnectionsAnswersKeepsOneEndpoint(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await store.storeTestResponse(run: "run-1", key: "i", endpoint: "introspect", body: "x")
                try await store.storeTestResponse(run: "run-1", key: "d", endpoint: "directory", body: "x")
                try await store.storeTestResponse(run: "run-1", key: "p", endpoint: "payment", body: "x")
                try await store.storeTestResponse(run: "run-1", connection: "conn-2", key: "d", body: "x")
                #expect(
                    try await store.deleteResponses(
                        runID: "run-1", connection: "conn-1", keeping: "introspect") == 2)
                let left = try await store.responses(
                    runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                #expect(left.map(\.connectionID) == ["conn-1", "conn-2"] && Self.keys(left) == ["i", "d"])
            }
        }

        @Test(arguments: StoreBackend.underTest)
        func manyTasksStoringAtOnceLoseNothing(_ backend: StoreBackend) async throws {
            try await backend.withStore { store, _ in
                try await store.createTestRun("run-1")
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for task in 0..<16 {
                        group.addTask {
                            for index in 0..<10 {
                                // Every task also stores the shared keys: one row each survives.
                                try await store.storeTestResponse(
                                    run: "run-1", key: "t\(task)-\(index)", body: "\(task)")
                                try await store.storeTestResponse(
                                    run: "run-1", key: "shared-\(index)", body: "\(task)")
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let all = try await store.responses(
                    runID: "run-1", connection: nil, endpoint: nil, entity: nil)
                #expect(all.count == 16 * 10 + 10 && Set(Self.keys(all)).count == all.count)
                let body = try await store.responseBody(
                    runID: "run-1", connection: "conn-1", requestKey: "t7-3")
                #expect(body == Data("7".utf8))
            }
        }
    }
}
