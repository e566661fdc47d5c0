/// Where the large objects and arrays of a checked JSON text lie, recorded by the checking pass.
///
/// A batch answer is walked once per level — its responses, each item, the item's body, the
/// body's statements — and each walk would otherwise step again through every byte below it:
/// six passes over an 11 MB pay-statement answer, on the path between one call and the next.
/// With the extents, a walk jumps over each large child, and the bytes are stepped through once.
struct ContainerExtents: Sendable {
    /// Smaller containers are stepped through: cheaper than the memory to remember them.
    static let minimumLength = 256

    /// Sorted by lower bound once recording ends (they are recorded as they close).
    private var ranges: [Range<Int>] = []
    private var sorted = true

    /// Notes a container the checking pass has just stepped over.
    mutating func record(_ range: Range<Int>) {
        guard range.count >= Self.minimumLength else { return }
        if let last = ranges.last, last.lowerBound > range.lowerBound { sorted = false }
        ranges.append(range)
    }

    /// Ends recording: lookups need the ranges in order.
    mutating func finish() {
        if !sorted { ranges.sort { $0.lowerBound < $1.lowerBound } }
        sorted = true
    }

    /// The end of the recorded container starting at `start`, nil when none starts there.
    func end(ofContainerAt start: Int) -> Int? {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound < start { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].lowerBound == start ? ranges[low].upperBound : nil
    }
}
