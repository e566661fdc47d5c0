import FinchSandbox
import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// The built binary left running, its standard output collected as it comes.
///
/// `@unchecked Sendable`: the collected bytes are only touched under `lock`, and `child` is Sendable.
private final class RunningBinary: @unchecked Sendable {
    private let child: BackgroundProcess
    private let lock = NSLock()
    private var collected = Data()
    /// Its stderr, collected too, to say why when a line never comes.
    private var collectedErrors = Data()

    private init(child: BackgroundProcess) { self.child = child }

    static func start(
        _ arguments: [String], environment: [String: String], directory: URL
    ) async throws -> RunningBinary {
        let process = Process()
        process.executableURL = PaybatchBinary.url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        let running = RunningBinary(child: try await BackgroundProcess.start(process))
        running.collect(out.fileHandleForReading, errors: false)
        running.collect(errors.fileHandleForReading, errors: true)
        return running
    }

    /// Appends what `handle` delivers until end of file, on a Dispatch thread (the read blocks).
    private func collect(_ handle: FileHandle, errors: Bool) {
        DispatchQueue.global().async {
            while let chunk = try? DescriptorReader.readAvailable(handle), !chunk.isEmpty {
                self.lock.withLock {
                    if errors { self.collectedErrors.append(chunk) } else { self.collected.append(chunk) }
                }
            }
        }
    }

    var stdout: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// The first output line starting with `prefix`, waiting up to 90 s for it (the whole suite runs
    /// in parallel on 2 cores).
    func line(startingWith prefix: String) async throws -> String {
        for _ in 0..<900 {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return String(line)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        child.terminate()
        let stderr = lock.withLock { String(decoding: collectedErrors, as: UTF8.self) }
        throw TransportTestError("no line starting with \(prefix) in: \(stdout); stderr: \(stderr)")
    }

    /// Stops it early (a test that failed before it exited by itself).
    func terminate() { child.terminate() }

    /// Waits for the exit.
    func exitCode() async -> Int32 { await child.exitCode() }
}

@Suite("The built binary: connect and reauth through the loopback listener", .serialized)
struct RosterConnectEndToEndTests {
    @Test func connectWaitsForTheBrowserAndStoresTheToken() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        #expect(
            try await work.run(
                ["config", "set-client-secret", "--stdin"], stdin: RosterWorkspace.clientSecret + "\n"
            ).exitCode == 0)

        // Below Linux's ephemeral range (32768-60999): after a full suite's thousands of loopback
        // calls, a port in that range may still be some client socket's, and the listener's bind
        // then fails (the connect process exits before printing its link).
        let port = Int.random(in: 20_000..<30_000)
        let redirect = "http://127.0.0.1:\(port)/callback"
        let running = try await RunningBinary.start(
            [
                "connect", "--customer-id", "cust-e2e", "--customer-name", "Éclair Foods", "--redirect-uri",
                redirect,
                "--wait", "60s",
            ], environment: work.environment, directory: work.folder)
        defer { running.terminate() }
        let url = try await running.line(startingWith: work.server.baseURL.absoluteString)
        // The browser: the authorize page redirects to the listener, which answers with a page.
        let authorize = try await CurlTransport().send(HTTPRequest(method: .get, url: URL(string: url)!))
        let location = try #require(authorize.header("Location"))
        #expect(location.hasPrefix(redirect + "?code="))
        let callback = try await CurlTransport().send(HTTPRequest(method: .get, url: URL(string: location)!))
        #expect(callback.status == 200)
        #expect(String(decoding: callback.body, as: UTF8.self).contains("You can close this page"))
        #expect(await running.exitCode() == 0)
        #expect(running.stdout.contains("Added connection"))
        work.outputs.append(running.stdout)

        let listed = try await work.run(["roster", "list", "--json"])
        #expect(listed.stdout.contains("cust-e2e") && listed.stdout.contains("Éclair Foods"))

        let noWait = try await work.run(
            [
                "connect", "--customer-id", "cust-later", "--customer-name", "Later", "--no-wait",
                "--redirect-uri", redirect,
            ])
        #expect(noWait.exitCode == 0)
        #expect(noWait.stdout.contains("/authorize?session="))
        #expect(noWait.stdout.contains("paybatch roster add --customer-id cust-later"))
        let noSecret = try await work.run(
            ["connect", "--customer-id", "c", "--customer-name", "C", "--no-wait"],
            without: ["PAYBATCH_KEY_FILE"])
        #expect(noSecret.exitCode == 78)
        work.expectNoSecrets()
    }

    @Test func reauthWithACodeKeepsTheConnectionID() async throws {
        let work = try await RosterWorkspace(companies: 8)
        defer { Task { [server = work.server] in await server.stop() } }
        try await work.run(["keys", "init", "--key-file", work.path("paybatch.key")])
        try await work.run(["roster", "import", work.rosterFile])
        let target = try #require(work.server.world.connections.first { $0.scenario == .reauth })
        let other = try #require(work.server.world.connections.first { $0.scenario == .normal })
        let env = ["FINCH_CLIENT_SECRET": RosterWorkspace.clientSecret]
        let redirect = "http://127.0.0.1:9/callback"
        func code(for id: String) async throws -> String {
            let linked = try await work.run(
                ["reauth", id, "--no-wait", "--redirect-uri", redirect], extra: env)
            let url = try #require(linked.stdout.split(separator: "\n").first { $0.contains("/authorize?") })
            let answer = try await CurlTransport().send(
                HTTPRequest(method: .get, url: URL(string: String(url))!))
            return try #require(
                URLComponents(string: answer.header("Location") ?? "")?.queryItems?.first?.value)
        }
        let wrongCode = try await code(for: other.connectionID)
        let wrong = try await work.run(
            ["reauth", target.connectionID, "--code", wrongCode, "--redirect-uri", redirect], extra: env)
        #expect(wrong.exitCode == 65)
        #expect(wrong.stderr.contains("nothing was replaced"))
        let rightCode = try await code(for: target.connectionID)
        let right = try await work.run(
            ["reauth", target.connectionID, "--code", rightCode, "--redirect-uri", redirect], extra: env)
        #expect(right.exitCode == 0)
        #expect(
            right.stdout.contains("Replaced the token of connection \(target.connectionID) (status connected")
        )
        #expect(try await work.run(["status", "--check"]).exitCode == 0)
        work.expectNoSecrets()
    }
}
