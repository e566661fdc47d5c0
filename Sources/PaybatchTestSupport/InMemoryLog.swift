import Foundation
import Logging
import PaybatchKit

/// The lines a logger wrote, kept in memory (swift-log's in-memory handler, through paybatch's
/// own formatting), so a test can read them as stderr would show them.
public final class InMemoryLog: @unchecked Sendable {
    // @unchecked: `stored` is only read and written under `lock`.
    private let lock = NSLock()
    private var stored: [String] = []

    public init() {}

    /// A logger that writes here in `format`, from `level` up, with an optional shared context.
    public func logger(
        format: LogFormat = .json, level: Logger.Level = .debug, context: LogContext? = nil
    ) -> Logger {
        Logger(label: "test") { label in
            PaybatchLogHandler(label: label, format: format, level: level, context: context) { [self] line in
                lock.withLock { stored.append(line) }
            }
        }
    }

    /// Every line so far, in order.
    public var lines: [String] { lock.withLock { stored } }

    /// The JSON lines as objects (a line that is not one fails the parse: nil in its place).
    public var objects: [[String: Any]?] {
        lines.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
