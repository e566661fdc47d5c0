import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A real HTTP server on 127.0.0.1 and a free port, for tests of the live transport.
public final class LoopbackServer: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>

    private init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts a server whose routes `configure` adds; returns once it listens.
    public static func start(
        _ configure: (Router<BasicRequestContext>) -> Void
    ) async throws -> LoopbackServer {
        let router = Router()
        configure(router)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            })
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw TransportTestError("the loopback server did not start")
        }
        return LoopbackServer(port: port, task: task)
    }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// An error of the test harness itself.
public struct TransportTestError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension Response {
    /// A JSON response with extra headers, for test routes.
    public static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
        return Response(
            status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
