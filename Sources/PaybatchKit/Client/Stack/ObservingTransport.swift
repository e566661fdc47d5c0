import Foundation

/// The transport layer that tells the observer about every attempt, answered or not.
public struct ObservingTransport: HTTPTransport {
    let inner: any HTTPTransport
    let observer: any FinchCallObserver
    let clock: any PaybatchClock

    public init(inner: any HTTPTransport, observer: any FinchCallObserver, clock: any PaybatchClock) {
        self.inner = inner
        self.observer = observer
        self.clock = clock
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let started = clock.now()
        var record = FinchCallRecord(
            method: request.method, endpoint: request.context.endpoint,
            connectionID: request.context.connectionID, attempt: request.context.attempt, duration: .zero,
            limiterWait: request.context.limiterWait)
        do {
            let response = try await inner.send(request)
            record.httpStatus = response.status
            record.requestID = response.requestID
            record.dataRetrieved = response.header("Finch-Data-Retrieved")
            record.retryAfter = response.header("Retry-After") ?? response.header("retry-after-ms")
            if response.status >= 400, let body = FinchErrorBody.decode(response.body) {
                record.name = body.effectiveName
                record.finchCode = body.finchCode
            }
            record.duration = clock.now() - started
            await observer.record(record)
            return response
        } catch let error as TransportError {
            record.transportError = error.kind.rawValue
            record.duration = clock.now() - started
            await observer.record(record)
            throw error
        }
    }
}
