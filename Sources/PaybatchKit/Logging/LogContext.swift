import Foundation
import Logging

/// Metadata that every line of one command carries from the moment it is known — an export's
/// `run_id` once the run is started or resumed — including lines logged by code that never saw
/// the export's logger (the fatal error the command line prints, the summary event). One value
/// per command, built with its logger; never shared between commands.
///
/// `@unchecked Sendable`, and safe: the only stored state, `values`, is read and written under
/// `lock` alone. An `NSLock` (a pthread mutex) rather than `Synchronization.Mutex`, which would
/// need no `@unchecked`: every log line of every thread reads it, and a contended
/// `Mutex` is handed over in the kernel, where the thread sanitizer cannot see it (FinchSandbox's
/// `Locked` says more).
public final class LogContext: @unchecked Sendable {
    private let lock = NSLock()
    private var values: Logger.Metadata = [:]

    public init() {}

    /// Sets (or, with nil, removes) one key for every later line.
    public subscript(key: String) -> Logger.Metadata.Value? {
        get { lock.withLock { values[key] } }
        set { lock.withLock { values[key] = newValue } }
    }

    /// The metadata so far.
    public var metadata: Logger.Metadata { lock.withLock { values } }
}
