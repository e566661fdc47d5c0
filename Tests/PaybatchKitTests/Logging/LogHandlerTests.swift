import Foundation
import Logging
import PaybatchKit
import Testing

@Suite("Log lines")
struct LogHandlerTests {
    let time = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func textLinesCarryMetadataSorted() {
        let line = PaybatchLogHandler.line(
            format: .text, time: time, level: .warning, message: "connection failed",
            metadata: ["request_id": "req-1", "connection": "conn 1"])
        #expect(line.hasSuffix(#"warning connection failed connection="conn 1" request_id=req-1"#))
        #expect(line.hasPrefix("2026-"))
    }

    @Test func jsonLinesAreOneObject() throws {
        let line = PaybatchLogHandler.line(
            format: .json, time: time, level: .error, message: "x", metadata: ["connection": "c"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "error")
        #expect(object["connection"] == "c")
        #expect(!line.contains("\n"))
    }

    @Test func credentialsThatSlipIntoALineAreCut() {
        let line = PaybatchLogHandler.line(
            format: .text, time: time, level: .debug,
            message: "sent Authorization: Bearer tok_1234567890abcd",
            metadata: ["header": "Basic dXNlcjpwYXNzd29yZA=="])
        #expect(!line.contains("tok_1234567890"))
        #expect(!line.contains("dXNlcjpwYXNz"))
        #expect(line.contains("Bearer …abcd"))
    }

    @Test func theHandlerHandsEveryLineToItsSink() {
        final class Lines: @unchecked Sendable {
            var all: [String] = []
            let lock = NSLock()
            func add(_ line: String) { lock.withLock { all.append(line) } }
        }
        let lines = Lines()
        var logger = Logger(label: "t") { label in
            PaybatchLogHandler(label: label, format: .text, level: .info, sink: { lines.add($0) })
        }
        logger[metadataKey: "run"] = "r1"
        logger.debug("hidden")
        logger.info("shown", metadata: ["connection": "c1"])
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains("run=r1") == true)
    }
}
