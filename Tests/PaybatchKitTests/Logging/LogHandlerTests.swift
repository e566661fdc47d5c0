import Foundation
import Logging
import PaybatchKit
import PaybatchTestSupport
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

/// Issue 19, items 6 and 8: JSON fields keep their kind, a command's context reaches every line,
/// and text where nobody watches keeps only what needs a person.
@Suite("Log fields and verbosity")
struct LogFieldTests {
    @Test func jsonKeepsNumbersBooleansAndNestedObjects() throws {
        let line = PaybatchLogHandler.line(
            format: .json, time: Date(timeIntervalSince1970: 0), level: .notice, message: "export finished",
            metadata: [
                "exit_code": .stringConvertible(3), "ok": .stringConvertible(true),
                "calls": .dictionary(["company": .stringConvertible(8)]), "ids": .array(["a", "b"]),
                "path": "/employer/company",
            ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["exit_code"] as? Int == 3 && object["ok"] as? Bool == true)
        #expect((object["calls"] as? [String: Int])?["company"] == 8)
        #expect(object["ids"] as? [String] == ["a", "b"])
        #expect(line.contains(#""path":"/employer/company""#), "slashes unescaped: \(line)")
        let text = PaybatchLogHandler.line(
            format: .text, time: Date(timeIntervalSince1970: 0), level: .notice, message: "m",
            metadata: ["calls": .dictionary(["b": "2", "a": "1"])])
        #expect(text.hasSuffix("m calls={a:1,b:2}"), "\(text)")
    }

    @Test func theContextReachesEveryLaterLine() {
        let log = InMemoryLog()
        let context = LogContext()
        let logger = log.logger(format: .text, level: .info, context: context)
        logger.info("before")
        context["run_id"] = "run-1"
        logger.info("after", metadata: ["run_id": "own"])
        logger.info("later")
        #expect(!log.lines[0].contains("run_id"))
        #expect(log.lines[1].hasSuffix("after run_id=own"), "a line's own metadata wins")
        #expect(log.lines[2].hasSuffix("later run_id=run-1"))
    }

    @Test func textNobodyWatchesKeepsWarningsErrorsAndTheSummary() {
        func level(
            quiet: Bool = false, verbose: Bool = false, _ format: LogFormat, terminal: Bool
        ) -> Logger.Level {
            LogVerbosity(quiet: quiet, verbose: verbose, format: format, stderrIsTerminal: terminal).level
        }
        #expect(level(.text, terminal: false) == .notice)
        #expect(level(.text, terminal: true) == .info)
        #expect(level(.json, terminal: false) == .info, "outcome events whatever stderr is")
        #expect(level(verbose: true, .text, terminal: false) == .debug)
        #expect(level(quiet: true, .json, terminal: true) == .error)
    }
}
