import Foundation
import Hummingbird
import PaybatchKit
import PaybatchTestSupport
import Testing

private typealias HTTPRequest = PaybatchKit.HTTPRequest

/// The live transport against a real HTTP server on loopback.
@Suite("CurlTransport on loopback", .serialized)
struct CurlTransportTests {
    static func echoServer() async throws -> LoopbackServer {
        try await LoopbackServer.start { router in
            router.on("/echo", method: .post) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                let text = String(buffer: body)
                let object: [String: Any] = ["method": "POST", "headers": headers, "body": text]
                let data = try JSONSerialization.data(withJSONObject: object)
                return .json(
                    201, String(decoding: data, as: UTF8.self), headers: ["Finch-Request-Id": "req-echo"])
            }
            router.get("/status/:code") { _, context -> Response in
                let code = Int(context.parameters.get("code") ?? "") ?? 500
                return .json(code, #"{"code":\#(code),"name":"x"}"#, headers: ["Retry-After": "3"])
            }
            router.get("/slow") { _, _ -> Response in
                try await Task.sleep(for: .seconds(30))
                return .json(200, "{}")
            }
            router.get("/big") { _, _ -> Response in
                .json(200, "[" + String(repeating: "1,", count: 500_000) + "1]")
            }
        }
    }

    @Test func sendsHeadersAndBodyAndReturnsStatusHeadersBody() async throws {
        let server = try await Self.echoServer()
        let transport = CurlTransport()
        let request = HTTPRequest(
            method: .post, url: server.baseURL.appendingPathComponent("echo"),
            headers: [
                ("Authorization", "Bearer abc"), ("Finch-API-Version", "2020-09-17"),
                ("User-Agent", "paybatch/t"),
            ],
            body: Data(#"{"requests":[]}"#.utf8))
        let response = try await transport.send(request)
        await server.stop()
        #expect(response.status == 201)
        #expect(response.requestID == "req-echo")
        let echoed = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        let headers = try #require(echoed["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer abc")
        #expect(headers["finch-api-version"] == "2020-09-17")
        #expect(headers["user-agent"] == "paybatch/t")
        #expect(headers["expect"] == nil)
        #expect(echoed["body"] as? String == #"{"requests":[]}"#)
    }

    @Test func errorStatusesComeBackAsResponses() async throws {
        let server = try await Self.echoServer()
        let response = try await CurlTransport().send(
            HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("status/503")))
        await server.stop()
        #expect(response.status == 503)
        #expect(response.header("retry-after") == "3")
    }

    @Test func manyConcurrentRequestsAndLargeBodies() async throws {
        let server = try await Self.echoServer()
        let transport = CurlTransport()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<40 {
                group.addTask {
                    let path = i % 4 == 0 ? "big" : "status/2\(i % 10 < 5 ? "00" : "02")"
                    let response = try await transport.send(
                        HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent(path)))
                    if path == "big" { #expect(response.body.count == 1_000_003) }
                    return response.status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        await server.stop()
        #expect(statuses.count == 40)
        #expect(Set(statuses).isSubset(of: [200, 202]))
    }

    @Test func theTimeoutIsHonoured() async throws {
        let server = try await Self.echoServer()
        let started = ContinuousClock.now
        do {
            _ = try await CurlTransport().send(
                HTTPRequest(
                    method: .get, url: server.baseURL.appendingPathComponent("slow"),
                    timeout: .milliseconds(300)))
            Issue.record("expected a timeout")
        } catch let error as TransportError {
            #expect(error.kind == .timedOut)
        }
        // The route answers after 30 s; the 300 ms timeout must end the wait long before.
        #expect(ContinuousClock.now - started < .seconds(10))
        await server.stop()
    }

    @Test func aRefusedConnectionIsClassifiedRetryable() async throws {
        // Port 9 (discard) on loopback: nothing listens there in the test environment.
        do {
            _ = try await CurlTransport().send(
                HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:9/x")!))
            Issue.record("expected a refused connection")
        } catch let error as TransportError {
            #expect(error.kind == .connectionFailed)
            #expect(FailureCatalogue.classify(error).code == "unreachable")
            #expect(FailureCatalogue.classify(error).retryable)
        }
    }

    @Test(.timeLimit(.minutes(1))) func aTaskCancelledBeforeSendingFailsAtOnce() async throws {
        let server = try await Self.echoServer()
        let transport = CurlTransport()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(
                HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("slow")))
        }
        let result = await task.result
        await server.stop()
        guard case .failure(let error) = result else {
            Issue.record("a cancelled request must not succeed")
            return
        }
        #expect(error is CancellationError)
    }

    @Test(.timeLimit(.minutes(1))) func cancellationReachesCurl() async throws {
        let server = try await Self.echoServer()
        let transport = CurlTransport()
        let task = Task {
            try await transport.send(
                HTTPRequest(method: .get, url: server.baseURL.appendingPathComponent("slow")))
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        // The route answers after 30 s; a result long before that means curl dropped the request.
        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("a cancelled request must not succeed")
            return
        }
        #expect(error is CancellationError)
        await server.stop()
    }
}
