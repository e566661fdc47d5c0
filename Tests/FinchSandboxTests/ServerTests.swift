import Foundation
import Testing

@testable import FinchSandbox

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The sandbox over real HTTP on 127.0.0.1.
@Suite struct ServerTests {
    func fetch(_ server: SandboxServer, _ path: String) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: server.baseURL.appendingPathComponent(path))
        request.setValue("2020-09-17", forHTTPHeaderField: "Finch-API-Version")
        request.timeoutInterval = 60  // generous: the whole suite runs in parallel on 2 cores
        let (data, response) = try await URLSession.shared.data(for: request)
        return (data, response as! HTTPURLResponse)
    }

    @Test func servesOnLoopbackWithRequestIDs() async throws {
        let server = SandboxServer(options: SandboxOptions(now: TestSandbox.now))
        let port = try await server.start()
        #expect(port > 0)
        #expect(server.baseURL.host == "127.0.0.1")
        let (data, response) = try await fetch(server, "providers")
        #expect(response.statusCode == 200)
        #expect(response.value(forHTTPHeaderField: "Finch-Request-Id") != nil)
        #expect((try JSONSerialization.jsonObject(with: data) as? [Any])?.count == ProviderProfile.all.count)
        #expect(server.counters().endpoints["GET /providers"]?.calls == 1)
        await server.stop()
    }

    @Test func truncatedBodiesFailOnTheClient() async throws {
        let server = SandboxServer(
            options: SandboxOptions(now: TestSandbox.now, faults: try FaultPlan(parsing: "truncate=1")))
        _ = try await server.start()
        await #expect(throws: (any Error).self) { _ = try await fetch(server, "providers") }
        #expect(server.counters().endpoints["GET /providers"]?.faults["truncate"] == 1)
        await server.stop()
    }
}
