import Dispatch
import Foundation
import Synchronization

/// Ctrl-C (SIGINT), a service manager's SIGTERM and a closed output pipe (SIGPIPE) stop a command
/// the way an error does, instead of killing it where it stands: the command's task is cancelled,
/// so the values that own temporary files remove them, the store lock is released, an export's
/// run stays `running` for the next invocation to resume, and `reportingFailures` says so. A
/// second signal ends the process at once, for a command that does not stop quickly enough.
struct SignalInterruption {
    private let sources: [any DispatchSourceSignal]

    /// How many signals have arrived; a class so the handlers can share it.
    private final class Received: Sendable {
        let count = Atomic<Int>(0)
    }

    /// Turns `signals` from fatal into events: the first calls `interrupt`.
    static func install(
        _ signals: [Int32] = [SIGINT, SIGTERM, SIGPIPE], interrupt: @escaping @Sendable () -> Void
    ) -> SignalInterruption {
        let received = Received()
        let queue = DispatchQueue(label: "paybatch.signals")
        let sources = signals.map { number in
            signal(number, SIG_IGN)  // the source sees it only once the default action is off
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.count.add(1, ordering: .relaxed).newValue == 1 {
                    interrupt()
                } else if number != SIGPIPE {
                    _exit(128 + number)
                }
            }
            source.resume()
            return source
        }
        return SignalInterruption(sources: sources)
    }

    /// Stops listening (the signals stay ignored; the process is ending).
    func cancel() { sources.forEach { $0.cancel() } }
}
