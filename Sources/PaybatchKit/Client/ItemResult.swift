import Foundation

/// One batch item's result, matched by its id.
public enum ItemResult<Value: Sendable>: Sendable {
    case ok(Value)
    /// Item-level 202 `data_sync_in_progress`.
    case pending(RequestID?)
    case failed(FinchFailure)
}
