import FinchSandbox
import Foundation
import PaybatchKit
import Synchronization

/// The sandbox's engine as a transport, in process: the real emulator's answers (its faults
/// included) without sockets, fast enough for thousands of connections. `oddities` may change an
/// answer before the client sees it; the status of the last answer each connection got is kept.
final class SandboxEngineTransport: HTTPTransport {
    private let engine: SandboxEngine
    private let oddities: AnswerOddities
    private let lastStatuses = Mutex<[ConnectionID: Int]>([:])

    init(engine: SandboxEngine, oddities: AnswerOddities) {
        self.engine = engine
        self.oddities = oddities
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let answer = engine.handle(
            SandboxRequest(
                method: request.method.rawValue, path: request.url.path, rawQuery: request.url.query ?? "",
                headers: Dictionary(request.headers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 }),
                body: Array(request.body ?? Data())))
        let response = oddities.apply(
            to: HTTPResponse(
                status: answer.status, headers: answer.headers.map { (name: $0.0, value: $0.1) },
                body: Data(answer.body)),
            of: request)
        if let connection = request.context.connectionID {
            lastStatuses.withLock { $0[connection] = response.status }
        }
        return response
    }

    /// The status of the last answer `connection` got through this transport.
    func lastStatus(of connection: ConnectionID) -> Int? {
        lastStatuses.withLock { $0[connection] }
    }
}
