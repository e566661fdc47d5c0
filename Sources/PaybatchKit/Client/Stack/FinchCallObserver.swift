import Foundation

/// Receives every attempt's record as it completes (the store persists them), and every retry and
/// every call given up on as the retry layer decides them.
public protocol FinchCallObserver: Sendable {
    func record(_ call: FinchCallRecord) async
    func retrying(_ retry: FinchRetry) async
    func givingUp(_ giveUp: FinchGiveUp) async
}

extension FinchCallObserver {
    /// Most observers need only the attempts.
    public func retrying(_ retry: FinchRetry) async {}
    public func givingUp(_ giveUp: FinchGiveUp) async {}
}
