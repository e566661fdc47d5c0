import Foundation
import Logging

/// A swift-log handler that formats each record as one line and hands it to a sink: stderr in the
/// command line, an in-memory array in tests. The engine logs through it and never prints.
public struct PaybatchLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let format: LogFormat
    private let sink: @Sendable (String) -> Void
    private let now: @Sendable () -> Date
    private let context: LogContext?

    public init(
        label: String, format: LogFormat, level: Logger.Level, context: LogContext? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping @Sendable (String) -> Void
    ) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.context = context
        self.now = now
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = context?.metadata ?? [:]
        merged.merge(metadata) { $1 }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        sink(
            Self.line(
                format: format, time: now(), level: event.level, message: "\(event.message)", metadata: merged
            ))
    }

    /// One formatted line, without its newline; secrets that slipped into text are scrubbed. In
    /// JSON, a metadata value keeps its kind: numbers and booleans stay numbers and booleans, and
    /// nested dictionaries and arrays stay objects and arrays, so a reader filters on fields.
    public static func line(
        format: LogFormat, time: Date, level: Logger.Level, message: String, metadata: Logger.Metadata
    ) -> String {
        let stamp = time.formatted(.iso8601)
        let pairs = metadata.sorted { $0.key < $1.key }
        let text = SecretScrubber.scrub(message)
        switch format {
        case .text:
            let tail = pairs.map { key, value in
                let shown = textValue(value)
                return " \(key)=\(shown.contains(" ") ? "\"\(shown)\"" : shown)"
            }.joined()
            return "\(stamp) \(level.rawValue) \(text)\(tail)"
        case .json:
            var object: [String: Any] = ["time": stamp, "level": level.rawValue, "message": text]
            for (key, value) in pairs where object[key] == nil { object[key] = jsonValue(value) }
            let data =
                (try? JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `a=1` for a scalar; `{k:v,k:v}` (keys sorted) for a dictionary; `[a,b]` for an array.
    private static func textValue(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let string): SecretScrubber.scrub(string)
        case .stringConvertible(let convertible): SecretScrubber.scrub(convertible.description)
        case .dictionary(let dictionary):
            "{"
                + dictionary.sorted { $0.key < $1.key }.map { "\($0.key):\(textValue($0.value))" }
                .joined(separator: ",") + "}"
        case .array(let array): "[" + array.map(textValue).joined(separator: ",") + "]"
        }
    }

    private static func jsonValue(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): SecretScrubber.scrub(string)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: number
            case let number as Int32: number
            case let number as Int64: number
            case let number as Double where number.isFinite: number
            case let flag as Bool: flag
            default: SecretScrubber.scrub(convertible.description)
            }
        case .dictionary(let dictionary): dictionary.mapValues(jsonValue)
        case .array(let array): array.map(jsonValue)
        }
    }
}
