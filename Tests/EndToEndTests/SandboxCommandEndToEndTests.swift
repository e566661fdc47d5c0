import Foundation
import PaybatchKit
import PaybatchTestSupport
import Testing

/// Issue 19, item 11: `paybatch sandbox --port N` serves even with files to write (it used to
/// write them and exit), the files it writes are 0600 (the roster holds every token), and an
/// existing file is refused without `--force`.
@Suite("The sandbox command, end to end", .serialized)
struct SandboxCommandEndToEndTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "paybatch-sandbox-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func run(_ arguments: [String]) async throws -> PaybatchBinary.Result {
        try await PaybatchBinary.run(arguments, currentDirectory: folder)
    }

    @Test func aPortServesEvenWithFilesToWrite() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = PaybatchBinary.url
        process.arguments = [
            "sandbox", "--port", "0", "--companies", "8", "--write-roster", path("roster.csv"),
        ]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        let sandbox = try await BackgroundProcess.start(process)
        defer { sandbox.terminate() }
        // The first line is the port when it serves; end of file (nil) when it exits instead.
        let reader = out.fileHandleForReading
        let firstLine = try await awaitBlocking { () -> String? in
            var bytes = Data()
            while !bytes.contains(UInt8(ascii: "\n")) {
                let chunk = try DescriptorReader.readAvailable(reader)
                if chunk.isEmpty { return nil }
                bytes.append(chunk)
            }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init)
        }
        let port = try #require(firstLine.flatMap { Int($0) }, "it serves: \(firstLine ?? "exited")")
        #expect(port > 0 && sandbox.isRunning)
        #expect(OwnerOnlyFiles.mode(of: path("roster.csv")) == 0o600)
        let counters = try await awaitBlocking {
            try Data(contentsOf: URL(string: "http://127.0.0.1:\(port)/_sandbox/counters")!)
        }
        #expect(!counters.isEmpty)
    }

    @Test func filesAre0600AndNeverOverwrittenWithoutForce() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try await run(["sandbox", "--companies", "8", "--write-roster", path("roster.csv")])
        #expect(written.exitCode == 0, "\(written.stderr)")
        #expect(OwnerOnlyFiles.mode(of: path("roster.csv")) == 0o600, "the roster holds every token")

        let kept = path("kept.csv")
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: kept))
        chmod(kept, 0o644)
        let refused = try await run(["sandbox", "--companies", "8", "--write-roster", kept])
        #expect(refused.exitCode == 73, "\(refused.stderr)")
        #expect(refused.stderr.contains(kept) && refused.stderr.contains("--force"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8) == "mine\n")

        let forced = try await run(["sandbox", "--companies", "8", "--write-roster", kept, "--force"])
        #expect(forced.exitCode == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: kept, encoding: .utf8).hasPrefix("customer_id,"))
        #expect(OwnerOnlyFiles.mode(of: kept) == 0o600, "replaced, and no longer readable by others")
    }
}
