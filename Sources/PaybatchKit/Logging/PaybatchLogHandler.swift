import Foundation
import Logging

/// How log lines look on stderr (`--log-format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-29T09:30:00Z warning message connection=… request_id=…`
    case text
    /// One JSON object a line: `{"time":…,"level":…,"message":…,…metadata}`.
    case json
}

/// A swift-log handler that formats each record as one line and hands it to a sink: stderr in the
/// command line, an in-memory array in tests. The engine logs through it and never prints.
public struct PaybatchLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let format: LogFormat
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    public init(
        label: String, format: LogFormat, level: Logger.Level,
        now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.now = now
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        sink(
            Self.line(
                format: format, time: now(), level: event.level, message: "\(event.message)", metadata: merged
            ))
    }

    /// One formatted line, without its newline; secrets that slipped into text are scrubbed.
    public static func line(
        format: LogFormat, time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata
    ) -> String {
        let stamp = time.formatted(.iso8601)
        let pairs = metadata.sorted { $0.key < $1.key }.map { ($0.key, SecretScrubber.scrub("\($0.value)")) }
        let text = SecretScrubber.scrub(message)
        switch format {
        case .text:
            let tail = pairs.map { " \($0)=\($1.contains(" ") ? "\"\($1)\"" : $1)" }.joined()
            return "\(stamp) \(level.rawValue) \(text)\(tail)"
        case .json:
            var object: [String: String] = ["time": stamp, "level": level.rawValue, "message": text]
            for (key, value) in pairs where object[key] == nil { object[key] = value }
            let data =
                (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
                ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// The last line of defence against a secret in a log line: credentials in `Authorization`
/// form are cut to their last four characters. Types that hold secrets redact themselves first.
public enum SecretScrubber {
    public static func scrub(_ text: String) -> String {
        guard text.contains("Bearer ") || text.contains("Basic ") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "Bearer ") ?? rest.range(of: "Basic ") {
            result += rest[..<range.upperBound]
            let secret = rest[range.upperBound...].prefix { !$0.isWhitespace && $0 != "\"" && $0 != "," }
            result += AccessToken.redact(String(secret))
            rest = rest[secret.endIndex...]
        }
        return result + rest
    }
}
