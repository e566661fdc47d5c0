import Foundation
import Hummingbird
import Logging
import Testing

@testable import FinchSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Stopping a served application never traps and never cuts an answer off (see `RunningServer`).
@Suite struct RunningServerTests {
    static func start(
        _ configure: (Router<BasicRequestContext>) -> Void = { _ in }
    ) async throws
        -> RunningServer
    {
        let router = Router()
        configure(router)
        return try await RunningServer.start { onServerRunning in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: onServerRunning,
                logger: Logger(label: "running-server-tests") { _ in SwiftLogNoOpLogHandler() })
        }
    }

    /// Opens a TCP connection to 127.0.0.1:`port` and leaves it open; returns the descriptor.
    static func connect(to port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return fd
    }

    /// Connections accepted just before the stop, not yet taken by the accept loop: cancelling
    /// the serving task dropped them and NIO trapped ("Deinited NIOAsyncWriter without calling
    /// finish()"), ending the whole test process. Stopped gracefully, every one is handed on.
    @Test func stoppingRightAfterABurstOfConnectionsDoesNotTrap() async throws {
        for _ in 0..<5 {
            let server = try await Self.start()
            let sockets = (0..<64).map { _ in Self.connect(to: server.port) }
            await server.stop()
            sockets.forEach { close($0) }
        }
    }

    /// A request in flight when the stop begins is answered in full before the listener goes.
    @Test func aRequestInFlightIsAnsweredBeforeTheStopEnds() async throws {
        let (arrivals, arrived) = AsyncStream<Void>.makeStream()
        let server = try await Self.start { router in
            router.get("/slow") { _, _ -> String in
                arrived.yield()
                try await Task.sleep(for: .milliseconds(300))
                return "answered"
            }
        }
        let url = try #require(URL(string: "http://127.0.0.1:\(server.port)/slow"))
        async let answer = URLSession.shared.data(from: url)
        _ = await arrivals.first { _ in true }
        await server.stop()
        let (data, response) = try await answer
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self) == "answered")
    }
}
