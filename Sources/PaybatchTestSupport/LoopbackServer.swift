import FinchSandbox
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A real HTTP server on 127.0.0.1 and a free port, for tests of the live transport.
public final class LoopbackServer: Sendable {
    private let server: RunningServer

    private init(server: RunningServer) { self.server = server }

    public var port: Int { server.port }

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Starts a server whose routes `configure` adds; returns once it listens.
    public static func start(
        _ configure: (Router<BasicRequestContext>) -> Void
    ) async throws -> LoopbackServer {
        let router = Router()
        configure(router)
        let server = try await RunningServer.start { onServerRunning in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: onServerRunning)
        }
        return LoopbackServer(server: server)
    }

    /// Stops the server, gracefully (see `RunningServer`); a route still sleeping a second after
    /// the listener closed is cancelled.
    public func stop() async { await server.stop(grace: .seconds(1)) }
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
