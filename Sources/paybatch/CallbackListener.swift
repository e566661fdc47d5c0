import FinchSandbox
import Foundation
import Hummingbird
import Logging

/// The loopback listener of `connect` and `reauth` (SPEC §8): serves the registered redirect URI
/// on its host and port, takes the first `?code=` (or `?error=`) that arrives on its path, and
/// answers the browser with a short page. Lives in the executable; the engine never listens.
final class CallbackListener: Sendable {
    /// What arrived at the redirect URI.
    enum Arrival: Sendable {
        case code(String)
        case refused(String)
    }

    private let arrivals: AsyncStream<Arrival>
    private let server: RunningServer

    private init(arrivals: AsyncStream<Arrival>, server: RunningServer) {
        self.arrivals = arrivals
        self.server = server
    }

    /// Listens on `host:port` for GET `path`; throws when the address cannot be bound.
    static func start(host: String, port: Int, path: String) async throws -> CallbackListener {
        let (arrivals, arrived) = AsyncStream<Arrival>.makeStream()
        let router = Router()
        router.get(RouterPath(path.isEmpty ? "/" : path)) { request, _ -> Response in
            let query = request.uri.queryParameters
            if let code = query["code"].map(String.init), !code.isEmpty {
                arrived.yield(.code(code))
                return page("paybatch received the authorization. You can close this page.")
            }
            let reason = query["error_description"] ?? query["error"] ?? "no code in the redirect"
            arrived.yield(.refused(String(reason)))
            return page("paybatch did not receive an authorization code. You can close this page.")
        }
        let server = try await RunningServer.start { onServerRunning in
            Application(
                router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                onServerRunning: onServerRunning,
                logger: Logger(label: "paybatch-callback", factory: { _ in SwiftLogNoOpLogHandler() }))
        }
        return CallbackListener(arrivals: arrivals, server: server)
    }

    /// The first arrival, or nil when `limit` passes first.
    func next(within limit: Duration) async -> Arrival? {
        let arrivals = self.arrivals
        return await withTaskGroup(of: Arrival?.self) { group in
            group.addTask {
                var iterator = arrivals.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Stops listening. The shutdown is graceful (see `RunningServer`): the page answering the
    /// browser is written before the connection closes, so the employer never gets an empty reply.
    func stop() async { await server.stop() }

    private static func page(_ text: String) -> Response {
        let html = "<!doctype html><html><body><p>\(text)</p></body></html>\n"
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
