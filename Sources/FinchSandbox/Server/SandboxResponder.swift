import Foundation
import HTTPTypes
import Hummingbird

/// Adapts Hummingbird requests to `SandboxEngine` and carries out the delivery faults.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let engine: SandboxEngine
    let stopping: @Sendable () -> Bool

    /// Ends a truncated body: throwing from the body writer makes the server close the connection.
    struct Truncated: Error {}

    func respond(to request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: 64 << 20)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        // HTTPTypes moves Host into the authority pseudo-header; connect_url needs it back.
        if let authority = request.head.authority { headers["host"] = authority }
        let sandboxRequest = SandboxRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: headers, body: body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? [])
        let arrival = ContinuousClock.now
        let answer = engine.handle(sandboxRequest)
        if answer.latency > .zero {
            // A suspension, not a blocked thread: other requests are served while this one waits.
            try await Task.sleep(until: arrival.advanced(by: answer.latency), clock: .continuous)
        }
        switch answer.delivery {
        case .hang:
            // Never answer; give up only when the server stops (or after Finch's own 6-minute timeout).
            for _ in 0..<3600 where !stopping() { try await Task.sleep(for: .milliseconds(100)) }
            throw CancellationError()
        case .slow(let ms): try await Task.sleep(for: .milliseconds(ms))
        case .normal, .truncated: break
        }
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) {
                fields.append(HTTPField(name: fieldName, value: value))
            }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if answer.delivery == .truncated, answer.body.count > 1 {
            let part = ByteBuffer(bytes: answer.body.prefix(answer.body.count / 2))
            return Response(
                status: status, headers: fields,
                body: ResponseBody(contentLength: answer.body.count) { writer in
                    try await writer.write(part)
                    throw Truncated()
                })
        }
        return Response(
            status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
