import Foundation

/// An observer made of a closure, for the live wiring and for tests.
public struct ClosureCallObserver: FinchCallObserver {
    private let body: @Sendable (FinchCallRecord) async -> Void
    public init(_ body: @escaping @Sendable (FinchCallRecord) async -> Void) { self.body = body }
    public func record(_ call: FinchCallRecord) async { await body(call) }
}
