import Foundation

/// Runs blocking work (waiting for a child process) on a thread of its own and awaits it. Never
/// block Swift's cooperative pool in a test: it has one thread per core (2 here), and the
/// in-process sandboxes of the other tests running in parallel answer from that pool.
public func awaitBlocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
