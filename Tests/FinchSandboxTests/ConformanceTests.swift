import Foundation
import PaybatchTestSupport
import Testing

@testable import FinchSandbox

/// Runs the Python conformance scripts with the venv `make sdk-venv` builds; a missing venv fails.
@Suite(.serialized) struct ConformanceTests {
    static let folder = RepoPaths.root.appendingPathComponent("Tests/FinchSandboxTests/Conformance")
    static let python = RepoPaths.root.appendingPathComponent(".venv-sdk/bin/python")

    /// Runs `script` with a JSON config; returns its exit status and output.
    static func runPython(_ script: String, config: [String: Any]) async throws -> (Int32, String) {
        let configURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("sandbox-conformance-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: config).write(to: configURL)
        defer { try? FileManager.default.removeItem(at: configURL) }
        let process = Process()
        process.executableURL = python
        process.arguments = [folder.appendingPathComponent(script).path, configURL.path]
        var environment = ProcessInfo.processInfo.environment
        environment["FINCH_BASE_URL"] = nil
        process.environment = environment
        return try await awaitBlocking {
            let run = try CapturedRun.run(process, mergingErrors: true)
            return (run.exitCode, run.output)
        }
    }

    @Test func venvExists() {
        #expect(
            FileManager.default.isExecutableFile(atPath: ConformanceTests.python.path),
            "run `make sdk-venv` first: \(ConformanceTests.python.path) is missing")
    }

    @Test func officialSDKParsesEverything() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ConformanceTests.python.path), "run `make sdk-venv`")
        let server = SandboxServer(
            options: SandboxOptions(now: TestSandbox.now, clientID: "sdk-client", clientSecret: "sdk-secret"))
        _ = try await server.start()
        let period = server.world.lastCompletePeriod
        let bounds = try #require(BillingPeriod(period))
        // One connection per provider pattern: the SDK must parse each provider's gaps and oddities.
        let targets = server.world.connections.filter { [.normal, .secondProvider].contains($0.scenario) }
        let connections: [[String: Any]] = try Dictionary(grouping: targets, by: \.providerID).values.map {
            group in
            let connection = group[0]
            let totals = try #require(
                server.world.expectedTotals(connectionID: connection.connectionID, period: period))
            let benefits = server.world.expectedBenefits(connectionID: connection.connectionID)
            return [
                "label": connection.providerID, "token": connection.accessToken,
                "individuals": totals.individuals,
                "payments": totals.payments, "pay_statements": totals.payStatements,
                "benefits": benefits.benefits, "enrollments": benefits.enrollments,
            ]
        }
        // The SDK reads the benefit endpoints too, where a connection has the product.
        #expect(connections.contains { ($0["benefits"] as? Int ?? 0) > 0 })
        // A multi-entity connection (issue 21): each entity read through the SDK's `entity_ids`.
        let multi = try #require(server.world.connections.first { $0.scenario == .multiEntity })
        let entities: [[String: Any]] = server.world.entities(of: multi).map { entity in
            let totals = server.world.expectedTotals(
                connectionID: multi.connectionID, entityID: entity.id, period: period)
            return [
                "id": entity.id, "readable": entity.fixedStatus == nil,
                "individuals": totals?.individuals ?? 0, "payments": totals?.payments ?? 0,
            ]
        }
        let (status, output) = try await ConformanceTests.runPython(
            "sdk_conformance.py",
            config: [
                "base_url": server.baseURL.absoluteString, "connections": connections,
                "multi_entity": ["token": multi.accessToken, "entities": entities],
                "client_id": "sdk-client", "client_secret": "sdk-secret", "page_size": 50,
                "start_date": bounds.start.description, "end_date": (bounds.end - 1).description,
                "quirks": ConformanceTests.folder.appendingPathComponent("quirks.json").path,
            ])
        await server.stop()
        #expect(status == 0, "\(output)")
    }

    @Test func bodiesMatchTheJanuary2024Schemas() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ConformanceTests.python.path), "run `make sdk-venv`")
        let sandbox = TestSandbox()
        var bodies: [[String: Any]] = []
        func record(_ method: String, _ path: String, _ response: SandboxResponse) {
            guard let object = response.object else { return }
            bodies.append(["method": method, "path": path, "status": response.status, "body": object])
        }
        for connection in sandbox.world.connections
        where [.normal, .secondProvider, .sandboxType].contains(connection.scenario) {
            let token = connection.accessToken
            record("GET", "/introspect", sandbox.get("/introspect", token: token))
            record("GET", "/employer/company", sandbox.get("/employer/company", token: token))
            let directory = sandbox.get("/employer/directory", query: "limit=40", token: token)
            record("GET", "/employer/directory", directory)
            let ids = ((directory.dictionary["individuals"] as? [[String: Any]]) ?? []).compactMap {
                $0["id"] as? String
            }
            let requests = (ids + ["unknown-id"]).map { "{\"individual_id\":\"\($0)\"}" }.joined(
                separator: ",")
            for path in ["/employer/individual", "/employer/employment"] {
                record("POST", path, sandbox.post(path, json: "{\"requests\":[\(requests)]}", token: token))
            }
            let payments = sandbox.get(
                "/employer/payment", query: "start_date=2026-06-01&end_date=2026-10-31", token: token)
            record("GET", "/employer/payment", payments)
            let paymentIDs = ((payments.object as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
                .suffix(9)
            let statementRequests = (paymentIDs + ["unknown"]).map { "{\"payment_id\":\"\($0)\"}" }.joined(
                separator: ",")
            record(
                "POST", "/employer/pay-statement",
                sandbox.post(
                    "/employer/pay-statement", json: "{\"requests\":[\(statementRequests)]}", token: token))
        }
        // The benefit endpoints, on the connections with the product (checked by the route's template).
        for connection in sandbox.world.connections where connection.hasBenefits {
            let benefits = sandbox.get("/employer/benefits", token: connection.accessToken)
            record("GET", "/employer/benefits", benefits)
            for case let id as String in ((benefits.object as? [[String: Any]]) ?? []).map({
                $0["benefit_id"]
            }) {
                // The 2024 files give this read 207 Multi-Status (API.md §5); Finch and the SDK now
                // answer 200 with the same body, which is checked against the 207 schema.
                var answer = sandbox.get(
                    "/employer/benefits/\(id)/individuals", token: connection.accessToken)
                if answer.status == 200 { answer.status = 207 }
                record("GET", "/employer/benefits/{benefit_id}/individuals", answer)
            }
        }
        record("GET", "/providers", sandbox.get("/providers", token: nil))
        record(
            "POST", "/disconnect",
            sandbox.post("/disconnect", json: "", token: sandbox.connection(.normal).accessToken))
        let specs = ["employer.yaml", "management.yaml"].map {
            ConformanceTests.folder.appendingPathComponent("openapi-2024-01/\($0)").path
        }
        let (status, output) = try await ConformanceTests.runPython(
            "schema_conformance.py",
            config: [
                "bodies": bodies, "specs": specs,
                "allow": ConformanceTests.folder.appendingPathComponent("schema_allowlist.json").path,
            ])
        #expect(status == 0, "\(output)")
    }
}
