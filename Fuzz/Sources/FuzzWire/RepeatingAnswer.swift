import Foundation
import PaybatchKit

/// A transport that answers every request with the same status and body, a few times per endpoint:
/// enough for the directory and pay-statement loops to page, few enough that a body claiming a
/// billion rows ends in a transport error instead of an endless fuzz iteration.
final class RepeatingAnswer: HTTPTransport, @unchecked Sendable {
    private let response: HTTPResponse
    private let lock = NSLock()
    private var answered: [String: Int] = [:]

    init(response: HTTPResponse) { self.response = response }

    static func client(body: Data, status: Int) -> FinchClient {
        let headers = [
            (name: "Finch-Request-Id", value: "fuzz-request"),
            (name: "Finch-Data-Retrieved", value: "2026-11-01T00:00:00Z"),
        ]
        let transport = RepeatingAnswer(response: HTTPResponse(status: status, headers: headers, body: body))
        return FinchClient(
            requests: FinchRequestFactory(baseURL: URL(string: "http://127.0.0.1:9")!), transport: transport,
            limits: FinchBatchLimits(
                directoryPageSize: 2, individualsPerCall: 2, paymentsPerPayStatementCall: 2,
                payStatementPageSize: 2))
    }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let endpoint = request.url.path
        let answer: Bool = lock.withLock {
            answered[endpoint, default: 0] += 1
            return answered[endpoint, default: 0] <= 4
        }
        guard answer else { throw TransportError(.connectionFailed, "the fuzz transport is done") }
        return response
    }
}
