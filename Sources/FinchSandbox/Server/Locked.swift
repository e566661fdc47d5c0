import Foundation

/// A value behind a lock that ThreadSanitizer sees, used instead of `Synchronization.Mutex`.
///
/// On Linux, `Mutex` hands a contended lock over in the kernel (`FUTEX_LOCK_PI` /
/// `FUTEX_UNLOCK_PI` from the uninstrumented `_lockSlow`/`_unlockSlow` of the standard library;
/// swiftlang/swift, stdlib/public/Synchronization/Mutex/LinuxImpl.swift). TSan intercepts
/// `pthread_mutex_*` but not raw futex calls, so it sees no happens-before edge between two
/// threads that contended for a `Mutex` and reports a "Swift access race" inside `withLock`
/// where there is none (`make sanitize-thread` did, on the sandbox's state under concurrent
/// requests). `NSLock` is a `pthread_mutex_t`, which TSan follows, so real races stay reported.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
