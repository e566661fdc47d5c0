import Foundation

/// The store-backed cache of one run: answers are kept under the run's id.
public struct StoredResponseCache: ResponseCache {
    public let store: RunStore
    public let runID: String
    let wallClock: any WallClock

    public init(store: RunStore, runID: String, wallClock: any WallClock) {
        self.store = store
        self.runID = runID
        self.wallClock = wallClock
    }

    public func cachedResponse(for key: RequestKey) async throws -> FinchResponse? {
        try await store.response(runID: runID, key: key)
    }

    public func store(_ response: FinchResponse, for key: RequestKey) async throws {
        try await store.store(response, runID: runID, key: key, at: wallClock.now())
    }
}
