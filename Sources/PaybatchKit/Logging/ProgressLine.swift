/// The line a terminal shows while a command works through many items:
/// `connections fetched 3/10, about 2 min 5 s left`.
public struct ProgressLine: Sendable, Equatable {
    public var label: String
    public var done: Int
    public var total: Int
    /// Seconds left, when there is an estimate (`RemainingTime`).
    public var remainingSeconds: Double?

    public init(label: String, done: Int, total: Int, remainingSeconds: Double? = nil) {
        self.label = label
        self.done = done
        self.total = total
        self.remainingSeconds = remainingSeconds
    }

    /// Whether every item is done: the last line stays on screen, under the ones before it.
    public var isFinal: Bool { done >= total }

    public var text: String {
        let count = "\(label) \(done)/\(total)"
        guard !isFinal, let remainingSeconds else { return count }
        return "\(count), about \(RemainingTime.text(remainingSeconds)) left"
    }
}
