import Foundation
import Hummingbird
import Logging

/// The sandbox served over HTTP on 127.0.0.1, in-process (tests, `paybatch demo`) or from the CLI.
public final class SandboxServer: Sendable {
    /// The emulator behind the server.
    public let engine: SandboxEngine
    /// `Locked`, not `Mutex`: the thread sanitizer must see it (hanging requests poll `stopping`).
    private let running = Locked<(server: RunningServer?, stopping: Bool)>((nil, false))

    /// A server for `options`; `clock` replaces the running clock (tests).
    public init(options: SandboxOptions, clock: (@Sendable () -> Date)? = nil) {
        engine = SandboxEngine(options: options, clock: clock)
    }

    /// The generated world and its ground truth.
    public var world: SandboxWorld { engine.world }

    /// Counters per bucket and endpoint.
    public func counters() -> SandboxCounters { engine.counters() }

    var isStopping: Bool { running.withLock { $0.stopping } }

    /// `http://127.0.0.1:PORT` once started.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(running.withLock { $0.server?.port } ?? 0)")!
    }

    /// Starts serving on 127.0.0.1 (`port` 0 picks a free one) and returns the bound port.
    public func start(port: Int = 0) async throws -> Int {
        let responder = SandboxResponder(
            engine: engine, stopping: { [weak self] in self?.isStopping ?? true })
        let server = try await RunningServer.start { onServerRunning in
            Application(
                responder: responder,
                configuration: ApplicationConfiguration(
                    address: .hostname("127.0.0.1", port: port), serverName: nil),
                onServerRunning: onServerRunning,
                logger: Logger(label: "finch-sandbox", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
        running.withLock { $0 = (server, false) }
        return server.port
    }

    /// Stops serving: hanging requests are released and the listener closes.
    public func stop() async {
        let server = running.withLock { state -> RunningServer? in
            state.stopping = true
            return state.server
        }
        await server?.stop()
    }
}
