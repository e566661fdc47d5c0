/// Records every attempt of a run's calls in the store's request log (SPEC §3: each response's
/// `Finch-Request-Id` against the connection, endpoint and outcome). A log that cannot be written
/// must not fail the call it describes, so write errors are dropped here.
public struct RequestLogObserver: FinchCallObserver {
    let store: RunStore
    let runID: String
    let wallClock: any WallClock

    public init(store: RunStore, runID: String, wallClock: any WallClock) {
        self.store = store
        self.runID = runID
        self.wallClock = wallClock
    }

    public func record(_ call: FinchCallRecord) async {
        let entry = RequestLogEntry(
            runID: runID, requestID: call.requestID, connectionID: call.connectionID,
            endpoint: call.endpoint?.rawValue ?? "other", httpStatus: call.httpStatus,
            finchCode: call.finchCode ?? call.transportError, time: wallClock.now(), attempt: call.attempt + 1
        )
        try? await store.logRequest(entry)
    }
}
