import Foundation

/// What a data call came to: the value, or "not ready yet" (HTTP 202).
public enum DataFetch<Value: Sendable>: Sendable {
    case ok(Value)
    case pending(RequestID?)

    public var value: Value? {
        if case .ok(let value) = self { return value }
        return nil
    }

    /// The fetched value transformed; pending stays pending.
    public func map<Other: Sendable>(_ transform: (Value) throws -> Other) rethrows -> DataFetch<Other> {
        switch self {
        case .ok(let value): .ok(try transform(value))
        case .pending(let id): .pending(id)
        }
    }
}
