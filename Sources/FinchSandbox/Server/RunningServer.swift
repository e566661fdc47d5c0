import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A Hummingbird application serving on a task of its own, stopped by a graceful shutdown rather
/// than by cancelling that task. Cancelling the task that runs `Application.run()` while a
/// connection has been accepted but not yet taken by the accept loop drops that connection's
/// `NIOAsyncChannel` unfinished, and NIO traps: "Deinited NIOAsyncWriter without calling
/// finish()" (swift-nio issues 2813 and 3481). That crashed a parallel test run, and could crash
/// `paybatch connect` when a browser's second request (a favicon) arrives as it stops. A graceful
/// shutdown closes the listener first; the accept loop then hands every accepted connection to a
/// handler, whose `executeThenClose` finishes the writer on every path.
///
/// Here, not in the executable or the test support, because the sandbox, `paybatch connect`'s
/// callback listener and the tests' loopback server all serve this way, and this is the one
/// module below all three that links Hummingbird.
public final class RunningServer: Sendable {
    /// The port the listener is bound to.
    public let port: Int
    private let group: ServiceGroup
    private let listener: any Channel
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, listener: any Channel, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.listener = listener
        self.task = task
    }

    /// The application ran to its end without ever listening.
    public struct NotListening: Error, CustomStringConvertible {
        public var description: String { "the server stopped before it listened" }
    }

    /// Runs the application `make` builds, which must pass the closure it is given as its
    /// `onServerRunning`; returns once it listens. Throws why it could not (a port in use).
    public static func start<App: ApplicationProtocol>(
        _ make: (_ onServerRunning: @escaping @Sendable (any Channel) async -> Void) -> App
    ) async throws -> RunningServer {
        let (listeners, listening) = AsyncStream<any Channel>.makeStream()
        let app = make { channel in
            listening.yield(channel)
            listening.finish()
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [app], logger: Logger(label: "running-server") { _ in SwiftLogNoOpLogHandler() }))
        let task = Task {
            defer { listening.finish() }
            try await group.run()
        }
        guard let listener = await listeners.first(where: { _ in true }),
            let port = listener.localAddress?.port
        else {
            try await task.value
            throw NotListening()
        }
        return RunningServer(port: port, group: group, listener: listener, task: task)
    }

    /// Stops serving and returns once the application has ended: the listener closes, and
    /// requests in flight are answered. A request still running `grace` after the listener
    /// closed (a route that sleeps) is cancelled then; by that time the accept loop has handed
    /// every connection on, so cancelling no longer drops one. Calling it again does nothing.
    public func stop(grace: Duration = .seconds(2)) async {
        await group.triggerGracefulShutdown()
        let listener = self.listener
        let task = self.task
        let overdue = Task {
            try? await listener.closeFuture.get()
            try? await Task.sleep(for: grace)
            if !Task.isCancelled { task.cancel() }
        }
        _ = await task.result
        overdue.cancel()
    }
}
