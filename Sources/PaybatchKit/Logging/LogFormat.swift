import Foundation
import Logging

/// How log lines look on stderr (`--log-format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-29T09:30:00Z warning message connection=… request_id=…`
    case text
    /// One JSON object a line: `{"time":…,"level":…,"message":…,…metadata}`.
    case json
}
