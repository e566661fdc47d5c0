import Foundation

/// Collects every attempt of a command's Finch calls, so that the command can write them to the
/// store's request log afterwards (SPEC §3: each `Finch-Request-Id` against its connection,
/// endpoint and outcome) in one `logRequests` transaction, not one write per call. Its lock is an
/// `NSLock` (a pthread mutex), not `Synchronization.Mutex`, whose contended path the thread
/// sanitizer cannot see on Linux and reports as races (see FinchSandbox's `Locked`).
/// `@unchecked Sendable`, and safe: the only mutable state, `records`, is read and written under
/// `lock` alone; `now` is a Sendable `let`.
public final class FinchCallLog: FinchCallObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var records: [(FinchCallRecord, Date)] = []
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    public func record(_ call: FinchCallRecord) async {
        let time = now()
        lock.withLock { records.append((call, time)) }
    }

    /// Writes the buffered calls to the request log and empties the buffer.
    public func flush(to store: any PaybatchStore) async throws {
        let pending = lock.withLock {
            defer { records.removeAll() }
            return records
        }
        guard !pending.isEmpty else { return }
        try await store.logRequests(
            pending.map { call, time in
                RequestLogEntry(
                    requestID: call.requestID, connectionID: call.connectionID,
                    endpoint: call.endpoint?.path ?? "unknown", httpStatus: call.httpStatus,
                    finchCode: call.finchCode ?? call.transportError, time: time,
                    attempt: call.attempt + 1)
            })
    }
}
